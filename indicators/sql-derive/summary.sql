-- mart_indicator_summary: one row per indicator × area × sex × group (SummaryRow, in column order).
-- The method is described for readers in TREND_METHOD_SV / TREND_METHOD_EN (indicators/compute.ts);
-- keep the two in step.
-- Reads: mart_indicator_values, stg_areas,
--        tmp_indicator_meta(indicator_id, kind, direction, target_value, period_years, is_election),
--        tmp_series_breaks(indicator_id, year), tmp_t_quantiles(df, t975),
--        tmp_indicator_comparisons(indicator_id, population, county, sweden, note_sv).
-- Params: $baseline_year (2015), $window_years (5), $min_points (4), $rel_threshold (0.005),
--         $gap_threshold (0.25), $period_from (2015), $period_to (2020),
--         $scope ('county' | 'sweden'), $county_code ('0006'), $sweden_code ('0000').
INSERT INTO mart_indicator_summary
WITH
meta AS (
  SELECT indicator_id, kind, direction, target_value, period_years, is_election FROM tmp_indicator_meta
),

values_in_run AS (
  SELECT v.*
  FROM mart_indicator_values AS v
  JOIN meta USING (indicator_id)
),

-- Every series, with the rule its trend and rank are read against:
-- context indicators have none; gap rows aim at zero whatever the indicator's direction
-- (a gap of -20 or +20 percentage points is equally far from equality); `target` rows at target_value.
-- sid numbers the series and isg its indicator × sex × group: the joins and groupings below use these integers
-- instead of four text columns (hashing and comparing the text keys was most of the statement's time in sweden scope).
series AS MATERIALIZED (
  SELECT
    row_number() OVER () AS sid,
    dense_rank() OVER (ORDER BY indicator_id, sex, "group") AS isg,
    *
  FROM (
  SELECT DISTINCT
    v.indicator_id, v.area_code, v.sex, v."group",
    CASE
      WHEN m.kind = 'context' THEN 'none'
      WHEN v."group" = 'gap' THEN 'target'
      ELSE m.direction
    END AS rule,
    CASE
      WHEN m.kind = 'context' THEN NULL
      WHEN v."group" = 'gap' THEN 0
      WHEN m.direction = 'target' THEN m.target_value
    END AS target_value,
    m.period_years,
    m.is_election
  FROM values_in_run AS v
  JOIN meta AS m USING (indicator_id)
  )
),

-- y: what the trend is fitted to: the value, or for `target` rows its distance from the target.
observed AS MATERIALIZED (
  SELECT
    s.sid, s.isg, v.area_code, v.year, v.value,
    CASE WHEN s.rule = 'target' THEN abs(v.value - s.target_value) ELSE v.value END AS y
  FROM values_in_run AS v
  JOIN series AS s USING (indicator_id, area_code, sex, "group")
  WHERE v.value IS NOT NULL
),

-- Declared breaks apply to every series of the indicator; a row with status 'break' to its own series.
breaks AS (
  SELECT s.sid, b.year
  FROM series AS s
  JOIN tmp_series_breaks AS b USING (indicator_id)
  UNION
  SELECT s.sid, v.year
  FROM values_in_run AS v
  JOIN series AS s USING (indicator_id, area_code, sex, "group")
  WHERE v.status = 'break'
),

-- (A series has one value per year, so arg_max/arg_min by year pick one row.)
latest AS MATERIALIZED (
  SELECT sid, max(year) AS latest_year, arg_max(value, year) AS latest_value
  FROM observed
  GROUP BY sid
),

-- The strategy's first year, or the first observed year after it when the series starts later.
-- Election indicators: the election in force at the start (2014 for 2015), when the series has it.
baseline AS (
  SELECT o.sid, min(o.year) AS baseline_year, arg_min(o.value, o.year) AS baseline_value
  FROM observed AS o
  JOIN series AS s USING (sid)
  WHERE o.year >= $baseline_year OR (s.is_election AND o.year > $baseline_year - 4)
  GROUP BY o.sid
),

-- The last break at or before the latest year: earlier values are not comparable with the latest.
last_break AS (
  SELECT l.sid, max(b.year) AS break_year
  FROM latest AS l
  JOIN breaks AS b USING (sid)
  WHERE b.year <= l.latest_year
  GROUP BY l.sid
),

-- The comparable window of the five-year change: the latest year and the $window_years before it, cut at a break.
comparable AS (
  SELECT
    l.*,
    lb.break_year,
    greatest(l.latest_year - $window_years, coalesce(lb.break_year, l.latest_year - $window_years)) AS window_start
  FROM latest AS l
  LEFT JOIN last_break AS lb USING (sid)
),

five_year AS (
  SELECT c.sid, min(o.year) AS five_year_from, arg_min(o.value, o.year) AS five_year_value
  FROM comparable AS c
  JOIN observed AS o USING (sid)
  WHERE o.year >= c.window_start AND o.year < c.latest_year
  GROUP BY c.sid
),

-- ---------------------------------------------------------------------------------------------------
-- Assessments (method: TREND_METHOD_SV). One machinery, three windows per series:
--   trend   the latest year and the $window_years before it; the segment after the last break
--   period  the strategy period $period_from..$period_to; its segment with the most points (RAMS up to its break)
--   since   $period_to..latest; the last segment
-- Election indicators start each window at the election in force at its first year (2014 for 2015).
-- Rolling / pooled series (period_years > 1) keep only the points period_years apart, counted back from
-- the window's last point, so no two points share a survey year.
-- A point's segment: how many of its series' breaks lie at or before its year. The breaks as a list per series
-- (most series have none): a range join of every point with the breaks was ~0,5 s of the sweden stage.
series_break_years AS (
  SELECT sid, list(year) AS break_years
  FROM breaks
  GROUP BY sid
),

assess_segments AS MATERIALIZED (
  SELECT
    o.sid, o.year, o.value, o.y,
    coalesce(len(list_filter(sb.break_years, b -> b <= o.year)), 0) AS segment
  FROM observed AS o
  LEFT JOIN series_break_years AS sb USING (sid)
),

assess_windows AS (
  SELECT
    s.sid, s.is_election, s.period_years, k.which, k.pick,
    CASE k.which WHEN 'trend' THEN l.latest_year - $window_years WHEN 'period' THEN $period_from ELSE $period_to END AS w_from,
    CASE k.which WHEN 'period' THEN $period_to ELSE l.latest_year END AS w_to
  FROM series AS s
  JOIN latest AS l USING (sid)
  CROSS JOIN (VALUES ('trend', 'last'), ('period', 'most'), ('since', 'last')) AS k(which, pick)
),

-- Elections: the window opens at the latest election at or before its first year.
election_in_force AS (
  SELECT w.sid, w.which, max(o.year) AS in_force
  FROM assess_windows AS w
  JOIN observed AS o USING (sid)
  WHERE w.is_election AND o.year <= w.w_from
  GROUP BY w.sid, w.which
),

assess_open AS (
  SELECT
    w.sid, w.period_years, w.which, w.w_to, w.pick,
    coalesce(e.in_force, w.w_from) AS w_from
  FROM assess_windows AS w
  LEFT JOIN election_in_force AS e USING (sid, which)
),

assess_in_window_all AS MATERIALIZED (
  SELECT w.sid, w.period_years, w.which, w.pick, a.year, a.value, a.y, a.segment
  FROM assess_open AS w
  JOIN assess_segments AS a USING (sid)
  WHERE a.year BETWEEN w.w_from AND w.w_to
),

-- Each window's segments with their points and last year. Aggregates, not window functions: three windows over
-- these ~20 000 rows took ~0,5 s of the stage's CPU (DuckDB profile, 2026-12-01).
assess_segment_sizes AS (
  SELECT sid, which, pick, segment, count(*) AS segment_n, max(year) AS segment_last
  FROM assess_in_window_all
  GROUP BY ALL
),

-- 'last': the segment after the last break; 'most': the segment with the most points (ties: the earlier one),
-- so a break early in the period (2016) leaves 2016–2020 and a late one (RAMS 2019) leaves 2015–2018.
-- anchor: the picked segment's last year, from which rolling series count their independent points back.
assess_picked AS (
  SELECT
    sid, which,
    CASE pick WHEN 'most' THEN arg_max(segment, segment_n * 1000 - segment) ELSE max(segment) END AS picked,
    CASE pick WHEN 'most' THEN arg_max(segment_last, segment_n * 1000 - segment) ELSE arg_max(segment_last, segment) END AS anchor
  FROM assess_segment_sizes
  GROUP BY sid, which, pick
),

assess_points AS MATERIALIZED (
  SELECT i.*, p.picked, p.anchor
  FROM assess_in_window_all AS i
  JOIN assess_picked AS p USING (sid, which)
  WHERE i.segment = p.picked
    AND (p.anchor - i.year) % i.period_years = 0
),

-- Least squares of y on year with the slope's standard error. With n points and the exact sums
--   b = nΣx² − (Σx)²,  c = nΣxy − ΣxΣy,  a = nΣy² − (Σy)²
-- slope = c / b and se² = (a·b − c²) / ((n − 2)·b²), the same as se² = (Syy − Sxy²/Sxx) / (n − 2) / Sxx.
-- The sums are DECIMAL (9 decimals; Kolada publishes at most 8), so they are exact and the same in any order.
-- A parallel floating-point sum is not: regr_slope gave a slope on a rounding boundary (0,5074945) as 0,507494
-- in one run and 0,507495 in the next. Sorting each window's points instead (an ordered aggregate) made the
-- sweden stage ~2,5 s slower. DECIMAL(38, 18) holds y² up to y < 10^10.
assess_sums AS (
  SELECT
    sid, which,
    count(*)::INTEGER AS n,
    min(year) AS from_year,
    max(year) AS to_year,
    arg_min(value, year) AS from_value,
    arg_max(value, year) AS to_value,
    sum(value::DECIMAL(38, 9)) AS sum_v,
    sum(year::BIGINT) AS sum_x,
    sum(year::BIGINT * year) AS sum_xx,
    sum(y::DECIMAL(38, 9)) AS sum_y,
    sum(year * y::DECIMAL(38, 9)) AS sum_xy,
    sum(y::DECIMAL(38, 9) * y::DECIMAL(38, 9)) AS sum_yy
  FROM assess_points
  GROUP BY ALL
),

assess_fit AS (
  SELECT
    sid, which, n, from_year, to_year, from_value, to_value,
    sum_v::DOUBLE / n AS mean_value,
    CASE WHEN n >= 2 THEN c / b END AS slope,
    CASE WHEN n >= 3 THEN sqrt(greatest(a * b - c * c, 0) / (n - 2)) / b END AS se
  FROM (
    SELECT
      *,
      (n * sum_xx - sum_x * sum_x)::DOUBLE AS b,
      (n * sum_xy - sum_x * sum_y)::DOUBLE AS c,
      (n * sum_yy - sum_y * sum_y)::DOUBLE AS a
    FROM assess_sums
  )
),

-- The test: improving / worsening only when the slope is large enough in the desired direction
-- (progress ≥ threshold) AND distinguishable from zero (|t| ≥ t(0.975, n − 2), i.e. the 95 % interval
-- excludes 0; a perfect fit with a non-zero slope counts as distinguishable).
assess_status AS (
  SELECT
    f.*,
    s.rule, s.is_election,
    q.t975,
    round(f.slope / nullif(f.se, 0), 6) AS t,
    round(
      CASE s.rule WHEN 'higher_is_better' THEN 1 ELSE -1 END * f.slope, 9
    ) AS progress,
    round(
      CASE
        WHEN s.rule = 'target' AND s.target_value <> 0 THEN $rel_threshold * abs(s.target_value)
        WHEN s.rule = 'target' THEN $gap_threshold
        ELSE $rel_threshold * abs(f.mean_value)
      END, 9
    ) AS threshold,
    coalesce(round(f.se, 12) = 0 AND round(f.slope, 12) <> 0 OR abs(f.slope / nullif(f.se, 0)) >= q.t975, false) AS distinguishable
  FROM assess_fit AS f
  JOIN series AS s USING (sid)
  LEFT JOIN tmp_t_quantiles AS q ON q.df = least(f.n - 2, 30)
),

assess AS MATERIALIZED (
  SELECT
    a.*,
    CASE
      WHEN a.is_election AND a.n >= 2 THEN 'elections'
      WHEN NOT a.is_election AND a.n >= $min_points THEN 'trend'
      WHEN a.n >= 2 THEN 'two_points'
      ELSE 'none'
    END AS method,
    CASE
      WHEN a.rule = 'none' THEN 'not_applicable'
      -- two elections, or two or three points, give a change, never a trend
      WHEN a.is_election OR a.n < $min_points THEN 'insufficient_data'
      WHEN a.distinguishable AND a.progress > 0 AND a.progress >= a.threshold THEN 'improving'
      WHEN a.distinguishable AND a.progress < 0 AND -a.progress >= a.threshold THEN 'worsening'
      ELSE 'no_clear_change'
    END AS status
  FROM assess_status AS a
),

-- ---------------------------------------------------------------------------------------------------
-- The common year of ranks and medians per indicator × sex × group: the latest year in which at least
-- half as many of the scope's municipalities have a value as in the year with the most.
scope_municipalities AS MATERIALIZED (
  SELECT area_code
  FROM stg_areas
  WHERE level = 'municipality'
    AND ($scope = 'sweden' OR county_code = $county_code)
),

common_year_counts AS (
  SELECT o.isg, o.year, count(*) AS n
  FROM observed AS o
  WHERE o.area_code IN (SELECT area_code FROM scope_municipalities)
  GROUP BY ALL
),

common_year AS (
  SELECT isg, max(year) AS rank_year
  FROM (
    SELECT *, max(n) OVER (PARTITION BY isg) AS max_n FROM common_year_counts
  )
  WHERE 2 * n >= max_n
  GROUP BY ALL
),

-- Rank among the scope's municipalities in the common year; 1 = best, ties share the lowest rank;
-- `target` rules rank by the distance from the target.
ranked AS (
  SELECT
    o.sid, o.isg, o.year,
    rank() OVER w AS rank,
    count(*) OVER (PARTITION BY o.isg) AS rank_of
  FROM observed AS o
  JOIN series AS s USING (sid)
  JOIN common_year AS cy ON cy.isg = o.isg AND cy.rank_year = o.year
  WHERE o.area_code IN (SELECT area_code FROM scope_municipalities)
    AND s.rule <> 'none'
  WINDOW w AS (
    PARTITION BY o.isg
    ORDER BY CASE s.rule
      WHEN 'higher_is_better' THEN -o.value
      WHEN 'lower_is_better' THEN o.value
      ELSE o.y
    END
  )
),

rank_of_year AS (
  SELECT DISTINCT isg, year AS rank_year, rank_of FROM ranked
),

sweden AS (
  SELECT isg, year, value
  FROM observed
  WHERE area_code = $sweden_code
),

county_published AS (
  SELECT o.isg, o.area_code AS county_code, o.year, o.value
  FROM observed AS o
  JOIN stg_areas AS a USING (area_code)
  WHERE a.level = 'county'
),

-- Where Kolada publishes no county value: the median of the county's municipalities (never a mean),
-- of those with a value that year; n says how many (survey indicators: the participants of that year).
county_median AS (
  SELECT o.isg, a.county_code, o.year, median(o.value) AS value, count(*)::INTEGER AS n
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
    l.sid,
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
  JOIN series AS s USING (sid)
  JOIN comparison_rules AS cr USING (indicator_id)
  LEFT JOIN stg_areas AS a ON a.area_code = s.area_code
  LEFT JOIN county_published AS cp
    ON cp.isg = s.isg AND cp.county_code = a.county_code AND cp.year = l.latest_year
  LEFT JOIN county_median AS cm
    ON cm.isg = s.isg AND cm.county_code = a.county_code AND cm.year = l.latest_year
),

county_comparison AS (
  SELECT
    sid, county_comparator,
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
    l.sid,
    CASE WHEN s.area_code <> $sweden_code AND cr.sweden_comparable THEN sw.value END AS sweden_value,
    cc.county_value,
    cc.county_comparator,
    cc.county_n,
    cc.county_note
  FROM latest AS l
  JOIN series AS s USING (sid)
  JOIN comparison_rules AS cr USING (indicator_id)
  LEFT JOIN county_comparison AS cc USING (sid)
  LEFT JOIN sweden AS sw ON sw.isg = s.isg AND sw.year = l.latest_year
),

-- The three assessments side by side, one row per series.
assessed AS (
  SELECT
    sid,
    any_value(status) FILTER (WHERE which = 'trend') AS trend,
    any_value(from_year) FILTER (WHERE which = 'trend') AS trend_from_year,
    any_value(to_year) FILTER (WHERE which = 'trend') AS trend_to_year,
    any_value(n) FILTER (WHERE which = 'trend') AS trend_points,
    any_value(CASE WHEN n >= $min_points THEN slope END) FILTER (WHERE which = 'trend') AS trend_slope,
    any_value(CASE WHEN n >= $min_points THEN se END) FILTER (WHERE which = 'trend') AS trend_se,
    any_value(CASE WHEN n >= $min_points THEN t975 END) FILTER (WHERE which = 'trend') AS trend_t975,
    any_value(CASE WHEN n >= $min_points THEN t END) FILTER (WHERE which = 'trend') AS trend_t,
    any_value(from_year) FILTER (WHERE which = 'period') AS period_from_year,
    any_value(from_value) FILTER (WHERE which = 'period') AS period_from_value,
    any_value(to_year) FILTER (WHERE which = 'period') AS period_to_year,
    any_value(to_value) FILTER (WHERE which = 'period') AS period_to_value,
    any_value(status) FILTER (WHERE which = 'period') AS period_status,
    any_value(method) FILTER (WHERE which = 'period') AS period_method,
    any_value(from_year) FILTER (WHERE which = 'since') AS since_from_year,
    any_value(from_value) FILTER (WHERE which = 'since') AS since_from_value,
    any_value(to_year) FILTER (WHERE which = 'since') AS since_to_year,
    any_value(to_value) FILTER (WHERE which = 'since') AS since_to_value,
    any_value(status) FILTER (WHERE which = 'since') AS since_status,
    any_value(method) FILTER (WHERE which = 'since') AS since_method
  FROM assess
  GROUP BY sid
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
    coalesce(
      b.baseline_year = $baseline_year
      OR (s.is_election AND b.baseline_year > $baseline_year - 4 AND b.baseline_year < $baseline_year),
      false
    ) AS baseline_is_strategy_start,
    -- no change when the baseline is the latest year, nor across a break
    CASE
      WHEN b.baseline_year < l.latest_year AND coalesce(c.break_year <= b.baseline_year, true)
      THEN round(l.latest_value - b.baseline_value, 6)
    END AS change_since_baseline,
    fy.five_year_from AS change_5y_from_year,
    round(l.latest_value - fy.five_year_value, 6) AS change_5y,
    s.rule AS direction,
    s.target_value,
    coalesce(x.trend, CASE WHEN s.rule = 'none' THEN 'not_applicable' ELSE 'insufficient_data' END) AS trend,
    x.trend_from_year,
    x.trend_to_year,
    coalesce(x.trend_points, 0) AS trend_points,
    round(x.trend_slope, 6) AS trend_slope_per_year,
    round(x.trend_slope - x.trend_t975 * x.trend_se, 6) AS trend_slope_ci_low,
    round(x.trend_slope + x.trend_t975 * x.trend_se, 6) AS trend_slope_ci_high,
    round(x.trend_t, 3) AS trend_t,
    x.period_from_year,
    x.period_from_value,
    x.period_to_year,
    x.period_to_value,
    CASE WHEN x.period_to_year > x.period_from_year THEN round(x.period_to_value - x.period_from_value, 6) END AS period_change,
    coalesce(x.period_status, CASE WHEN s.rule = 'none' THEN 'not_applicable' ELSE 'insufficient_data' END) AS period_status,
    coalesce(x.period_method, 'none') AS period_method,
    x.since_from_year,
    x.since_from_value,
    x.since_to_year,
    x.since_to_value,
    CASE WHEN x.since_to_year > x.since_from_year THEN round(x.since_to_value - x.since_from_value, 6) END AS since_change,
    coalesce(x.since_status, CASE WHEN s.rule = 'none' THEN 'not_applicable' ELSE 'insufficient_data' END) AS since_status,
    coalesce(x.since_method, 'none') AS since_method,
    r.rank::INTEGER AS rank,
    CASE WHEN a.level = 'municipality' AND s.rule <> 'none' AND a.area_code IN (SELECT area_code FROM scope_municipalities)
      THEN ry.rank_of::INTEGER END AS rank_of,
    CASE WHEN a.level = 'municipality' AND s.rule <> 'none' AND a.area_code IN (SELECT area_code FROM scope_municipalities)
      THEN ry.rank_year END AS rank_year,
    cmp.sweden_value,
    round(l.latest_value - cmp.sweden_value, 6) AS diff_vs_sweden,
    cmp.county_value,
    coalesce(cmp.county_comparator, 'none') AS county_comparator,
    cmp.county_n::INTEGER AS county_n,
    coalesce(cmp.county_note, '') AS county_note,
    round(l.latest_value - cmp.county_value, 6) AS diff_vs_county
  FROM series AS s
  LEFT JOIN stg_areas AS a USING (area_code)
  LEFT JOIN latest AS l USING (sid)
  LEFT JOIN baseline AS b USING (sid)
  LEFT JOIN comparable AS c USING (sid)
  LEFT JOIN five_year AS fy USING (sid)
  LEFT JOIN assessed AS x USING (sid)
  LEFT JOIN ranked AS r USING (sid)
  LEFT JOIN rank_of_year AS ry ON ry.isg = s.isg
  LEFT JOIN comparisons AS cmp USING (sid)
)

SELECT * FROM final
