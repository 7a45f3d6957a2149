CREATE TABLE fact_avvikelser (
    delivery_id       bigint  NOT NULL,
    line_no           integer NOT NULL,
    ref_month         date    NOT NULL,
    area              text    NOT NULL,   -- the party that is not the region
    current           boolean NOT NULL DEFAULT true,
    arende_id         text    NOT NULL,
    typ               text    NOT NULL,
    rapporterad_datum date    NOT NULL,
    rapporterad_av    text    NOT NULL,
    mottagare         text    NOT NULL,
    kategori          text    NOT NULL,
    besvarad_datum    date
);
CREATE INDEX fact_avvikelser_slice ON fact_avvikelser (delivery_id, ref_month, area);
CREATE INDEX fact_avvikelser_month ON fact_avvikelser (ref_month) WHERE current;
