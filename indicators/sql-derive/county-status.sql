-- mart_county_status: the county's status per goal indicator × sex × group, never empty (CountyStatusRow order).
-- Where the county's own series has a trend (Kolada publishes a county value) that is the basis; otherwise the
-- status is the distribution of the municipalities' trends. Either way the counts over the county's
-- municipalities and their median in the common year (the rank year: the latest year in which at least half as
-- many municipalities have a value as in the year with the most) are given, with N.
-- Reads: mart_indicator_summary, mart_indicator_values, stg_areas, tmp_indicator_meta.
-- Params: $county_code ('0006').
INSERT INTO mart_county_status
WITH
goal_indicators AS (
  SELECT indicator_id FROM tmp_indicator_meta WHERE kind = 'goal'
),

county_municipalities AS (
  SELECT area_code FROM stg_areas WHERE level = 'municipality' AND county_code = $county_code
),

municipal AS (
  SELECT s.*
  FROM mart_indicator_summary AS s
  JOIN goal_indicators USING (indicator_id)
  WHERE s.area_code IN (SELECT area_code FROM county_municipalities)
    AND s.latest_value IS NOT NULL
),

distribution AS (
  SELECT
    indicator_id, sex, "group",
    min(trend_from_year) AS window_from_year,
    max(trend_to_year) AS window_to_year,
    count(*)::INTEGER AS n_municipalities,
    count(*) FILTER (WHERE trend = 'improving')::INTEGER AS n_improving,
    count(*) FILTER (WHERE trend = 'worsening')::INTEGER AS n_worsening,
    count(*) FILTER (WHERE trend = 'no_clear_change')::INTEGER AS n_no_clear_change,
    count(*) FILTER (WHERE trend = 'insufficient_data')::INTEGER AS n_insufficient_data,
    -- the same common year for every municipality (null when the indicator has no rank)
    max(rank_year) AS rank_year
  FROM municipal
  GROUP BY ALL
),

county_series AS (
  SELECT indicator_id, sex, "group", trend
  FROM mart_indicator_summary
  WHERE area_code = $county_code AND latest_value IS NOT NULL
),

-- Median of the municipalities with a value in the common year (or, without one, in their latest year).
medians AS (
  SELECT d.indicator_id, d.sex, d."group", v.year AS median_year, median(v.value) AS median_value, count(*)::INTEGER AS median_n
  FROM distribution AS d
  JOIN mart_indicator_values AS v
    ON v.indicator_id = d.indicator_id AND v.sex = d.sex AND v."group" = d."group"
   AND v.year = coalesce(d.rank_year, (
     SELECT max(m.latest_year) FROM municipal AS m
     WHERE m.indicator_id = d.indicator_id AND m.sex = d.sex AND m."group" = d."group"))
  WHERE v.value IS NOT NULL AND v.area_code IN (SELECT area_code FROM county_municipalities)
  GROUP BY ALL
)

SELECT
  d.indicator_id, d.sex, d."group",
  CASE WHEN c.trend IN ('improving', 'worsening', 'no_clear_change') THEN 'county_series' ELSE 'municipal_distribution' END AS basis,
  d.window_from_year, d.window_to_year,
  d.n_municipalities, d.n_improving, d.n_worsening, d.n_no_clear_change, d.n_insufficient_data,
  coalesce(c.trend, '') AS county_trend,
  m.median_year, round(m.median_value, 6) AS median_value, m.median_n
FROM distribution AS d
LEFT JOIN county_series AS c USING (indicator_id, sex, "group")
LEFT JOIN medians AS m USING (indicator_id, sex, "group")
