CREATE TABLE fact_hemsjukvard (
    LIKE fact_columns INCLUDING DEFAULTS,
    period                  date    NOT NULL,
    kommunkod               text    NOT NULL,
    inskrivna_manadens_slut integer NOT NULL,
    nya_inskrivningar       integer NOT NULL,
    enstaka_hembesok        integer NOT NULL
);
CREATE INDEX fact_hemsjukvard_delivery ON fact_hemsjukvard USING brin (delivery_id);
CREATE INDEX fact_hemsjukvard_month ON fact_hemsjukvard USING brin (ref_month);
