-- summary.csv's rows: mart_indicator_summary of the indicators being published (SUMMARY_COLUMNS order), with _ord
-- sorting them like the tidy files. Reads: mart_indicator_summary, stg_areas, tmp_publish_indicators.
-- Params: $level_order, $group_order, $sex_order (order.ts).
CREATE OR REPLACE TEMP TABLE tmp_publish_summary AS
WITH
published AS (
  SELECT indicator_id, position FROM tmp_publish_indicators
),

areas AS (
  SELECT area_code, list_position(string_split($level_order, '|'), level) AS level_order
  FROM stg_areas
),

final AS (
  SELECT s.*, p.position, a.level_order
  FROM mart_indicator_summary AS s
  JOIN published AS p USING (indicator_id)
  LEFT JOIN areas AS a USING (area_code)
)

SELECT
  * EXCLUDE (position, level_order),
  row_number() OVER (
    ORDER BY
      position, level_order, area_code,
      list_position(string_split($group_order, '|'), "group"),
      list_position(string_split($sex_order, '|'), sex)
  ) AS _ord
FROM final
