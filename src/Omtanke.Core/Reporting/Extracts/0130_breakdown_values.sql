-- The breakdowns of the municipal extracts, computed with the indicators (so that disclosure control decides what
-- they hide together with everything else published): per breakdown, municipality, period, group and measure, the
-- value (a count, or a ratio's numerator) and a ratio's denominator. groups is empty on the period's total row.
CREATE TABLE breakdown_values (
    breakdown       text    NOT NULL,
    kommun          text    NOT NULL,
    period_type     text    NOT NULL CHECK (period_type IN ('month', 'quarter')),
    period          text    NOT NULL,
    period_start    date    NOT NULL,
    groups          text[]  NOT NULL,
    measure         integer NOT NULL,
    value           numeric NOT NULL,
    denominator     numeric,
    hidden          boolean NOT NULL DEFAULT false,
    PRIMARY KEY (breakdown, kommun, period_start, groups, measure)
);
