CREATE TABLE fact_fast_lakarkontakt (
    LIKE fact_columns INCLUDING DEFAULTS,
    period                      date    NOT NULL,
    kommunkod                   text    NOT NULL,
    grupp                       text    NOT NULL,
    antal_personer              integer NOT NULL,
    antal_med_fast_lakarkontakt integer NOT NULL
);
CREATE INDEX fact_fast_lakarkontakt_delivery ON fact_fast_lakarkontakt USING brin (delivery_id);
CREATE INDEX fact_fast_lakarkontakt_month ON fact_fast_lakarkontakt USING brin (ref_month);
