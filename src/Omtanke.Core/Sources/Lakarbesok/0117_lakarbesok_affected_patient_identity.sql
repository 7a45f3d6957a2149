-- The refresh's patients are numbered as they are inserted, instead of by a window over the distinct keys in a
-- subquery (0.66–0.81 s against 0.71–0.75 s for 386,604 patients): the refresh's TRUNCATE … RESTART IDENTITY starts
-- the numbers at 1 again.
TRUNCATE lakarbesok_affected_patients;
ALTER TABLE lakarbesok_affected_patients ALTER COLUMN n ADD GENERATED ALWAYS AS IDENTITY;
