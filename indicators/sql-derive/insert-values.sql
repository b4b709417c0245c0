-- Copy the indicators' results (tmp_indicator_results: indicator_id plus what each indicator's own SQL returned) into the mart.
-- Rows of areas known to lie outside the scope are left out (county scope: Sweden, the county and
-- areas within it). Rows of areas unknown to stg_areas are kept, so the checks can report them.
-- Params: $scope ('county' | 'sweden'), $county_code (Kolada id of the county, '0006').
INSERT INTO mart_indicator_values
WITH
result AS (
  SELECT * FROM tmp_indicator_results
),

outside_scope AS (
  SELECT area_code
  FROM stg_areas
  WHERE $scope = 'county'
    AND level <> 'country'
    AND coalesce(county_code, '') <> $county_code
),

final AS (
  SELECT
    CAST(r.indicator_id AS VARCHAR) AS indicator_id,
    CAST(r.area_code AS VARCHAR)   AS area_code,
    CAST(r.year AS INTEGER)        AS year,
    CAST(r.sex AS VARCHAR)         AS sex,
    CAST(r."group" AS VARCHAR)     AS "group",
    CAST(r.value AS DOUBLE)        AS value,
    -- NULL status from the source means an ordinary value ('' in RowStatus)
    coalesce(CAST(r.status AS VARCHAR), '') AS status
  FROM result AS r
  WHERE r.area_code IS NULL
     OR r.area_code NOT IN (SELECT area_code FROM outside_scope)
)

SELECT * FROM final
