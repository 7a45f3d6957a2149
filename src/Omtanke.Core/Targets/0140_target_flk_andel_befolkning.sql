-- INDICATORS.md (Targets): flk_andel_befolkning has the national default target ≥ 55 (Vårdanalys, God och
-- nära vård), missing from the first defaults. A target a user has already set for it is left as it is.
INSERT INTO targets (indicator_id, value, direction, valid_from, set_by)
SELECT 'flk_andel_befolkning', 55, 'at_least', DATE '2000-01-01', 'standard'
WHERE NOT EXISTS (SELECT 1 FROM targets WHERE indicator_id = 'flk_andel_befolkning');
