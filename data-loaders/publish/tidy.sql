-- Every tidy row of the indicators being published, in two parts the files' COPYs join again:
--   tmp_publish_tidy         one narrow row per value: key, value, status and _ord, the reading order as one
--                            BIGINT (indicator, area level country → DeSO, area, group, sex, year);
--   tmp_publish_tidy_ind/… the texts of the few indicators and areas, raw and through neutralise().
-- Building the reading order with row_number() over a sort of every row, and copying every text onto every row,
-- took ~1,4 s of sweden's publish stage (414 000 rows); this takes a fraction (bench 2026-12-01).
-- Reads: mart_indicator_values, stg_areas, tmp_publish_indicators(indicator_id, position, unit, source, derived_source, retrieved).
-- Params: $level_order, $group_order, $sex_order ('|'-separated lists in display order, order.ts).
-- Needs the neutralise() macro (neutralise.sql).
CREATE OR REPLACE TEMP TABLE tmp_publish_tidy_areas AS
SELECT
  area_code,
  name AS area_name,
  level AS area_level,
  neutralise(area_code) AS area_code_text,
  neutralise(name) AS area_name_text,
  neutralise(level) AS area_level_text,
  -- a position not in the list sorts last, as NULLS LAST did
  coalesce(list_position(string_split($level_order, '|'), level), 15) AS level_order,
  row_number() OVER (ORDER BY area_code) AS area_order
FROM stg_areas;

CREATE OR REPLACE TEMP TABLE tmp_publish_tidy_ind AS
SELECT
  indicator_id,
  position,
  unit,
  -- a gap between two percentages is in percentage points
  CASE WHEN unit = 'percent' THEN 'percentage_points' ELSE unit END AS gap_unit,
  source,
  -- a gap is our calculation from the inputs, never the source's figure
  derived_source,
  retrieved,
  neutralise(indicator_id) AS indicator_id_text,
  neutralise(unit) AS unit_text,
  neutralise(CASE WHEN unit = 'percent' THEN 'percentage_points' ELSE unit END) AS gap_unit_text,
  neutralise(source) AS source_text,
  neutralise(derived_source) AS derived_source_text,
  neutralise(retrieved) AS retrieved_text
FROM tmp_publish_indicators;

CREATE OR REPLACE TEMP TABLE tmp_publish_tidy AS
WITH
keyed AS (
  SELECT
    v.indicator_id, v.area_code, v.year, v.sex, v."group", v.value, v.status,
    p.position, a.level_order, a.area_order,
    coalesce(list_position(string_split($group_order, '|'), v."group"), 15) AS group_order,
    coalesce(list_position(string_split($sex_order, '|'), v.sex), 15) AS sex_order
  FROM mart_indicator_values AS v
  JOIN tmp_publish_tidy_ind AS p USING (indicator_id)
  JOIN tmp_publish_tidy_areas AS a USING (area_code)
)

-- The key (indicator, area, year, sex, group) is unique, so _ord is too: position < 1 000, level and list
-- positions < 16, area_order < 1 000 000, year < 10 000 (at most 4·10^16 < 2^63).
-- Stored in reading order: the files' COPYs read it with a plain scan, whose order DuckDB guarantees with
-- preserve_insertion_order (tidy-text.sql), so none of them sorts the wide rows again.
SELECT
  indicator_id, area_code, year, sex, "group", value, status, position, area_order,
  ((((position::BIGINT * 16 + level_order) * 1000000 + area_order) * 16 + group_order) * 16 + sex_order) * 10000 + year AS _ord
FROM keyed
ORDER BY _ord;
