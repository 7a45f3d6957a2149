CREATE TABLE fact_lakarbesok (
    delivery_id bigint  NOT NULL,
    line_no     integer NOT NULL,
    ref_month   date    NOT NULL,
    area        text    NOT NULL,
    current     boolean NOT NULL DEFAULT true,
    besok_id    text    NOT NULL,
    patient_key bytea   NOT NULL,
    kommunkod   text    NOT NULL,
    vardcentral text    NOT NULL,
    lakare_id   text    NOT NULL,
    besoksdatum date    NOT NULL
);
CREATE INDEX fact_lakarbesok_slice ON fact_lakarbesok (delivery_id, ref_month, area);
CREATE INDEX fact_lakarbesok_month ON fact_lakarbesok (ref_month) WHERE current;
