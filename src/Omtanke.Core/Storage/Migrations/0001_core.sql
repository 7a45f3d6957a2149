-- Deliveries, their slices, computed indicator values and the audit trail: the tables every source shares.

CREATE TABLE deliveries (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source          text        NOT NULL,
    file_name       text        NOT NULL,
    sha256          text        NOT NULL,
    size_bytes      bigint      NOT NULL,
    format          text        NOT NULL,           -- e.g. 'csv utf-8 ;' or 'xlsx'
    status          text        NOT NULL CHECK (status IN ('accepted', 'rejected')),
    row_count       integer     NOT NULL DEFAULT 0,
    out_of_county   integer     NOT NULL DEFAULT 0,
    slices_superseded integer   NOT NULL DEFAULT 0,
    error_count     integer     NOT NULL DEFAULT 0,
    errors          jsonb,                          -- the first errors, as shown to the user
    warnings        jsonb,
    imported_by     text        NOT NULL,
    imported_via    text        NOT NULL,           -- cli, web, inbox, api
    imported_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX deliveries_sha256 ON deliveries (sha256) WHERE status = 'accepted';
CREATE INDEX deliveries_source ON deliveries (source, imported_at);

-- The (source, month, kommunkod) slices a delivery covered; superseded_by is set when a later
-- delivery of the same slice replaces it.
CREATE TABLE delivery_slices (
    delivery_id     bigint  NOT NULL REFERENCES deliveries (id),
    source          text    NOT NULL,
    month           date    NOT NULL,
    kommunkod       text    NOT NULL,
    row_count       integer NOT NULL,
    superseded_by   bigint  REFERENCES deliveries (id),
    PRIMARY KEY (delivery_id, month, kommunkod)
);
CREATE UNIQUE INDEX delivery_slices_current ON delivery_slices (source, month, kommunkod) WHERE superseded_by IS NULL;

-- One row per indicator, area and period; monthly rows included. Rows exist where the area has data
-- for the period; value is null where the denominator is 0.
CREATE TABLE indicator_values (
    indicator_id    text    NOT NULL,
    area            text    NOT NULL,
    period_type     text    NOT NULL CHECK (period_type IN ('month', 'quarter', 'year')),
    period          text    NOT NULL,
    period_start    date    NOT NULL,
    months_with_data integer NOT NULL,
    numerator       numeric,
    denominator     numeric,
    value           numeric,
    preliminary     boolean NOT NULL,
    suppressed      boolean NOT NULL,
    computed_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (indicator_id, period_type, period_start, area)
);

CREATE TABLE audit_log (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at          timestamptz NOT NULL DEFAULT now(),
    actor       text NOT NULL,
    action      text NOT NULL,
    subject     text,
    details     jsonb
);
CREATE INDEX audit_log_at ON audit_log (at);

-- A fingerprint of the key that hashes patient ids: imports refuse a key other than the first one used,
-- since the same person must get the same hash in every file.
CREATE TABLE patient_key_fingerprint (
    singleton   boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    fingerprint text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- The columns every source's fact table starts with: the delivery, the row's line in the file, its reference
-- month and area (kommunkod it counts in), and whether it is current (not superseded). Fact tables are
-- created LIKE this template. They are written in large appends and read by delivery and by month, so they
-- get BRIN indexes on those two columns: cheap to maintain during COPY, since rows of a delivery (and largely
-- of a month) lie together.
CREATE TABLE fact_columns (
    delivery_id bigint  NOT NULL,
    line_no     integer NOT NULL,
    ref_month   date    NOT NULL,
    area        text    NOT NULL,
    current     boolean NOT NULL DEFAULT true
);
