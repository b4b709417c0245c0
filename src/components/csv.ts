/**
 * Reading the published CSV files in the browser and writing the CSV the user downloads. The column lists mirror
 * indicators/published.ts and the areas contract (a unit test checks they are equal); the pages cannot import zod schemas from outside
 * the site's root, so rows are checked here by a small typed parser that throws on any unexpected cell.
 */
import {csvParseRows} from "d3-dsv";
import type {CountyStatusRow, SummaryRow, TidyRow} from "../../indicators/published.js";

export const TIDY_COLUMNS = [
  "indicator_id", "area_code", "area_name", "area_level", "year", "sex", "group",
  "value", "unit", "status", "source", "retrieved"
] as const;

export const SUMMARY_COLUMNS = [
  "indicator_id", "area_code", "area_name", "area_level", "sex", "group",
  "latest_year", "latest_value", "baseline_year", "baseline_value", "baseline_is_strategy_start",
  "change_since_baseline", "change_5y_from_year", "change_5y",
  "direction", "target_value",
  "trend", "trend_from_year", "trend_to_year", "trend_points",
  "trend_slope_per_year", "trend_slope_ci_low", "trend_slope_ci_high", "trend_t",
  "period_from_year", "period_from_value", "period_to_year", "period_to_value", "period_change",
  "period_status", "period_method",
  "since_from_year", "since_from_value", "since_to_year", "since_to_value", "since_change",
  "since_status", "since_method",
  "rank", "rank_of", "rank_year", "sweden_value", "diff_vs_sweden",
  "county_value", "county_comparator", "county_n", "county_note", "diff_vs_county"
] as const;

export const COUNTY_STATUS_COLUMNS = [
  "indicator_id", "sex", "group", "basis", "window_from_year", "window_to_year",
  "n_municipalities", "n_improving", "n_worsening", "n_no_clear_change", "n_insufficient_data",
  "county_trend", "median_year", "median_value", "median_n"
] as const;

/**
 * Columns of areas/comparisons.csv, mirroring data-loaders/publish/areas-contract.ts (a unit test checks they are
 * equal): one row per area × indicator × year with its comparators.
 */
export const COMPARISON_COLUMNS = [
  "indicator_id", "area_code", "area_name", "area_level", "municipality_code", "area_type", "year", "unit",
  "value", "municipality_value", "county_value", "same_type_value", "same_type_n",
  "diff_municipality", "diff_county", "diff_same_type", "change_from_year", "change",
  "rank", "rank_of", "base", "base_unit", "status", "suppressed", "reason", "note"
] as const;

export interface ComparisonRow {
  indicator_id: string;
  area_code: string;
  area_name: string;
  area_level: "regso" | "deso";
  municipality_code: string;
  area_type: number | null;
  year: number;
  unit: string;
  value: number | null;
  /** The same ratio over the municipality (null for means and medians). */
  municipality_value: number | null;
  county_value: number | null;
  /** Pooled over the county's RegSO of the same area type. */
  same_type_value: number | null;
  same_type_n: number | null;
  diff_municipality: number | null;
  diff_county: number | null;
  diff_same_type: number | null;
  /** Set on the latest year's row only: change = value(latest) − value(change_from_year). */
  change_from_year: number | null;
  change: number | null;
  /** 1 = highest value among the county's areas of the same level. */
  rank: number | null;
  rank_of: number | null;
  base: number | null;
  base_unit: string;
  status: "" | "missing" | "suppressed";
  suppressed: boolean;
  reason: string;
  note: string;
}

/** How a column's cells are read. */
export type CellType = "string" | "int" | "int?" | "number?" | "bool" | {oneOf: readonly string[]};

function readCell(type: CellType, raw: string, where: () => string): unknown {
  if (typeof type === "object") {
    if (!type.oneOf.includes(raw)) throw new Error(`${where()}: ${JSON.stringify(raw)} is not one of ${type.oneOf.join(", ")}`);
    return raw;
  }
  switch (type) {
    case "string":
      return raw;
    case "bool":
      if (raw !== "true" && raw !== "false") throw new Error(`${where()}: ${JSON.stringify(raw)} is not true/false`);
      return raw === "true";
    case "int":
    case "int?":
    case "number?": {
      if (raw === "" && type !== "int") return null;
      const n = Number(raw);
      if (raw === "" || !Number.isFinite(n) || (type !== "number?" && !Number.isInteger(n))) {
        throw new Error(`${where()}: ${JSON.stringify(raw)} is not ${type === "number?" ? "a number" : "an integer"}`);
      }
      return n;
    }
  }
}

/**
 * Parse CSV text whose header must equal `columns` exactly (same names, same order), converting each cell by its
 * type. Throws naming the file, row and column of the first bad cell.
 */
export function parseCsv<T>(text: string, columns: readonly string[], types: Record<string, CellType>, file: string): T[] {
  const rows = csvParseRows(text.replace(/^\uFEFF/, ""));
  const header = rows[0] ?? [];
  if (header.join(",") !== columns.join(",")) {
    throw new Error(`${file}: unexpected header ${JSON.stringify(header)}; expected ${JSON.stringify(columns)}`);
  }
  return rows.slice(1).filter((r) => !(r.length === 1 && r[0] === "")).map((r, i) => {
    if (r.length !== columns.length) throw new Error(`${file} row ${i + 2}: ${r.length} cells, expected ${columns.length}`);
    const obj: Record<string, unknown> = {};
    columns.forEach((c, j) => {
      obj[c] = readCell(types[c] ?? "string", r[j]!, () => `${file} row ${i + 2} column ${c}`);
    });
    return obj as T;
  });
}

const SEXES = ["T", "K", "M"] as const;
const GROUPS = ["all", "foreign_born", "born_in_sweden", "gap", "refugees", "newly_arrived", "excl_newly_arrived"] as const;
const LEVELS = ["country", "county", "municipality", "regso", "deso"] as const;

const TIDY_TYPES: Record<string, CellType> = {
  area_level: {oneOf: LEVELS}, year: "int", sex: {oneOf: SEXES}, group: {oneOf: GROUPS}, value: "number?",
  status: {oneOf: ["", "missing", "suppressed", "break"]}
};

const TRENDS = ["improving", "worsening", "no_clear_change", "insufficient_data", "not_applicable"];
const METHODS = ["trend", "two_points", "elections", "none"];
const SUMMARY_TYPES: Record<string, CellType> = {
  area_level: {oneOf: LEVELS}, sex: {oneOf: SEXES}, group: {oneOf: GROUPS},
  latest_year: "int?", latest_value: "number?", baseline_year: "int?", baseline_value: "number?", baseline_is_strategy_start: "bool",
  change_since_baseline: "number?", change_5y_from_year: "int?", change_5y: "number?",
  direction: {oneOf: ["higher_is_better", "lower_is_better", "target", "none"]}, target_value: "number?",
  trend: {oneOf: TRENDS}, trend_from_year: "int?", trend_to_year: "int?", trend_points: "int",
  trend_slope_per_year: "number?", trend_slope_ci_low: "number?", trend_slope_ci_high: "number?", trend_t: "number?",
  period_from_year: "int?", period_from_value: "number?", period_to_year: "int?", period_to_value: "number?", period_change: "number?",
  period_status: {oneOf: TRENDS}, period_method: {oneOf: METHODS},
  since_from_year: "int?", since_from_value: "number?", since_to_year: "int?", since_to_value: "number?", since_change: "number?",
  since_status: {oneOf: TRENDS}, since_method: {oneOf: METHODS},
  rank: "int?", rank_of: "int?", rank_year: "int?", sweden_value: "number?", diff_vs_sweden: "number?",
  county_value: "number?", county_comparator: {oneOf: ["county", "municipal_median", "none"]}, county_n: "int?", county_note: "string",
  diff_vs_county: "number?"
};

const COUNTY_STATUS_TYPES: Record<string, CellType> = {
  sex: {oneOf: SEXES}, group: {oneOf: GROUPS}, basis: {oneOf: ["county_series", "municipal_distribution"]},
  window_from_year: "int?", window_to_year: "int?", n_municipalities: "int", n_improving: "int", n_worsening: "int",
  n_no_clear_change: "int", n_insufficient_data: "int", county_trend: {oneOf: ["", ...TRENDS]},
  median_year: "int?", median_value: "number?", median_n: "int?"
};

const COMPARISON_TYPES: Record<string, CellType> = {
  area_level: {oneOf: ["regso", "deso"]}, area_type: "int?", year: "int", value: "number?", municipality_value: "number?",
  county_value: "number?", same_type_value: "number?", same_type_n: "int?", diff_municipality: "number?", diff_county: "number?",
  diff_same_type: "number?", change_from_year: "int?", change: "number?", rank: "int?", rank_of: "int?", base: "number?",
  status: {oneOf: ["", "missing", "suppressed"]}, suppressed: "bool"
};

/** Rows of a tidy indicator CSV (indicators/<id>.csv, areas/<id>.csv). */
export function parseTidyCsv(text: string, file: string): TidyRow[] {
  return parseCsv<TidyRow>(text, TIDY_COLUMNS, TIDY_TYPES, file);
}

/** Rows of summary.csv. */
export function parseSummaryCsv(text: string, file = "summary.csv"): SummaryRow[] {
  return parseCsv<SummaryRow>(text, SUMMARY_COLUMNS, SUMMARY_TYPES, file);
}

/** Rows of county-status.csv. */
export function parseCountyStatusCsv(text: string, file = "county-status.csv"): CountyStatusRow[] {
  return parseCsv<CountyStatusRow>(text, COUNTY_STATUS_COLUMNS, COUNTY_STATUS_TYPES, file);
}

/** Rows of areas/comparisons.csv. */
export function parseComparisonCsv(text: string, file = "areas/comparisons.csv"): ComparisonRow[] {
  return parseCsv<ComparisonRow>(text, COMPARISON_COLUMNS, COMPARISON_TYPES, file);
}

/** RFC 4180 CSV like the published files: header row, comma, decimal point, null as empty, LF line ends. */
export function toCsv(rows: readonly object[], columns: readonly string[]): string {
  const cell = (v: unknown): string => {
    if (v === null || v === undefined) return "";
    const s = String(v);
    return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  const lines = rows.map((r) => columns.map((c) => cell((r as Record<string, unknown>)[c])).join(","));
  return [columns.join(","), ...lines].join("\n") + "\n";
}
