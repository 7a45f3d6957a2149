CREATE TABLE fact_palliativ (
    delivery_id            bigint  NOT NULL,
    line_no                integer NOT NULL,
    ref_month              date    NOT NULL,
    area                   text    NOT NULL,
    current                boolean NOT NULL DEFAULT true,
    period                 date    NOT NULL,
    kommunkod              text    NOT NULL,
    antal_vantade_dodsfall integer NOT NULL,
    antal_brytpunktssamtal integer NOT NULL,
    antal_smartskattning   integer NOT NULL
);
CREATE INDEX fact_palliativ_slice ON fact_palliativ (delivery_id, ref_month, area);
CREATE INDEX fact_palliativ_month ON fact_palliativ (ref_month) WHERE current;
