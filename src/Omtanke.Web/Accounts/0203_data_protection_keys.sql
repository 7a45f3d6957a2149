-- The keys that protect sign-in cookies and antiforgery tokens, shared by every instance of the service
-- and kept across restarts, so nobody is signed out by a deploy.
CREATE TABLE data_protection_keys (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    friendly_name   text NOT NULL,
    xml             text NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now()
);
