-- mart_indicator_participants: for survey indicators (comparisons.population = 'participants'), which of the scope's
-- municipalities have a value each year, read from the data, so that caveats and comparisons name the real
-- participants, never a typed list. Reads: mart_indicator_values, stg_areas, tmp_indicator_comparisons.
INSERT INTO mart_indicator_participants
WITH
survey AS (
  SELECT indicator_id FROM tmp_indicator_comparisons WHERE population = 'participants'
),

municipal_values AS (
  SELECT DISTINCT v.indicator_id, v.year, v.area_code, a.short_name AS area_name
  FROM mart_indicator_values AS v
  JOIN survey USING (indicator_id)
  JOIN stg_areas AS a USING (area_code)
  WHERE a.level = 'municipality' AND v.value IS NOT NULL
),

final AS (
  SELECT indicator_id, year, area_code, area_name FROM municipal_values
)

SELECT * FROM final
