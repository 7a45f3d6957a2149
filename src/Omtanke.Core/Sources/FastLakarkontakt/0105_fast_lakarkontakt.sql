CREATE TABLE fact_fast_lakarkontakt (
    delivery_id                 bigint  NOT NULL,
    line_no                     integer NOT NULL,
    ref_month                   date    NOT NULL,
    area                        text    NOT NULL,
    current                     boolean NOT NULL DEFAULT true,
    period                      date    NOT NULL,
    kommunkod                   text    NOT NULL,
    grupp                       text    NOT NULL,
    antal_personer              integer NOT NULL,
    antal_med_fast_lakarkontakt integer NOT NULL
);
CREATE INDEX fact_fast_lakarkontakt_slice ON fact_fast_lakarkontakt (delivery_id, ref_month, area);
CREATE INDEX fact_fast_lakarkontakt_month ON fact_fast_lakarkontakt (ref_month) WHERE current;
