CREATE TABLE fact_sip (
    delivery_id bigint  NOT NULL,
    line_no     integer NOT NULL,
    ref_month   date    NOT NULL,
    area        text    NOT NULL,
    current     boolean NOT NULL DEFAULT true,
    sip_id      text    NOT NULL,
    kommunkod   text    NOT NULL,
    datum       date    NOT NULL,
    status      text    NOT NULL,
    malgrupp    text    NOT NULL,
    patient_key bytea
);
CREATE INDEX fact_sip_slice ON fact_sip (delivery_id, ref_month, area);
CREATE INDEX fact_sip_month ON fact_sip (ref_month) WHERE current;
