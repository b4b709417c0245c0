/**
 * Figures of an indicator page that follow the chosen years ("Från" … "till"): the value in the end year, the
 * change from the first to the last year with a value inside the window, the rank in the end year and the
 * differences from the county and Sweden in that year. Computed from the published tidy rows (the same rows the
 * charts and their CSVs show); the pipeline's trend status keeps its own window (summary.csv).
 */
import type {TidyRow} from "../../indicators/published.js";

export interface Point {
  year: number;
  value: number;
}

/** The series' points with a value inside [from, to], in year order. */
export function pointsIn(rows: readonly TidyRow[], from: number, to: number): Point[] {
  return rows.filter((r) => r.value !== null && r.year >= from && r.year <= to).map((r) => ({year: r.year, value: r.value!})).sort((a, b) => a.year - b.year);
}

export interface WindowChange {
  area_code: string;
  area_name: string;
  from_year: number;
  from_value: number;
  to_year: number;
  to_value: number;
  change: number;
  unit: string;
}

/** Change of one area's series over the window: last minus first value inside it; null with fewer than two values. */
export function windowChange(rows: readonly TidyRow[], from: number, to: number): WindowChange | null {
  const pts = pointsIn(rows, from, to);
  if (pts.length < 2) return null;
  const a = pts[0]!;
  const b = pts.at(-1)!;
  const r = rows[0]!;
  // Rounded as the published values are (three decimals), so 0,1 − 0,3 never shows as −0,19999.
  return {area_code: r.area_code, area_name: r.area_name, from_year: a.year, from_value: a.value, to_year: b.year, to_value: b.value, change: Math.round((b.value - a.value) * 1000) / 1000, unit: r.unit};
}

/** The latest point at or before `to` (and not before `from`). */
export function valueAt(rows: readonly TidyRow[], from: number, to: number): Point | null {
  return pointsIn(rows, from, to).at(-1) ?? null;
}

/**
 * Rank (1 = best per direction) of `area` among `municipalities` in `year`; ties share the better rank. With a
 * target (balance ratios: 1, gaps: 0) the best is the nearest to it, as in the pipeline's rank.
 */
export function rankIn(
  rows: readonly TidyRow[], municipalities: readonly string[], area: string, year: number, direction: string, target: number | null = null
): {rank: number; of: number} | null {
  const set = new Set(municipalities);
  const vals = rows.filter((r) => set.has(r.area_code) && r.year === year && r.value !== null);
  const own = vals.find((r) => r.area_code === area);
  if (!own || direction === "none") return null;
  const key = (x: number) => (target !== null ? Math.abs(x - target) : direction === "lower_is_better" ? x : -x);
  const better = vals.filter((r) => key(r.value!) < key(own.value!)).length;
  return {rank: better + 1, of: vals.length};
}

/** Columns of the change chart's CSV: our derived figures over the chosen window (not a published file's columns). */
export const WINDOW_CHANGE_COLUMNS = ["area_code", "area_name", "from_year", "from_value", "to_year", "to_value", "change", "unit"] as const;
