/**
 * The view's state lives in the query string (kommun, omraden, indikator, kon, grupp, fran, till) so a link
 * reproduces it. Written with history.replaceState (no history entry per click), read once on load.
 */

/** The parameter names used across pages. */
export const PARAM = {
  municipality: "kommun",
  areas: "omraden",
  indicator: "indikator",
  sex: "kon",
  group: "grupp",
  from: "fran",
  to: "till",
  year: "ar",
  /** Municipalities shown beside the chosen one (indicator pages). */
  compare: "jamfor"
} as const;

function params(): URLSearchParams {
  return new URLSearchParams(globalThis.location?.search ?? "");
}

/** A parameter's value when it is one of `allowed`, else `fallback` (a hand-edited URL never breaks a page). */
export function readParam(name: string, allowed: readonly string[], fallback: string): string {
  const v = params().get(name);
  return v !== null && allowed.includes(v) ? v : fallback;
}

/** A comma-separated list parameter, keeping only allowed values; `fallback` when absent or nothing valid. */
export function readListParam(name: string, allowed: readonly string[], fallback: readonly string[]): string[] {
  const v = params().get(name);
  if (v === null) return [...fallback];
  if (v === "") return [];
  const kept = v.split(",").filter((x) => allowed.includes(x));
  return kept.length ? kept : [...fallback];
}

/** A year parameter within [min, max], else fallback. */
export function readYearParam(name: string, min: number, max: number, fallback: number): number {
  const v = Number(params().get(name));
  return Number.isInteger(v) && v >= min && v <= max ? v : fallback;
}

/** Set (or with null, remove) parameters in the address bar without adding history entries. */
export function writeParams(values: Record<string, string | number | readonly string[] | null>): void {
  const p = params();
  for (const [k, v] of Object.entries(values)) {
    if (v === null) p.delete(k);
    else p.set(k, Array.isArray(v) ? v.join(",") : String(v));
  }
  const qs = p.toString().replaceAll("%2C", ",");
  const url = `${location.pathname}${qs ? `?${qs}` : ""}${location.hash}`;
  if (url !== `${location.pathname}${location.search}${location.hash}`) history.replaceState(history.state, "", url);
}

/** A link that carries the chosen municipality along (other pages open on the same municipality). */
export function hrefWithState(href: string, keys: readonly string[] = [PARAM.municipality]): string {
  const p = params();
  const keep = new URLSearchParams();
  for (const k of keys) {
    const v = p.get(k);
    if (v !== null) keep.set(k, v);
  }
  const qs = keep.toString();
  return qs ? `${href}${href.includes("?") ? "&" : "?"}${qs}` : href;
}
