-- Runs after every source folder's schema (01xx).
-- Fact tables are written in large appends and read by delivery and by month. BRIN indexes on those two
-- columns cost next to nothing to maintain during COPY (rows of a delivery, and largely of a month, lie
-- together), where B-trees made loading several times slower than the COPY itself.
DROP INDEX fact_slutenvard_readmission;
DROP INDEX fact_utskrivningsklara_slice;
DROP INDEX fact_utskrivningsklara_month;
CREATE INDEX fact_utskrivningsklara_delivery ON fact_utskrivningsklara USING brin (delivery_id);
CREATE INDEX fact_utskrivningsklara_month ON fact_utskrivningsklara USING brin (ref_month);
DROP INDEX fact_slutenvard_slice;
DROP INDEX fact_slutenvard_month;
CREATE INDEX fact_slutenvard_delivery ON fact_slutenvard USING brin (delivery_id);
CREATE INDEX fact_slutenvard_month ON fact_slutenvard USING brin (ref_month);
DROP INDEX fact_sip_slice;
DROP INDEX fact_sip_month;
CREATE INDEX fact_sip_delivery ON fact_sip USING brin (delivery_id);
CREATE INDEX fact_sip_month ON fact_sip USING brin (ref_month);
DROP INDEX fact_fast_lakarkontakt_slice;
DROP INDEX fact_fast_lakarkontakt_month;
CREATE INDEX fact_fast_lakarkontakt_delivery ON fact_fast_lakarkontakt USING brin (delivery_id);
CREATE INDEX fact_fast_lakarkontakt_month ON fact_fast_lakarkontakt USING brin (ref_month);
DROP INDEX fact_kontinuitet_slice;
DROP INDEX fact_kontinuitet_month;
CREATE INDEX fact_kontinuitet_delivery ON fact_kontinuitet USING brin (delivery_id);
CREATE INDEX fact_kontinuitet_month ON fact_kontinuitet USING brin (ref_month);
DROP INDEX fact_lakarbesok_slice;
DROP INDEX fact_lakarbesok_month;
CREATE INDEX fact_lakarbesok_delivery ON fact_lakarbesok USING brin (delivery_id);
CREATE INDEX fact_lakarbesok_month ON fact_lakarbesok USING brin (ref_month);
DROP INDEX fact_avvikelser_slice;
DROP INDEX fact_avvikelser_month;
CREATE INDEX fact_avvikelser_delivery ON fact_avvikelser USING brin (delivery_id);
CREATE INDEX fact_avvikelser_month ON fact_avvikelser USING brin (ref_month);
DROP INDEX fact_hemsjukvard_slice;
DROP INDEX fact_hemsjukvard_month;
CREATE INDEX fact_hemsjukvard_delivery ON fact_hemsjukvard USING brin (delivery_id);
CREATE INDEX fact_hemsjukvard_month ON fact_hemsjukvard USING brin (ref_month);
DROP INDEX fact_palliativ_slice;
DROP INDEX fact_palliativ_month;
CREATE INDEX fact_palliativ_delivery ON fact_palliativ USING brin (delivery_id);
CREATE INDEX fact_palliativ_month ON fact_palliativ USING brin (ref_month);
DROP INDEX fact_befolkning_slice;
CREATE INDEX fact_befolkning_delivery ON fact_befolkning USING brin (delivery_id);
