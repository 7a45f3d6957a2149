-- How long a delivery took to load and to recompute: operators see slow imports, the benchmark reads them.
ALTER TABLE deliveries ADD COLUMN load_ms integer, ADD COLUMN recompute_ms integer;
