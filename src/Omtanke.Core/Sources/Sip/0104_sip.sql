CREATE TABLE fact_sip (
    LIKE fact_columns INCLUDING DEFAULTS,
    sip_id      text    NOT NULL,
    kommunkod   text    NOT NULL,
    datum       date    NOT NULL,
    status      text    NOT NULL,
    malgrupp    text    NOT NULL,
    patient_key bytea
);
CREATE INDEX fact_sip_delivery ON fact_sip USING brin (delivery_id);
CREATE INDEX fact_sip_month ON fact_sip USING brin (ref_month);
