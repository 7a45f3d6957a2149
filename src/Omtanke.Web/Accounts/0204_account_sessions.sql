-- A session cookie carries its account's stamp; a new stamp (password set or changed, account deactivated)
-- ends every session made before it, without waiting for the cookie to expire.
ALTER TABLE users ADD COLUMN session_stamp text NOT NULL DEFAULT gen_random_uuid()::text;
