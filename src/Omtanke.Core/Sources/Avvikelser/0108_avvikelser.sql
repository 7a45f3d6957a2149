CREATE TABLE fact_avvikelser (
    LIKE fact_columns INCLUDING DEFAULTS,
    arende_id         text    NOT NULL,
    typ               text    NOT NULL,
    rapporterad_datum date    NOT NULL,
    rapporterad_av    text    NOT NULL,
    mottagare         text    NOT NULL,
    kategori          text    NOT NULL,
    besvarad_datum    date
);
CREATE INDEX fact_avvikelser_delivery ON fact_avvikelser USING brin (delivery_id);
CREATE INDEX fact_avvikelser_month ON fact_avvikelser USING brin (ref_month);
