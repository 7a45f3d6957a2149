CREATE TABLE fact_hemsjukvard (
    delivery_id             bigint  NOT NULL,
    line_no                 integer NOT NULL,
    ref_month               date    NOT NULL,
    area                    text    NOT NULL,
    current                 boolean NOT NULL DEFAULT true,
    period                  date    NOT NULL,
    kommunkod               text    NOT NULL,
    inskrivna_manadens_slut integer NOT NULL,
    nya_inskrivningar       integer NOT NULL,
    enstaka_hembesok        integer NOT NULL
);
CREATE INDEX fact_hemsjukvard_slice ON fact_hemsjukvard (delivery_id, ref_month, area);
CREATE INDEX fact_hemsjukvard_month ON fact_hemsjukvard (ref_month) WHERE current;
