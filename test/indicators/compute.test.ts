/**
 * The engine's derived numbers on small invented series: baseline, changes, trend thresholds,
 * ranks, comparisons, breaks and scope. Values go straight into a test table that the test
 * indicator's SQL reads, so every scenario states its own numbers.
 */
import {afterEach, describe, expect, it} from "vitest";
import {query} from "../../data-loaders/lib/duckdb.js";
import {CheckError} from "../../data-loaders/lib/errors.js";
import type {Scope} from "../../data-loaders/lib/types.js";
import {computeIndicators, TREND} from "../../indicators/compute.js";
import {defineIndicator, type IndicatorSpec} from "../../indicators/define.js";
import type {SummaryRow} from "../../indicators/published.js";
import {freshDb} from "../helpers/db.js";
import {loadEngineStaging} from "../fixtures/staging-engine/load.js";

interface Point {
  area: string;
  year: number;
  value: number | null;
  sex?: string;
  group?: string;
  status?: string;
}

/** Points of one series: values from `from` on, one a year (null = missing). */
function line(area: string, from: number, values: (number | null)[], extra: Partial<Point> = {}): Point[] {
  return values.map((value, i) => ({area, year: from + i, value, ...extra}));
}

const BASE: IndicatorSpec = {
  title_sv: "Scenario (test)",
  title_en: "Scenario (test)",
  description_sv: "Påhittad serie för ett test.",
  description_en: "Invented series for one test.",
  kind: "goal",
  subgoals: [],
  inputs: ["kolada:N00001"],
  unit: "percent",
  direction: "higher_is_better",
  direction_reason: "Invented scenario for one test.",
  sexes: ["T"],
  groups: ["all"],
  sql: `SELECT area_code, year, sex, "group", value, status FROM test_values`,
  params: {}
};

let closeDb: (() => void) | undefined;
afterEach(() => closeDb?.());

/** Compute one invented indicator on the fixture areas; returns its summary rows. */
async function compute(points: Point[], spec: Partial<IndicatorSpec> = {}, scope: Scope = "county") {
  const db = await freshDb();
  closeDb = db.close;
  await loadEngineStaging(db.conn, ["stg_areas"]);
  await db.conn.run(`CREATE TABLE test_values (area_code VARCHAR, year INTEGER, sex VARCHAR, "group" VARCHAR, value DOUBLE, status VARCHAR)`);
  for (const p of points) {
    await db.conn.run(`INSERT INTO test_values VALUES ($area, $year, $sex, $group, $value, $status)`, {
      area: p.area,
      year: p.year,
      sex: p.sex ?? "T",
      group: p.group ?? "all",
      value: p.value,
      status: p.status ?? (p.value === null ? "missing" : "")
    });
  }
  const indicator = defineIndicator("file:///test/arbete/test-scenario.ts", {...BASE, ...spec});
  const report = await computeIndicators(db.conn, [indicator], {scope});
  const rows = await query<SummaryRow>(db.conn, `SELECT * FROM mart_indicator_summary ORDER BY area_code, "group", sex`);
  const get = (area: string, group = "all", sex = "T") => {
    const row = rows.find((r) => r.area_code === area && r.group === group && r.sex === sex);
    if (!row) throw new Error(`no summary row for ${area}/${group}/${sex}`);
    return row;
  };
  return {db, report, rows, get};
}

describe("baseline and changes", () => {
  it("uses 2015 as baseline and measures the change to the latest year", async () => {
    const {get} = await compute(line("0680", 2013, [50, 51, 52, 53, 54, 55, 56, 57, 58, 60]));
    expect(get("0680")).toMatchObject({
      latest_year: 2022,
      latest_value: 60,
      baseline_year: 2015,
      baseline_value: 52,
      baseline_is_strategy_start: true,
      change_since_baseline: 8,
      change_5y_from_year: 2017,
      change_5y: 6
    });
  });

  it("falls back to the series' first year when it starts after 2015", async () => {
    const {get} = await compute(line("0680", 2018, [40, 41, 43, 44, 46]));
    expect(get("0680")).toMatchObject({baseline_year: 2018, baseline_value: 40, baseline_is_strategy_start: false, change_since_baseline: 6});
  });

  it("takes the first year after 2015 when 2015 itself is missing", async () => {
    const {get} = await compute(line("0680", 2014, [30, null, 31, 32]));
    expect(get("0680")).toMatchObject({baseline_year: 2016, baseline_value: 31, baseline_is_strategy_start: false, change_since_baseline: 1});
  });

  it("measures the five-year change from the earliest year within the window when latest−5 is missing", async () => {
    const {get} = await compute(line("0680", 2016, [10, null, 12, 13, 14, 15, 18]));
    expect(get("0680")).toMatchObject({latest_year: 2022, change_5y_from_year: 2018, change_5y: 6});
  });

  it("gives no change since baseline when the baseline is the latest year", async () => {
    const {get} = await compute(line("0680", 2022, [10]));
    expect(get("0680")).toMatchObject({baseline_year: 2022, change_since_baseline: null, change_5y_from_year: null, change_5y: null});
  });
});

describe("series breaks", () => {
  const values = line("0680", 2015, [10, 11, 12, 13, 20, 21, 22, 23]);

  it("never measures a change across a declared break; the window starts at the break", async () => {
    const {get} = await compute(values, {series_breaks: [{year: 2019, note: "new definition"}]});
    expect(get("0680")).toMatchObject({
      baseline_year: 2015,
      change_since_baseline: null,
      change_5y_from_year: 2019,
      change_5y: 3,
      trend_points: 4,
      trend_slope_per_year: 1
    });
  });

  it("treats a row with status 'break' as a break in its own series", async () => {
    const points = values.map((p) => (p.year === 2021 ? {...p, status: "break"} : p));
    const {get} = await compute(points);
    expect(get("0680")).toMatchObject({change_since_baseline: null, change_5y_from_year: 2021, change_5y: 1, trend: "insufficient_data"});
  });

  it("keeps the change when the break lies at or before the baseline", async () => {
    const {get} = await compute(values, {series_breaks: [{year: 2015, note: "old"}]});
    expect(get("0680").change_since_baseline).toBe(13);
  });
});

describe("trend status", () => {
  // Mean 100 over 2019–2022; slope s gives a relative yearly change of s/100.
  const around100 = (slope: number) => line("0680", 2019, [100 - 1.5 * slope, 100 - 0.5 * slope, 100 + 0.5 * slope, 100 + 1.5 * slope]);

  it("is improving at exactly the threshold (0.5 % a year) in the desired direction", async () => {
    expect(TREND.relThreshold).toBe(0.005);
    const {get} = await compute(around100(0.5));
    expect(get("0680")).toMatchObject({trend: "improving", trend_points: 4, trend_slope_per_year: 0.5});
  });

  it("shows no clear change just below the threshold", async () => {
    const {get} = await compute(around100(0.49));
    expect(get("0680").trend).toBe("no_clear_change");
  });

  it("is worsening at the threshold in the wrong direction", async () => {
    const {get} = await compute(around100(-0.5));
    expect(get("0680").trend).toBe("worsening");
  });

  it("reads the slope against the direction: falling is improving when lower is better", async () => {
    const {get} = await compute(around100(-0.5), {direction: "lower_is_better"});
    expect(get("0680").trend).toBe("improving");
  });

  it("needs four points: three give insufficient_data and no slope", async () => {
    const {get} = await compute(line("0680", 2020, [10, 20, 30]));
    expect(get("0680")).toMatchObject({trend: "insufficient_data", trend_points: 3, trend_slope_per_year: null});
  });

  it("uses only the last six years", async () => {
    // Ten rising years then six flat ones: the flat window decides.
    const {get} = await compute(line("0680", 2007, [1, 2, 3, 4, 5, 6, 7, 8, 9, 50, 50, 50, 50, 50, 50, 50]));
    expect(get("0680")).toMatchObject({trend: "no_clear_change", trend_points: 6, trend_slope_per_year: 0, trend_from_year: 2017, trend_to_year: 2022});
  });

  it("gives not_applicable for context indicators and for no direction", async () => {
    const context = await compute(around100(2), {kind: "context", direction: "none"});
    expect(context.get("0680")).toMatchObject({trend: "not_applicable", rank: null});
    closeDb?.();
    const none = await compute(around100(2), {direction: "none"});
    expect(none.get("0680")).toMatchObject({trend: "not_applicable", rank: null});
  });

  describe("gap rows: a narrowing gap is improving, whatever its sign", () => {
    const gapSpec: Partial<IndicatorSpec> = {groups: ["foreign_born", "all", "gap"], comparison_group: "all"};
    const gap = (values: number[]) => line("0680", 2019, values, {group: "gap"});

    it("negative gap shrinking by 0.25 pp a year (the threshold) is improving", async () => {
      expect(TREND.gapThreshold).toBe(0.25);
      const {get} = await compute(gap([-10, -9.75, -9.5, -9.25]), gapSpec);
      // the slope published for a target row is of the distance from the target (|gap|): −0.25 a year
      expect(get("0680", "gap")).toMatchObject({trend: "improving", trend_slope_per_year: -0.25, direction: "target", target_value: 0});
    });

    it("positive gap shrinking is improving even when lower is better", async () => {
      const {get} = await compute(gap([10, 9.5, 9, 8.5]), {...gapSpec, direction: "lower_is_better"});
      expect(get("0680", "gap").trend).toBe("improving");
    });

    it("a widening gap is worsening; a slowly moving one shows no clear change", async () => {
      const wide = await compute([...gap([-5, -6, -7, -8]), ...line("0687", 2019, [-5, -5.1, -5.2, -5.3], {group: "gap"})], gapSpec);
      expect(wide.get("0680", "gap").trend).toBe("worsening");
      expect(wide.get("0687", "gap").trend).toBe("no_clear_change");
    });

    it("ranks gaps by closeness to zero", async () => {
      const {get} = await compute(
        [["0680", -8], ["0687", 3], ["0604", -2], ["0617", 12]].map(([area, v]) => ({area: String(area), year: 2022, value: Number(v), group: "gap"})),
        gapSpec
      );
      expect([get("0604", "gap").rank, get("0687", "gap").rank, get("0680", "gap").rank, get("0617", "gap").rank]).toEqual([1, 2, 3, 4]);
    });
  });
});

describe("trend with uncertainty (t test at 5 % and the relative threshold)", () => {
  it("pure noise around a level is no clear change, although its slope passes the relative threshold", async () => {
    // slope +0.57 a year = 1.1 % of the mean (the old threshold alone said improving), but t = 1.0 < t(0.975; 4) = 2.78
    const {get} = await compute(line("0680", 2017, [49, 53, 48, 52, 50, 54]));
    const row = get("0680");
    expect(row).toMatchObject({trend: "no_clear_change", trend_points: 6, trend_from_year: 2017, trend_to_year: 2022});
    expect(row.trend_slope_per_year).toBeCloseTo(0.571429, 5);
    expect(row.trend_t).toBeCloseTo(1.013, 3);
    expect(row.trend_slope_ci_low!).toBeLessThan(0);
    expect(row.trend_slope_ci_high!).toBeGreaterThan(0);
  });

  it("a steady rise with little noise is improving, with an interval that excludes 0", async () => {
    const {get} = await compute(line("0680", 2017, [50, 51.1, 51.9, 53.1, 54, 55.05]));
    const row = get("0680");
    expect(row.trend).toBe("improving");
    expect(row.trend_slope_per_year).toBeCloseTo(1.004286, 5);
    expect(row.trend_t).toBeCloseTo(49.834, 2);
    // 95 % interval: slope ± t(0.975; 4) × se = 1.004286 ± 2.776445 × 0.020152
    expect(row.trend_slope_ci_low).toBeCloseTo(1.004286 - 2.776445 * 0.0201525, 4);
    expect(row.trend_slope_ci_high).toBeCloseTo(1.004286 + 2.776445 * 0.0201525, 4);
  });

  it("a balance ratio moving from 1.3 to 1.05 is improving and ranked above one at 0.90", async () => {
    const {get} = await compute(
      [...line("0680", 2017, [1.3, 1.25, 1.2, 1.15, 1.1, 1.05]), ...line("0687", 2017, [0.9, 0.9, 0.9, 0.9, 0.9, 0.9])],
      {direction: "target", target_value: 1, unit: "ratio"}
    );
    expect(get("0680")).toMatchObject({trend: "improving", direction: "target", target_value: 1, rank: 1, rank_of: 2, rank_year: 2022});
    expect(get("0680").trend_slope_per_year).toBeCloseTo(-0.05, 9);
    expect(get("0687")).toMatchObject({trend: "no_clear_change", rank: 2});
  });

  it("a ratio moving away from its target past it is worsening even though the value falls", async () => {
    const {get} = await compute(line("0680", 2017, [1.0, 0.95, 0.9, 0.85, 0.8, 0.75]), {direction: "target", target_value: 1, unit: "ratio"});
    expect(get("0680").trend).toBe("worsening");
  });

  it("overlapping four-year means never give more points than independent periods", async () => {
    const years = Array.from({length: 16}, (_, i) => 50 + i);
    const {get} = await compute(line("0680", 2007, years), {period_years: 4});
    const row = get("0680");
    // the window 2017–2022 holds six yearly values but only two non-overlapping four-year periods (2018, 2022)
    expect(row).toMatchObject({trend: "insufficient_data", trend_points: 2, trend_from_year: 2018, trend_to_year: 2022, trend_slope_per_year: null});
    // the strategy period 2015–2020: 2016 and 2020 only
    expect(row).toMatchObject({period_from_year: 2016, period_to_year: 2020, period_method: "two_points", period_status: "insufficient_data"});
    expect(row.period_change).toBeCloseTo(4, 9);
  });

  it("a short series says so: insufficient data, with the points it has", async () => {
    const {get} = await compute(line("0680", 2021, [10, 12]));
    expect(get("0680")).toMatchObject({trend: "insufficient_data", trend_points: 2, trend_from_year: 2021, trend_to_year: 2022, trend_t: null});
  });
});

describe("strategy period 2015→2020 and since", () => {
  it("assesses the period on its own years and the development after it", async () => {
    const {get} = await compute(line("0680", 2012, [40, 41, 42, 43, 44.1, 44.9, 46, 47.1, 48, 47, 46, 45]));
    expect(get("0680")).toMatchObject({
      period_from_year: 2015, period_from_value: 43, period_to_year: 2020, period_to_value: 48,
      period_method: "trend", period_status: "improving",
      since_from_year: 2020, since_to_year: 2023, since_method: "trend", since_status: "worsening"
    });
    expect(get("0680").period_change).toBeCloseTo(5, 9);
  });

  it("uses the nearest years inside the period and, across a break, the part before it", async () => {
    const {get} = await compute(line("0680", 2016, [10, 11, 12, 20, 21, 22, 23]), {series_breaks: [{year: 2019, note: "test"}]});
    expect(get("0680")).toMatchObject({period_from_year: 2016, period_to_year: 2018, period_method: "two_points", since_from_year: 2020, since_to_year: 2022});
  });
});

describe("county status", () => {
  it("is the distribution over the municipalities, with the median of N, when Kolada has no county value", async () => {
    const {db} = await compute([
      ...line("0680", 2017, [50, 51, 52, 53, 54, 55]),
      ...line("0687", 2017, [49, 53, 48, 52, 50, 54]),
      ...line("0604", 2020, [60, 61])
    ]);
    const rows = await query<Record<string, unknown>>(db.conn, `SELECT * FROM mart_county_status`);
    expect(rows).toEqual([{
      indicator_id: "test-scenario", sex: "T", group: "all", basis: "municipal_distribution",
      window_from_year: 2017, window_to_year: 2022, n_municipalities: 3, n_improving: 1, n_worsening: 0,
      // the median is of the municipalities with a value in the common year (2022: two of three), with N
      n_no_clear_change: 1, n_insufficient_data: 1, county_trend: "", median_year: 2022, median_value: 54.5, median_n: 2
    }]);
  });
});

describe("rank", () => {
  const latest = (values: Record<string, number | null>) =>
    Object.entries(values).map(([area, value]) => ({area, year: 2022, value}));

  it("ranks the county's municipalities, 1 = best, ties share the lowest rank", async () => {
    const {get} = await compute(latest({"0000": 99, "0006": 98, "0680": 70, "0687": 80, "0604": 80, "0617": 60, "0642": 90, "0180": 100}));
    expect(["0642", "0687", "0604", "0680", "0617"].map((a) => get(a).rank)).toEqual([1, 2, 2, 4, 5]);
    expect(get("0680").rank_of).toBe(5);
    // Sweden and the county are not ranked; Stockholm lies outside county scope.
    expect(get("0000").rank).toBeNull();
    expect(get("0006").rank).toBeNull();
  });

  it("reverses for lower_is_better and counts only municipalities with a value", async () => {
    const {get} = await compute(latest({"0680": 70, "0687": 80, "0604": null, "0617": 60, "0642": 90}), {direction: "lower_is_better"});
    expect(["0617", "0680", "0687", "0642"].map((a) => get(a).rank)).toEqual([1, 2, 3, 4]);
    expect(get("0617").rank_of).toBe(4);
    expect(get("0604")).toMatchObject({rank: null, latest_value: null, latest_year: null, trend: "insufficient_data"});
  });

  it("ranks among all municipalities in sweden scope", async () => {
    const {get, rows} = await compute(latest({"0680": 70, "0687": 80, "0604": 75, "0617": 60, "0642": 90, "0180": 100}), {}, "sweden");
    expect(get("0180")).toMatchObject({rank: 1, rank_of: 6});
    expect(rows.some((r) => r.area_code === "0180")).toBe(true);
  });
});

describe("comparisons with Sweden and the county", () => {
  it("compares with Kolada's county value when there is one", async () => {
    const {get} = await compute([
      ...line("0000", 2021, [50, 52]),
      ...line("0006", 2021, [40, 41]),
      ...line("0680", 2021, [45, 47]),
      ...line("0687", 2021, [30, 35])
    ]);
    expect(get("0680")).toMatchObject({sweden_value: 52, diff_vs_sweden: -5, county_value: 41, county_comparator: "county", diff_vs_county: 6});
    expect(get("0006")).toMatchObject({sweden_value: 52, diff_vs_sweden: -11, county_comparator: "none", county_value: null});
    expect(get("0000")).toMatchObject({sweden_value: null, diff_vs_sweden: null, county_comparator: "none"});
  });

  it("falls back to the median of the county's municipalities when the county value is missing", async () => {
    const {get} = await compute([
      ...line("0006", 2022, [null]),
      ...line("0680", 2022, [10]),
      ...line("0687", 2022, [20]),
      ...line("0604", 2022, [30]),
      ...line("0617", 2022, [100])
    ]);
    // median of 10, 20, 30, 100 is 25 (a mean would say 40)
    expect(get("0680")).toMatchObject({county_value: 25, county_comparator: "municipal_median", diff_vs_county: -15});
  });

  it("compares in the area's own latest year", async () => {
    const {get} = await compute([...line("0000", 2020, [50, 60, 70]), ...line("0687", 2020, [40, 45])]);
    expect(get("0687")).toMatchObject({latest_year: 2021, sweden_value: 60, diff_vs_sweden: -15});
  });
});

describe("the run", () => {
  it("reports rows, years and areas per indicator and leaves rows outside county scope out", async () => {
    const {report, db} = await compute([...line("0680", 2020, [1, 2, null]), ...line("0180", 2020, [5, 6, 7])]);
    expect(report.indicators).toEqual([
      {id: "test-scenario", rows: 3, values: 2, first_year: 2020, latest_year: 2021, n_years: 2, n_areas: 1}
    ]);
    expect(report).toMatchObject({rows: 3, outside_scope_rows: 3, summary_rows: 1});
    const areas = await query<{area_code: string}>(db.conn, `SELECT DISTINCT area_code FROM mart_indicator_values`);
    expect(areas).toEqual([{area_code: "0680"}]);
  });

  it("reports every failed check at once and leaves the marts untouched", async () => {
    const good = await compute(line("0680", 2020, [1, 2, 3]));
    const conn = good.db.conn;
    const bad = defineIndicator("file:///test/arbete/test-bad.ts", {
      ...BASE,
      sql: `SELECT * FROM (VALUES
              ('0680', 2020, 'T', 'all', 1.0, ''),
              ('0680', 2020, 'T', 'all', 2.0, ''),
              ('0687', 2020, 'T', 'all', 150.0, ''),
              ('9999', 2020, 'T', 'all', 1.0, ''),
              ('0604', 2020, 'X', 'all', 1.0, ''),
              ('0617', 2020, 'T', 'all', 'NaN'::DOUBLE, ''),
              ('0642', 2020, 'T', 'all', NULL, '')
            ) AS t(area_code, year, sex, "group", value, status)`,
      checks: {range: [0, 100], expect_areas: ["0000"], expect_years: [2020, 2021]}
    });
    const error = await computeIndicators(conn, [bad], {scope: "county"}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CheckError);
    const failures = (error as CheckError).failures.join("\n");
    for (const what of [
      "duplicate keys",
      "values outside the declared range",
      "area codes not in stg_areas",
      "sexes the indicator does not declare",
      "NaN or infinite",
      "without a value whose status is not 'missing'",
      "expected areas without any value",
      "series that does not span the expected years"
    ]) {
      expect(failures).toContain(what);
    }
    expect((error as CheckError).failures.every((f) => f.startsWith("indicator arbete/test-bad"))).toBe(true);
    expect(failures).toContain("area 9999");
    expect(failures).toContain("values only 2020–2020");
    const left = await query<{id: string; n: number}>(conn, `SELECT indicator_id AS id, count(*)::INTEGER AS n FROM mart_indicator_values GROUP BY ALL`);
    expect(left).toEqual([{id: "test-scenario", n: 3}]);
  });

  it("checks level rows against the declared range and gap rows against ±(max − min): a −5 % level fails", async () => {
    const db = await freshDb();
    closeDb = db.close;
    await loadEngineStaging(db.conn, ["stg_areas"]);
    const gapSpec = {...BASE, groups: ["foreign_born", "born_in_sweden", "gap"], comparison_group: "born_in_sweden"} as IndicatorSpec;
    const rows = (fb: number, sb: number) => `SELECT * FROM (VALUES
              ('0680', 2020, 'T', 'foreign_born', ${fb}::DOUBLE, ''),
              ('0680', 2020, 'T', 'born_in_sweden', ${sb}::DOUBLE, ''),
              ('0680', 2020, 'T', 'gap', ${fb - sb}::DOUBLE, '')
            ) AS t(area_code, year, sex, "group", value, status)`;
    const negative = defineIndicator("file:///test/arbete/test-negative-level.ts", {...gapSpec, sql: rows(-5, 80), checks: {range: [0, 100]}});
    const error = await computeIndicators(db.conn, [negative], {scope: "county"}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CheckError);
    const failures = (error as CheckError).failures.join("\n");
    expect(failures).toContain("values outside the declared range");
    expect(failures).toMatch(/group foreign_born value -5(\.0)? .*not in \[0(\.0)?, 100(\.0)?\]/);
    // The gap of −85 pp is inside ±100 and not reported.
    expect(failures).not.toMatch(/gap.*-85/);
    const declared = defineIndicator("file:///test/arbete/test-gap-range.ts", {...gapSpec, sql: rows(40, 80), checks: {range: [-100, 100]}});
    const decl = await computeIndicators(db.conn, [declared], {scope: "county"}).catch((e: unknown) => e);
    expect((decl as CheckError).failures.join("\n")).toMatch(/checks.range \[-100, 100\] is the level rows' range/);
  });

  it("reports SQL errors and wrong columns of several indicators together", async () => {
    const db = await freshDb();
    closeDb = db.close;
    const broken = defineIndicator("file:///test/arbete/test-broken.ts", {...BASE, sql: "SELECT * FROM no_such_table"});
    const shaped = defineIndicator("file:///test/arbete/test-shaped.ts", {...BASE, sql: "SELECT '0680' AS area_code, 2020 AS year"});
    const error = await computeIndicators(db.conn, [broken, shaped], {scope: "county"}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CheckError);
    const failures = (error as CheckError).failures;
    expect(failures).toHaveLength(2);
    expect(failures[0]).toMatch(/test-broken .*SQL failed: .*no_such_table/s);
    expect(failures[1]).toMatch(/test-shaped .*must return \(area_code, year, sex, group, value, status\), got \(area_code, year\)/);
  });
});
