-- Copy the indicators' results (tmp_indicator_results: indicator_id plus what each indicator's own SQL returned) into the mart.
-- Rows of areas outside the scope are deleted again by delete-outside-scope.sql, which counts them for the run report.
INSERT INTO mart_indicator_values
WITH
result AS (
  SELECT * FROM tmp_indicator_results
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
)

SELECT * FROM final
