-- Failed sign-ins per account name and per client address, shared by every instance of the service: after a
-- few free failures each further one doubles the wait before the next attempt is even checked.
CREATE TABLE sign_in_throttle (
    key           text        PRIMARY KEY,   -- 'konto:' || lower(user name), or 'adress:' || client address
    failures      integer     NOT NULL,
    last_failure  timestamptz NOT NULL,
    blocked_until timestamptz NOT NULL
);
