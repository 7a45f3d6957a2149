CREATE TABLE fact_kontinuitet (
    delivery_id       bigint  NOT NULL,
    line_no           integer NOT NULL,
    ref_month         date    NOT NULL,
    area              text    NOT NULL,
    current           boolean NOT NULL DEFAULT true,
    period            date    NOT NULL,
    vardcentral       text    NOT NULL,
    kommunkod         text    NOT NULL,
    antal_patienter   integer NOT NULL,
    kontinuitetsindex numeric NOT NULL
);
CREATE INDEX fact_kontinuitet_slice ON fact_kontinuitet (delivery_id, ref_month, area);
CREATE INDEX fact_kontinuitet_month ON fact_kontinuitet (ref_month) WHERE current;
