CREATE TABLE fact_palliativ (
    LIKE fact_columns INCLUDING DEFAULTS,
    period                 date    NOT NULL,
    kommunkod              text    NOT NULL,
    antal_vantade_dodsfall integer NOT NULL,
    antal_brytpunktssamtal integer NOT NULL,
    antal_smartskattning   integer NOT NULL
);
CREATE INDEX fact_palliativ_delivery ON fact_palliativ USING brin (delivery_id);
CREATE INDEX fact_palliativ_month ON fact_palliativ USING brin (ref_month);
