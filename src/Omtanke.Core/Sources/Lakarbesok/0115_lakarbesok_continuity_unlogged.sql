-- The runs are derived from the visits and rebuilt from them at will, so writing them to the WAL bought nothing: a
-- national month's refresh deletes and writes 1.4 M runs, the first change of each page after a checkpoint writing the
-- whole page again. Unlogged, its delete took 3.6–4.4 s against 6.6–7.7 s (a full rebuild, whose cost is computing,
-- 168.8 against 171.2 s). Crash recovery (and promoting a standby, or restoring a base backup) leaves the table empty;
-- the indicator engine then rebuilds it before it refreshes it.
ALTER TABLE lakarbesok_continuity SET UNLOGGED;
