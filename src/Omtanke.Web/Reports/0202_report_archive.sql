-- Every report the service produced, kept with who or what made it and when.
CREATE TABLE report_archive (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind            text        NOT NULL,    -- 'månadsrapport', 'kvartalsrapport'
    period          text        NOT NULL,    -- yyyy-MM or yyyy-Qn
    file_name       text        NOT NULL,
    content_type    text        NOT NULL,
    content         bytea       NOT NULL,
    size_bytes      bigint      NOT NULL,
    created_by      text        NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    job_id          text        UNIQUE       -- the job that made it: a retried job archives once
);
CREATE INDEX report_archive_period ON report_archive (kind, period, created_at DESC);
