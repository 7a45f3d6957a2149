CREATE TABLE fact_utskrivningsklara (
    delivery_id            bigint  NOT NULL,
    line_no                integer NOT NULL,
    ref_month              date    NOT NULL,
    area                   text    NOT NULL,
    current                boolean NOT NULL DEFAULT true,
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
CREATE INDEX fact_utskrivningsklara_slice ON fact_utskrivningsklara (delivery_id, ref_month, area);
CREATE INDEX fact_utskrivningsklara_month ON fact_utskrivningsklara (ref_month) WHERE current;
