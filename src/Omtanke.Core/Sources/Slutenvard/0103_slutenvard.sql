CREATE TABLE fact_slutenvard (
    LIKE fact_columns INCLUDING DEFAULTS,
    vardtillfalle_id  text    NOT NULL,
    patient_key       bytea   NOT NULL,
    kommunkod         text    NOT NULL,
    alder             integer NOT NULL,
    vardform          text    NOT NULL,
    inskrivningsdatum date    NOT NULL,
    utskrivningsdatum date    NOT NULL,
    inskrivningssatt  text    NOT NULL,
    utskrivningssatt  text    NOT NULL
);
CREATE INDEX fact_slutenvard_delivery ON fact_slutenvard USING brin (delivery_id);
CREATE INDEX fact_slutenvard_month ON fact_slutenvard USING brin (ref_month);
