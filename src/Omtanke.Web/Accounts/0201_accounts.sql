-- Local accounts and API keys of the web application. Passwords and keys are stored only as hashes.
CREATE TABLE users (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_name       text        NOT NULL,
    display_name    text        NOT NULL,
    password_hash   text,                    -- null: signs in only through the organisation's identity provider
    role            text        NOT NULL CHECK (role IN ('administratör', 'analytiker', 'kommun', 'läsare')),
    kommunkod       text        CHECK ((role = 'kommun') = (kommunkod IS NOT NULL)),
    external_subject text,                   -- the OpenID Connect subject, once the user has signed in that way
    created_at      timestamptz NOT NULL DEFAULT now(),
    disabled_at     timestamptz
);
CREATE UNIQUE INDEX users_user_name ON users (lower(user_name));
CREATE UNIQUE INDEX users_external_subject ON users (external_subject) WHERE external_subject IS NOT NULL;

-- A key is shown once when made: 'omk_' || prefix || '_' || secret. The prefix finds the row, the
-- SHA-256 of the whole key proves it (the secret is random, so a slow hash adds nothing).
CREATE TABLE api_keys (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name            text        NOT NULL,
    prefix          text        NOT NULL UNIQUE,
    key_sha256      text        NOT NULL,
    role            text        NOT NULL CHECK (role IN ('administratör', 'analytiker', 'kommun', 'läsare')),
    kommunkod       text        CHECK ((role = 'kommun') = (kommunkod IS NOT NULL)),
    created_by      text        NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    revoked_at      timestamptz
);
