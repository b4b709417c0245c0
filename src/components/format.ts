/**
 * Swedish number formatting for every chart, table and tooltip: decimal comma, a non-breaking space between
 * thousands, the true minus sign (U+2212). Hand-written rather than Intl so the output is identical in every
 * browser and in Node (ICU versions differ in separators).
 */

export const MINUS = "\u2212";
export const NBSP = "\u00A0";
/** Shown where a value is missing. */
export const MISSING = "–";

/** Decimals shown per unit (catalogue `unit`). */
const DECIMALS: Record<string, number> = {
  percent: 1, percentage_points: 1, count: 0, per_1000: 1, per_10000: 1, per_100000: 1, per_inhabitant: 2,
  sek: 0, tkr: 0, ratio: 2, index: 1, days: 1, persons_per_household: 2, share_0_1: 3
};

/** Suffix after a value per unit; units not listed get none (the axis label carries the unit). */
const SUFFIX: Record<string, string> = {
  percent: `${NBSP}%`, percentage_points: `${NBSP}procentenheter`, per_1000: `${NBSP}per 1${NBSP}000 inv.`,
  per_10000: `${NBSP}per 10${NBSP}000 inv.`, per_100000: `${NBSP}per 100${NBSP}000 inv.`, sek: `${NBSP}kr`,
  tkr: `${NBSP}tkr`, days: `${NBSP}dagar`
};

/** Decimals used for a unit (1 for unknown units). */
export function decimalsFor(unit: string): number {
  return DECIMALS[unit] ?? 1;
}

/** The suffix written after a value of this unit, with its leading non-breaking space ("" if none). */
export function unitSuffix(unit: string): string {
  return SUFFIX[unit] ?? "";
}

function group(intPart: string): string {
  return intPart.length <= 3 ? intPart : intPart.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
}

/** 1234.56 → "1 234,6" (1 decimal by default); null/NaN → "–"; never "−0". */
export function formatNumber(value: number | null | undefined, decimals = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  const factor = 10 ** decimals;
  const rounded = Math.round(Math.abs(value) * factor) / factor;
  const [int, frac] = rounded.toFixed(decimals).split(".") as [string, string | undefined];
  const negative = value < 0 && rounded !== 0;
  return `${negative ? MINUS : ""}${group(int)}${frac ? `,${frac}` : ""}`;
}

/** Axis ticks: as few decimals as the value needs (at most 2), Swedish separators. */
export function formatTick(value: number): string {
  const decimals = Number.isInteger(value) ? 0 : Math.abs(value * 10 - Math.round(value * 10)) < 1e-9 ? 1 : 2;
  return formatNumber(value, decimals);
}

/** A value with its unit: formatValue(81.44, "percent") → "81,4 %". */
export function formatValue(value: number | null | undefined, unit: string): string {
  const s = formatNumber(value, decimalsFor(unit));
  return s === MISSING ? s : `${s}${unitSuffix(unit)}`;
}

/** Unit of a difference between two values of `unit`: a difference of percentages is in percentage points. */
export function changeUnit(unit: string): string {
  return unit === "percent" ? "percentage_points" : unit;
}

/** A signed change: formatChange(-2.34, "percent") → "−2,3 procentenheter", formatChange(3, "tkr") → "+3 tkr". */
export function formatChange(delta: number | null | undefined, unit: string): string {
  const u = changeUnit(unit);
  const s = formatNumber(delta, decimalsFor(u));
  if (s === MISSING) return s;
  const sign = delta! > 0 && s !== formatNumber(0, decimalsFor(u)) ? "+" : "";
  return `${sign}${s}${unitSuffix(u)}`;
}

/** Years are never grouped: 2023 → "2023". */
export function formatYear(year: number | null | undefined): string {
  return year === null || year === undefined ? MISSING : String(year);
}

/** "3 av 13". */
export function formatRank(rank: number | null | undefined, of: number | null | undefined): string {
  return rank === null || rank === undefined || of === null || of === undefined ? MISSING : `${rank} av ${of}`;
}

/** An ISO date or timestamp as a Swedish (ISO) date in Stockholm time: "2026-11-20". */
export function formatDate(iso: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) throw new Error(`not a date: ${iso}`);
  return new Intl.DateTimeFormat("sv-SE", {timeZone: "Europe/Stockholm", year: "numeric", month: "2-digit", day: "2-digit"}).format(d);
}

/**
 * Parse a number as this module prints it ("−2,3 procentenheter" → -2.3, "1 234 tkr" → 1234); null for "–".
 * Used by the browser tests to compare what a table shows with the CSV.
 */
export function parseSwedishNumber(text: string): number | null {
  const t = text.trim();
  if (t === MISSING || t === "") return null;
  const m = /^([+\u2212-]?)([\d\u00A0 ]+)(?:,(\d+))?/.exec(t);
  if (!m) throw new Error(`not a Swedish number: ${JSON.stringify(text)}`);
  const n = Number(`${m[2]!.replace(/[\u00A0 ]/g, "")}.${m[3] ?? "0"}`);
  return m[1] === MINUS || m[1] === "-" ? -n : n;
}
