-- Rebuilds and refreshes read and delete by hash joins over the whole table, and the indicator reads every run
-- that overlaps a range of months: the indexes only slowed the writes down.
DROP INDEX lakarbesok_continuity_patient;
DROP INDEX lakarbesok_continuity_months;
