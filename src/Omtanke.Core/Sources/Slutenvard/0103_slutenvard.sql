CREATE TABLE fact_slutenvard (
    delivery_id       bigint  NOT NULL,
    line_no           integer NOT NULL,
    ref_month         date    NOT NULL,
    area              text    NOT NULL,
    current           boolean NOT NULL DEFAULT true,
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
CREATE INDEX fact_slutenvard_slice ON fact_slutenvard (delivery_id, ref_month, area);
CREATE INDEX fact_slutenvard_month ON fact_slutenvard (ref_month) WHERE current;
-- The readmissions a stay can be followed by: acute somatic admissions of the same patient.
CREATE INDEX fact_slutenvard_readmission ON fact_slutenvard (patient_key, inskrivningsdatum)
    WHERE current AND vardform = 'somatik' AND inskrivningssatt = 'akut';
