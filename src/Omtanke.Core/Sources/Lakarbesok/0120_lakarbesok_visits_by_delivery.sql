-- The visits partitioned by delivery, and each delivery's by shard (0119), so that an import loads its delivery into
-- tables it has just created, without indexes, and attaches them once loaded (Import/FactTarget.cs). Inserted
-- through the shards' BRIN, 10.0 M visits took 14.1–18.1 s of COPY; into tables created in the same transaction,
-- 8.4–10.3 s, because PostgreSQL then writes no WAL for them (wal_level minimal) and maintains no index row by row.
-- A delivery's CHECK is its partition's bound, so the ATTACH need not scan the rows to prove it.
ALTER TABLE fact_lakarbesok RENAME TO fact_lakarbesok_by_shard;
DROP INDEX fact_lakarbesok_delivery_month;
CREATE TABLE fact_lakarbesok (LIKE fact_lakarbesok_by_shard INCLUDING DEFAULTS) PARTITION BY LIST (delivery_id);
-- Kept for the refresh's lookups of a delivery's months: a national two-year delivery is one partition of 10 M rows.
CREATE INDEX fact_lakarbesok_delivery_month ON fact_lakarbesok USING brin (delivery_id, ref_month);

-- Creates the (unattached) partition of one delivery with its shards (ContinuityIndicators.Shards, as in 0119) and
-- returns its name.
CREATE FUNCTION fact_lakarbesok_delivery_table(delivery bigint) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    name text := 'fact_lakarbesok_d' || delivery;
BEGIN
    EXECUTE format('CREATE TABLE %I (LIKE fact_lakarbesok INCLUDING DEFAULTS, CHECK (delivery_id = %s)) '
                   'PARTITION BY LIST ((get_byte(patient_key, 0) %% 2))', name, delivery);
    FOR shard IN 0..1 LOOP
        EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES IN (%s)', name || '_s' || shard, name, shard);
    END LOOP;
    RETURN name;
END $$;

DO $$
DECLARE
    delivery bigint;
BEGIN
    FOR delivery IN SELECT DISTINCT delivery_id FROM fact_lakarbesok_by_shard ORDER BY 1 LOOP
        EXECUTE format('INSERT INTO %I SELECT * FROM fact_lakarbesok_by_shard WHERE delivery_id = %s ORDER BY line_no',
                       fact_lakarbesok_delivery_table(delivery), delivery);
        EXECUTE format('ALTER TABLE fact_lakarbesok ATTACH PARTITION %I FOR VALUES IN (%s)',
                       'fact_lakarbesok_d' || delivery, delivery);
    END LOOP;
END $$;
DROP TABLE fact_lakarbesok_by_shard;
