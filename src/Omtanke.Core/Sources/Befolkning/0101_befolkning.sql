-- Population on 31 December of ar; ref_month is December of ar, so a delivery supersedes (ar, kommunkod).
CREATE TABLE fact_befolkning (
    delivery_id   bigint  NOT NULL,
    line_no       integer NOT NULL,
    ref_month     date    NOT NULL,
    area          text    NOT NULL,
    current       boolean NOT NULL DEFAULT true,
    ar            integer NOT NULL,
    kommunkod     text    NOT NULL,
    antal_totalt  integer NOT NULL,
    antal_65_plus integer NOT NULL,
    antal_80_plus integer NOT NULL
);
CREATE INDEX fact_befolkning_slice ON fact_befolkning (delivery_id, ref_month, area);
CREATE INDEX fact_befolkning_lookup ON fact_befolkning (kommunkod, ar) WHERE current;
