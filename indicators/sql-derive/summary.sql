-- mart_indicator_summary: one row per indicator × area × sex × group (SummaryRow, in column order).
-- The method is described for readers in TREND_METHOD_SV / TREND_METHOD_EN (indicators/compute.ts);
-- keep the two in step.
-- Reads: mart_indicator_values, stg_areas, tmp_indicator_meta(indicator_id, kind, direction),
--        tmp_series_breaks(indicator_id, year),
--        tmp_indicator_comparisons(indicator_id, population, county, sweden, note_sv).
-- Params: $baseline_year (2015), $window_years (5), $min_points (4), $rel_threshold (0.005),
--         $gap_threshold (0.25), $scope ('county' | 'sweden'), $county_code ('0006'), $sweden_code ('0000').
INSERT INTO mart_indicator_summary
WITH
meta AS (
  SELECT indicator_id, kind, direction FROM tmp_indicator_meta
),

values_in_run AS (
  SELECT v.*
  FROM mart_indicator_values AS v
  JOIN meta USING (indicator_id)
),

-- Every series, with the rule its trend and rank are read against:
-- context indicators have none; gap rows aim at zero whatever the indicator's direction
-- (a gap of -20 or +20 percentage points is equally far from equality).
series AS (
  SELECT DISTINCT
    v.indicator_id, v.area_code, v.sex, v."group",
    CASE
      WHEN m.kind = 'context' THEN 'none'
      WHEN v."group" = 'gap' THEN 'toward_zero'
      ELSE m.direction
    END AS rule
  FROM values_in_run AS v
  JOIN meta AS m USING (indicator_id)
),

observed AS (
  SELECT indicator_id, area_code, sex, "group", year, value
  FROM values_in_run
  WHERE value IS NOT NULL
),

-- Declared breaks apply to every series of the indicator; a row with status 'break' to its own series.
breaks AS (
  SELECT s.indicator_id, s.area_code, s.sex, s."group", b.year
  FROM series AS s
  JOIN tmp_series_breaks AS b USING (indicator_id)
  UNION
  SELECT indicator_id, area_code, sex, "group", year
  FROM values_in_run
  WHERE status = 'break'
),

latest AS (
  SELECT indicator_id, area_code, sex, "group", year AS latest_year, value AS latest_value
  FROM observed
  QUALIFY row_number() OVER (PARTITION BY indicator_id, area_code, sex, "group" ORDER BY year DESC) = 1
),

-- The strategy's first year, or the first observed year after it when the series starts later.
baseline AS (
  SELECT indicator_id, area_code, sex, "group", year AS baseline_year, value AS baseline_value
  FROM observed
  WHERE year >= $baseline_year
  QUALIFY row_number() OVER (PARTITION BY indicator_id, area_code, sex, "group" ORDER BY year) = 1
),

-- The last break at or before the latest year: earlier values are not comparable with the latest.
last_break AS (
  SELECT l.indicator_id, l.area_code, l.sex, l."group", max(b.year) AS break_year
  FROM latest AS l
  JOIN breaks AS b USING (indicator_id, area_code, sex, "group")
  WHERE b.year <= l.latest_year
  GROUP BY ALL
),

-- The comparable window: the latest year and the $window_years before it, cut at a break.
comparable AS (
  SELECT
    l.*,
    lb.break_year,
    greatest(l.latest_year - $window_years, coalesce(lb.break_year, l.latest_year - $window_years)) AS window_start
  FROM latest AS l
  LEFT JOIN last_break AS lb USING (indicator_id, area_code, sex, "group")
),

window_points AS (
  SELECT c.indicator_id, c.area_code, c.sex, c."group", c.latest_year, o.year, o.value
  FROM comparable AS c
  JOIN observed AS o USING (indicator_id, area_code, sex, "group")
  WHERE o.year BETWEEN c.window_start AND c.latest_year
),

-- Least-squares line through the window's points: slope of the value and of its absolute value.
fit AS (
  SELECT
    indicator_id, area_code, sex, "group",
    count(*)::INTEGER AS n_points,
    regr_slope(value, year) AS slope,
    regr_slope(abs(value), year) AS abs_slope,
    avg(value) AS mean_value,
    min(year) FILTER (WHERE year < latest_year) AS five_year_from
  FROM window_points
  GROUP BY ALL
),

five_year AS (
  SELECT f.indicator_id, f.area_code, f.sex, f."group", f.five_year_from, o.value AS five_year_value
  FROM fit AS f
  JOIN observed AS o
    ON o.indicator_id = f.indicator_id AND o.area_code = f.area_code AND o.sex = f.sex
   AND o."group" = f."group" AND o.year = f.five_year_from
),

-- Progress in the desired direction: the yearly slope relative to the window's mean level
-- (≈ Open SDG's compound annual growth rate); when the mean is 0, only the slope's sign counts.
progress AS (
  SELECT
    s.indicator_id, s.area_code, s.sex, s."group", s.rule,
    coalesce(f.n_points, 0) AS n_points,
    f.slope,
    round(f.abs_slope, 9) AS gap_change,
    round(
      CASE s.rule WHEN 'higher_is_better' THEN 1 WHEN 'lower_is_better' THEN -1 END
      * coalesce(f.slope / nullif(abs(f.mean_value), 0), sign(f.slope)),
      9
    ) AS rel_change
  FROM series AS s
  LEFT JOIN fit AS f USING (indicator_id, area_code, sex, "group")
),

trend AS (
  SELECT
    p.*,
    CASE
      WHEN p.rule = 'none' THEN 'not_applicable'
      WHEN p.n_points < $min_points THEN 'insufficient_data'
      WHEN p.rule = 'toward_zero' THEN
        CASE
          WHEN p.gap_change <= -$gap_threshold THEN 'improving'
          WHEN p.gap_change >= $gap_threshold THEN 'worsening'
          ELSE 'stable'
        END
      WHEN p.rel_change >= $rel_threshold THEN 'improving'
      WHEN p.rel_change <= -$rel_threshold THEN 'worsening'
      ELSE 'stable'
    END AS trend
  FROM progress AS p
),

-- Rank among the scope's municipalities in each year; 1 = best, ties share the lowest rank.
scope_municipalities AS (
  SELECT area_code
  FROM stg_areas
  WHERE level = 'municipality'
    AND ($scope = 'sweden' OR county_code = $county_code)
),

ranked AS (
  SELECT
    o.indicator_id, o.area_code, o.sex, o."group", o.year,
    rank() OVER w AS rank,
    count(*) OVER (PARTITION BY o.indicator_id, o.sex, o."group", o.year) AS rank_of
  FROM observed AS o
  JOIN series AS s USING (indicator_id, area_code, sex, "group")
  WHERE o.area_code IN (SELECT area_code FROM scope_municipalities)
    AND s.rule <> 'none'
  WINDOW w AS (
    PARTITION BY o.indicator_id, o.sex, o."group", o.year
    ORDER BY CASE s.rule
      WHEN 'higher_is_better' THEN -o.value
      WHEN 'lower_is_better' THEN o.value
      ELSE abs(o.value)
    END
  )
),

sweden AS (
  SELECT indicator_id, sex, "group", year, value
  FROM observed
  WHERE area_code = $sweden_code
),

county_published AS (
  SELECT o.indicator_id, o.area_code AS county_code, o.sex, o."group", o.year, o.value
  FROM observed AS o
  JOIN stg_areas AS a USING (area_code)
  WHERE a.level = 'county'
),

-- Where Kolada publishes no county value: the median of the county's municipalities (never a mean),
-- of those with a value that year; n says how many (survey indicators: the participants of that year).
county_median AS (
  SELECT o.indicator_id, a.county_code, o.sex, o."group", o.year, median(o.value) AS value, count(*)::INTEGER AS n
  FROM observed AS o
  JOIN stg_areas AS a USING (area_code)
  WHERE a.level = 'municipality'
  GROUP BY ALL
),

-- How each indicator is compared (indicator files' `comparisons`): survey participants and indicators whose
-- county value measures another population never use Kolada's county value; some have no Sweden comparison.
comparison_rules AS (
  SELECT indicator_id, population, county AS county_rule, sweden AS sweden_comparable, coalesce(note_sv, '') AS note_sv
  FROM tmp_indicator_comparisons
),

-- The county comparator of every latest value: Kolada's county value where allowed and published, else the median
-- of at least two municipalities (a median of one is the municipality itself), else none; the note says why.
county_comparator AS (
  SELECT
    l.indicator_id, l.area_code, l.sex, l."group",
    CASE
      WHEN a.level NOT IN ('municipality', 'regso', 'deso') THEN 'none'
      WHEN cr.county_rule = 'county' AND cp.value IS NOT NULL THEN 'county'
      WHEN cm.n >= 2 THEN 'municipal_median'
      ELSE 'none'
    END AS county_comparator,
    cp.value AS published_value,
    cm.value AS median_value,
    cm.n AS median_n,
    a.level,
    cr.note_sv,
    l.latest_year
  FROM latest AS l
  JOIN comparison_rules AS cr USING (indicator_id)
  LEFT JOIN stg_areas AS a USING (area_code)
  LEFT JOIN county_published AS cp
    ON cp.indicator_id = l.indicator_id AND cp.county_code = a.county_code AND cp.sex = l.sex
   AND cp."group" = l."group" AND cp.year = l.latest_year
  LEFT JOIN county_median AS cm
    ON cm.indicator_id = l.indicator_id AND cm.county_code = a.county_code AND cm.sex = l.sex
   AND cm."group" = l."group" AND cm.year = l.latest_year
),

county_comparison AS (
  SELECT
    indicator_id, area_code, sex, "group", county_comparator,
    CASE county_comparator WHEN 'county' THEN published_value WHEN 'municipal_median' THEN median_value END AS county_value,
    CASE WHEN county_comparator = 'municipal_median' THEN median_n END AS county_n,
    CASE
      WHEN level NOT IN ('municipality', 'regso', 'deso') THEN ''
      WHEN county_comparator = 'none' AND coalesce(median_n, 0) = 1
        THEN format('Bara en av länets kommuner har ett värde {}: ingen jämförelse med länet.', latest_year)
      ELSE note_sv
    END AS county_note
  FROM county_comparator
),

comparisons AS (
  SELECT
    l.indicator_id, l.area_code, l.sex, l."group",
    CASE WHEN l.area_code <> $sweden_code AND cr.sweden_comparable THEN sw.value END AS sweden_value,
    cc.county_value,
    cc.county_comparator,
    cc.county_n,
    cc.county_note
  FROM latest AS l
  JOIN comparison_rules AS cr USING (indicator_id)
  LEFT JOIN county_comparison AS cc USING (indicator_id, area_code, sex, "group")
  LEFT JOIN sweden AS sw
    ON sw.indicator_id = l.indicator_id AND sw.sex = l.sex AND sw."group" = l."group" AND sw.year = l.latest_year
),

final AS (
  SELECT
    s.indicator_id,
    s.area_code,
    a.name AS area_name,
    a.level AS area_level,
    s.sex,
    s."group",
    l.latest_year,
    l.latest_value,
    b.baseline_year,
    b.baseline_value,
    coalesce(b.baseline_year = $baseline_year, false) AS baseline_is_strategy_start,
    -- no change when the baseline is the latest year, nor across a break
    CASE
      WHEN b.baseline_year < l.latest_year AND coalesce(c.break_year <= b.baseline_year, true)
      THEN round(l.latest_value - b.baseline_value, 6)
    END AS change_since_baseline,
    fy.five_year_from AS change_5y_from_year,
    round(l.latest_value - fy.five_year_value, 6) AS change_5y,
    t.trend,
    t.n_points AS trend_points,
    CASE WHEN t.n_points >= $min_points THEN round(t.slope, 6) END AS trend_slope_per_year,
    r.rank::INTEGER AS rank,
    r.rank_of::INTEGER AS rank_of,
    cmp.sweden_value,
    round(l.latest_value - cmp.sweden_value, 6) AS diff_vs_sweden,
    cmp.county_value,
    coalesce(cmp.county_comparator, 'none') AS county_comparator,
    cmp.county_n,
    coalesce(cmp.county_note, '') AS county_note,
    round(l.latest_value - cmp.county_value, 6) AS diff_vs_county
  FROM series AS s
  LEFT JOIN stg_areas AS a USING (area_code)
  LEFT JOIN latest AS l USING (indicator_id, area_code, sex, "group")
  LEFT JOIN baseline AS b USING (indicator_id, area_code, sex, "group")
  LEFT JOIN comparable AS c USING (indicator_id, area_code, sex, "group")
  LEFT JOIN five_year AS fy USING (indicator_id, area_code, sex, "group")
  LEFT JOIN trend AS t USING (indicator_id, area_code, sex, "group")
  LEFT JOIN ranked AS r
    ON r.indicator_id = s.indicator_id AND r.area_code = s.area_code AND r.sex = s.sex
   AND r."group" = s."group" AND r.year = l.latest_year
  LEFT JOIN comparisons AS cmp USING (indicator_id, area_code, sex, "group")
)

SELECT * FROM final
