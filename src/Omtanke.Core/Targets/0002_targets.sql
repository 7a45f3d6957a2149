-- Targets are data: a target applies to an indicator from valid_from until a later target of the
-- same indicator replaces it. Every change is a new row, so history says who set what and when.
CREATE TABLE targets (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    indicator_id  text        NOT NULL,
    value         numeric,                 -- null: the target was removed from valid_from on
    direction     text        NOT NULL CHECK (direction IN ('at_least', 'at_most')),
    valid_from    date        NOT NULL,
    set_by        text        NOT NULL,
    set_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX targets_lookup ON targets (indicator_id, valid_from DESC, id DESC);

-- The defaults of INDICATORS.md (God och nära vård; Svenska palliativregistret).
INSERT INTO targets (indicator_id, value, direction, valid_from, set_by) VALUES
    ('flk_andel_sabo',       80,  'at_least', DATE '2000-01-01', 'standard'),
    ('pal_brytpunktssamtal', 98,  'at_least', DATE '2000-01-01', 'standard'),
    ('pal_smartskattning',   100, 'at_least', DATE '2000-01-01', 'standard');
