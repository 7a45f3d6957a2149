CREATE TABLE fact_utskrivningsklara (
    LIKE fact_columns INCLUDING DEFAULTS,
    vardtillfalle_id       text    NOT NULL,
    patient_key            bytea   NOT NULL,
    kommunkod              text    NOT NULL,
    alder                  integer NOT NULL,
    vardform               text    NOT NULL,
    sjukhus                text,
    enhet                  text,
    inskrivningsdatum      date    NOT NULL,
    utskrivningsklar_datum date    NOT NULL,
    utskrivningsdatum      date    NOT NULL
);
CREATE INDEX fact_utskrivningsklara_delivery ON fact_utskrivningsklara USING brin (delivery_id);
CREATE INDEX fact_utskrivningsklara_month ON fact_utskrivningsklara USING brin (ref_month);
