CREATE TABLE fact_lakarbesok (
    LIKE fact_columns INCLUDING DEFAULTS,
    besok_id    text    NOT NULL,
    patient_key bytea   NOT NULL,
    kommunkod   text    NOT NULL,
    vardcentral text    NOT NULL,
    lakare_id   text    NOT NULL,
    besoksdatum date    NOT NULL
);
CREATE INDEX fact_lakarbesok_delivery ON fact_lakarbesok USING brin (delivery_id);
CREATE INDEX fact_lakarbesok_month ON fact_lakarbesok USING brin (ref_month);
