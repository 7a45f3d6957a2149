CREATE TABLE fact_kontinuitet (
    LIKE fact_columns INCLUDING DEFAULTS,
    period            date    NOT NULL,
    vardcentral       text    NOT NULL,
    kommunkod         text    NOT NULL,
    antal_patienter   integer NOT NULL,
    kontinuitetsindex numeric NOT NULL
);
CREATE INDEX fact_kontinuitet_delivery ON fact_kontinuitet USING brin (delivery_id);
CREATE INDEX fact_kontinuitet_month ON fact_kontinuitet USING brin (ref_month);
