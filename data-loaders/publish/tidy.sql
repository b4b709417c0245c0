-- Every tidy row of the indicators being published (TidyRow, in TIDY_COLUMNS order), sorted for
-- reading: indicator, area level (country → DeSO), area, group, sex, year.
-- Reads: mart_indicator_values, stg_areas, tmp_publish_indicators(indicator_id, position, unit, source, derived_source, retrieved).
-- Params: $level_order, $group_order, $sex_order ('|'-separated lists in display order, order.ts).
CREATE OR REPLACE TEMP TABLE tmp_publish_tidy AS
WITH
published AS (
  SELECT * FROM tmp_publish_indicators
),

areas AS (
  SELECT
    area_code, name, level,
    list_position(string_split($level_order, '|'), level) AS level_order
  FROM stg_areas
),

final AS (
  SELECT
    v.indicator_id,
    v.area_code,
    a.name AS area_name,
    a.level AS area_level,
    v.year,
    v.sex,
    v."group",
    v.value,
    -- a gap between two percentages is in percentage points
    CASE WHEN v."group" = 'gap' AND p.unit = 'percent' THEN 'percentage_points' ELSE p.unit END AS unit,
    v.status,
    -- a gap is our calculation from the inputs, never the source's figure
    CASE WHEN v."group" = 'gap' THEN p.derived_source ELSE p.source END AS source,
    p.retrieved,
    p.position,
    a.level_order
  FROM mart_indicator_values AS v
  JOIN published AS p USING (indicator_id)
  JOIN areas AS a USING (area_code)
)

-- _ord keeps the reading order for the files' COPY (a table's scan order is not guaranteed)
SELECT
  * EXCLUDE (position, level_order),
  row_number() OVER (
    ORDER BY
      position, level_order, area_code,
      list_position(string_split($group_order, '|'), "group"),
      list_position(string_split($sex_order, '|'), sex),
      year
  ) AS _ord
FROM final
