/**
 * Sentences of the assessments in summary.csv and county-status.csv: every figure names its window, N and
 * (for trends) its interval. Pure functions (no DOM), unit-tested; the method is TREND_METHOD_SV.
 */
import type {CountyStatusRow, SummaryRow} from "../../indicators/published.js";
import {changeUnit, formatChange, formatNumber, decimalsFor, formatValue, formatYear, unitSuffix} from "./format.js";
import {TREND} from "./labels.js";
import {windowText} from "./statusBadge.js";

/** The unit of a row's values: gap rows of percentages are percentage points. */
export function rowUnit(s: Pick<SummaryRow, "group">, unit: string): string {
  return s.group === "gap" ? "percentage_points" : unit;
}

/** The slope with its window and interval: "+0,8 procentenheter per år 2017–2022 (95 %: +0,3 till +1,3)". */
export function trendFigure(s: SummaryRow, unit: string): string {
  const win = windowText(s.trend_from_year, s.trend_to_year);
  if (s.trend_slope_per_year === null) return `${s.trend_points} ${s.trend_points === 1 ? "oberoende värde" : "oberoende värden"}${win ? ` ${win}` : ""}`;
  const u = changeUnit(rowUnit(s, unit));
  const what = s.direction === "target" ? `avståndet till målet ${formatNumber(s.target_value, decimalsFor(u))}: ` : "";
  const ci = s.trend_slope_ci_low === null || s.trend_slope_ci_high === null ? "" :
    ` (95 %: ${formatChange(s.trend_slope_ci_low, u).replace(unitSuffix(u), "")} till ${formatChange(s.trend_slope_ci_high, u)})`;
  return `${what}${formatChange(s.trend_slope_per_year, u)} per år ${win}${ci}, ${s.trend_points} värden`;
}

// two_points: 2 or 3 values, fewer than the trend needs; the change is between the first and the last year
const METHOD_NOTE = {trend: "", two_points: " (för få värden för en trend: förändringen mellan två år)", elections: " (två val: en förändring, ingen trend)", none: ""} as const;

/** "Strategiperioden 2015–2020: +3,1 procentenheter" (the years actually used), or why there is none. */
export function periodText(s: SummaryRow, unit: string): string {
  return assessmentText("Strategiperioden", s.period_from_year, s.period_to_year, s.period_change, s.period_method, unit, s);
}

/** "Efter perioden 2020–2022: −1,0 procentenheter". */
export function sinceText(s: SummaryRow, unit: string): string {
  return assessmentText("Efter perioden", s.since_from_year, s.since_to_year, s.since_change, s.since_method, unit, s);
}

function assessmentText(label: string, from: number | null, to: number | null, change: number | null, method: SummaryRow["period_method"], unit: string, s: SummaryRow): string {
  if (from === null || to === null || change === null) return `${label}: ${from === null ? "inga värden" : `bara värde ${formatYear(from)}`}`;
  return `${label} ${windowText(from, to)}: ${formatChange(change, rowUnit(s, unit))}${METHOD_NOTE[method]}`;
}

/** "rang 3 av 13 (2022)", or "" when the area has no rank. */
export function rankText(s: SummaryRow): string {
  if (s.rank === null || s.rank_of === null) return "";
  return `rang ${s.rank} av ${s.rank_of} (${formatYear(s.rank_year)})`;
}

/** "8 av 13 kommuner förbättras, 1 försämras, 4 utan säker förändring" (zero counts left out, never all). */
export function distributionText(c: CountyStatusRow): string {
  const parts: string[] = [];
  const add = (n: number, text: string) => { if (n > 0) parts.push(`${n} ${text}`); };
  add(c.n_improving, "förbättras");
  add(c.n_worsening, "försämras");
  add(c.n_no_clear_change, "utan säker förändring");
  add(c.n_insufficient_data, "med för kort serie");
  const first = parts.shift() ?? `0 ${TREND.insufficient_data.word.toLowerCase()}`;
  const [n, ...rest] = first.split(" ");
  const head = `${n} av ${c.n_municipalities} ${c.n_municipalities === 1 ? "kommun" : "kommuner"} ${rest.join(" ")}`;
  return [head, ...parts].join(", ");
}

/** "median av 11 kommuner 2022: 76,2 procent". */
export function medianText(c: CountyStatusRow, unit: string): string {
  if (c.median_value === null || c.median_n === null) return "ingen kommun har värde";
  return `median av ${c.median_n} ${c.median_n === 1 ? "kommun" : "kommuner"} ${formatYear(c.median_year)}: ${formatValue(c.median_value, rowUnit(c, unit))}`;
}

/** The county-status row of an indicator × sex × group, if any. */
export function findCountyStatus(rows: readonly CountyStatusRow[], indicator: string, sex: string, group: string): CountyStatusRow | undefined {
  return rows.find((r) => r.indicator_id === indicator && r.sex === sex && r.group === group);
}
