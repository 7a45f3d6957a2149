-- The working sets of a läkarbesök refresh: the patients a delivery affects and the month it starts from. They are
-- plain tables rather than temporary ones, because PostgreSQL runs no part of a query in parallel once it reads a
-- temporary table: with these, the refresh's scans, joins and sorts use two workers. Unlogged, since they hold nothing
-- that must survive a crash. A refresh empties them with TRUNCATE when it starts (what the last one left is read by no
-- one), and TRUNCATE's lock makes a second refresh wait until the first has committed.
CREATE UNLOGGED TABLE lakarbesok_affected_patients (patient_key bytea NOT NULL);
CREATE UNLOGGED TABLE lakarbesok_affected_from (
    month         date    NOT NULL,
    window_start  date    NOT NULL,   -- month less 17 months
    at_last_month boolean NOT NULL    -- no visit is later than month
);
