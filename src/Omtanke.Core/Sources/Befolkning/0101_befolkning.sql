-- Population on 31 December of ar; ref_month is December of ar, so a delivery supersedes (ar, kommunkod).
CREATE TABLE fact_befolkning (
    LIKE fact_columns INCLUDING DEFAULTS,
    ar            integer NOT NULL,
    kommunkod     text    NOT NULL,
    antal_totalt  integer NOT NULL,
    antal_65_plus integer NOT NULL,
    antal_80_plus integer NOT NULL
);
CREATE INDEX fact_befolkning_delivery ON fact_befolkning USING brin (delivery_id);
CREATE INDEX fact_befolkning_lookup ON fact_befolkning (kommunkod, ar) WHERE current;
