-- The monthly meeting: what Indikatorgruppen was shown (a snapshot per approval, never changed), and
-- the comments, decisions and actions it attached to values. Revisions are not stored: they are the
-- difference between a snapshot and the values now, computed on read, so a recompute cannot leave
-- them stale.

-- One approval (fastställande) of a month. last_delivery_id is the newest delivery at approval: every
-- delivery after it is one the group has not seen, so it can be the cause of a revision.
CREATE TABLE meeting_snapshots (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    month               date        NOT NULL,
    approved_by         text        NOT NULL,
    approved_at         timestamptz NOT NULL DEFAULT now(),
    last_delivery_id    bigint      NOT NULL DEFAULT 0,
    workbook_file_name  text        NOT NULL,
    workbook            bytea       NOT NULL
);
CREATE INDEX meeting_snapshots_month ON meeting_snapshots (month, id DESC);

-- Every month value of every indicator and area of the snapshot's 13 months, as published: a hidden
-- value keeps only its symbol (value and numerator null), a missing one neither. target and signal are
-- the verdicts' short codes (Meetings/MeetingVerdicts.cs); delivery_ids the deliveries then current for
-- the value's source, month and area.
CREATE TABLE meeting_snapshot_values (
    snapshot_id     bigint  NOT NULL REFERENCES meeting_snapshots (id),
    indicator_id    text    NOT NULL,
    area            text    NOT NULL,
    period          text    NOT NULL,
    period_start    date    NOT NULL,
    numerator       numeric,
    value           numeric,
    symbol          text,
    status          text,
    target          text    NOT NULL,
    signal          text    NOT NULL,
    delivery_ids    bigint[] NOT NULL DEFAULT '{}',
    PRIMARY KEY (snapshot_id, indicator_id, area, period)
);
CREATE INDEX meeting_snapshot_values_key ON meeting_snapshot_values (indicator_id, area, period, snapshot_id DESC);

-- A comment on one value: an explanation, a decision, or an action with an owner and a follow-up month.
CREATE TABLE meeting_comments (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    indicator_id    text        NOT NULL,
    area            text        NOT NULL,
    period          date        NOT NULL,
    kind            text        NOT NULL CHECK (kind IN ('comment', 'action')),
    text            text        NOT NULL CHECK (length(text) BETWEEN 1 AND 4000),
    owner           text,
    follow_up       date,
    author          text        NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    CHECK ((kind = 'action') = (owner IS NOT NULL AND follow_up IS NOT NULL))
);
CREATE INDEX meeting_comments_value ON meeting_comments (indicator_id, area, period);
