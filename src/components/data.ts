/** Lookups over the published catalogue and rows, shared by the pages. Pure functions, unit-tested. */
import type {
  Catalogue, CatalogueArea, CatalogueGoal, CatalogueIndicator, CountyStatusRow, Group, Sex, SummaryRow, TidyRow, TrendStatus
} from "../../indicators/published.js";

export const COUNTRY_CODE = "0000";
export const COUNTY_CODE = "0006";
/** Synthetic area code of the median of the county's municipalities (drawn where Kolada has no county value). */
export const MEDIAN_CODE = "0006-median";
export const MEDIAN_NAME = "Median av länets kommuner";

/** The county's municipalities (Kolada codes start with the county's two digits), sorted by name. */
export function countyMunicipalities(cat: Catalogue): CatalogueArea[] {
  return cat.areas
    .filter((a) => a.level === "municipality" && a.code.startsWith(COUNTY_CODE.slice(2)))
    .sort((a, b) => a.name.localeCompare(b.name, "sv"));
}

/** Area by code, or an Error naming the code. */
export function areaByCode(cat: Catalogue, code: string): CatalogueArea {
  const a = cat.areas.find((x) => x.code === code);
  if (!a) throw new Error(`area ${code} is not in catalogue.json`);
  return a;
}

/** Display name of an area ("Jönköpings län", "Tranås"). */
export function areaName(cat: Catalogue, code: string): string {
  if (code === MEDIAN_CODE) return MEDIAN_NAME;
  return cat.areas.find((x) => x.code === code)?.name ?? code;
}

export function indicatorById(cat: Catalogue, id: string): CatalogueIndicator {
  const i = cat.indicators.find((x) => x.id === id);
  if (!i) throw new Error(`indicator ${id} is not in catalogue.json`);
  return i;
}

export function goalById(cat: Catalogue, id: string): CatalogueGoal {
  const g = cat.goals.find((x) => x.id === id);
  if (!g) throw new Error(`goal area ${id} is not in catalogue.json`);
  return g;
}

/**
 * A context group (population description, no status) rather than a goal area of the strategy: it has no sub-goals,
 * no focus goal, and no goal indicators.
 */
export function isContextGroup(cat: Catalogue, goal: CatalogueGoal): boolean {
  return goal.subgoals.length === 0 && goal.tranas_focus_goal === null &&
    !cat.indicators.some((i) => i.goal_area === goal.id && i.kind === "goal");
}

/** Goal areas of the strategy (ordered), without context groups. */
export function strategyGoals(cat: Catalogue): CatalogueGoal[] {
  return [...cat.goals].sort((a, b) => a.order - b.order).filter((g) => !isContextGroup(cat, g));
}

export function goalIndicators(cat: Catalogue, goalId: string): CatalogueIndicator[] {
  return cat.indicators.filter((i) => i.goal_area === goalId);
}

/**
 * The headline series of an indicator: its first declared group (the indicator's own population, e.g. foreign-born)
 * and both sexes together when available.
 */
export function headline(ind: CatalogueIndicator): {sex: Sex; group: Group} {
  const group = ind.groups[0];
  if (!group) throw new Error(`indicator ${ind.id} declares no groups`);
  return {sex: ind.sexes.includes("T") ? "T" : ind.sexes[0]!, group};
}

/** The summary row of one indicator × area × sex × group, if published. */
export function findSummary(rows: readonly SummaryRow[], indicator: string, area: string, sex: Sex, group: Group): SummaryRow | undefined {
  return rows.find((r) => r.indicator_id === indicator && r.area_code === area && r.sex === sex && r.group === group);
}

export type TrendCounts = Record<TrendStatus, number> & {
  no_value: number;
  /** County view: indicators whose county status is the distribution over the municipalities (no county value). */
  by_municipalities: number;
  /** Those indicators' municipal trends summed: municipality × indicator pairs per status. */
  municipal: {improving: number; worsening: number; no_clear_change: number; insufficient_data: number; n: number};
  /** The trend windows ("2017–2022") the counted statuses rest on, distinct and sorted. */
  windows: string[];
};

/**
 * How many goal indicators of a goal area improve / show no clear change / worsen for an area (headline series).
 * For the county, an indicator without a county value counts by its county-status row (the municipalities'
 * distribution) instead of as "no value": the county view is never empty.
 */
export function trendCounts(cat: Catalogue, summary: readonly SummaryRow[], goalId: string, area: string, countyStatus: readonly CountyStatusRow[] = []): TrendCounts {
  const counts: TrendCounts = {
    improving: 0, worsening: 0, no_clear_change: 0, insufficient_data: 0, not_applicable: 0, no_value: 0, by_municipalities: 0,
    municipal: {improving: 0, worsening: 0, no_clear_change: 0, insufficient_data: 0, n: 0},
    windows: []
  };
  const windows = new Set<string>();
  const addWindow = (from: number | null, to: number | null) => {
    if (from !== null && to !== null) windows.add(`${from}–${to}`);
  };
  for (const ind of goalIndicators(cat, goalId)) {
    if (ind.kind !== "goal") continue;
    const h = headline(ind);
    const row = findSummary(summary, ind.id, area, h.sex, h.group);
    const cs = area === COUNTY_CODE ? countyStatus.find((r) => r.indicator_id === ind.id && r.sex === h.sex && r.group === h.group) : undefined;
    if (row && (!cs || cs.basis === "county_series")) {
      counts[row.trend] += 1;
      if (row.trend !== "insufficient_data" && row.trend !== "not_applicable") addWindow(row.trend_from_year, row.trend_to_year);
    } else if (cs) {
      counts.by_municipalities += 1;
      addWindow(cs.window_from_year, cs.window_to_year);
      counts.municipal.improving += cs.n_improving;
      counts.municipal.worsening += cs.n_worsening;
      counts.municipal.no_clear_change += cs.n_no_clear_change;
      counts.municipal.insufficient_data += cs.n_insufficient_data;
      counts.municipal.n += cs.n_municipalities;
    } else counts.no_value += 1;
  }
  counts.windows = [...windows].sort();
  return counts;
}

/** The freshest data year among a goal area's indicators (catalogue latest_year), or null. */
export function freshestYear(cat: Catalogue, goalId: string): number | null {
  const years = goalIndicators(cat, goalId).map((i) => i.latest_year).filter((y): y is number => y !== null);
  return years.length ? Math.max(...years) : null;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * The county comparison series for a sex × group: Kolada's county rows (0006) when the file has them, otherwise
 * the median of the county's municipalities per year, as rows with area_code MEDIAN_CODE and a name that says so.
 */
export function countySeries(
  rows: readonly TidyRow[], municipalityCodes: readonly string[], sex: Sex, group: Group, opts: {countyValue?: boolean} = {}
): TidyRow[] {
  // countyValue false: Kolada's county value measures another population (a survey's participants): median only.
  const own = opts.countyValue === false ? [] : rows.filter((r) => r.area_code === COUNTY_CODE && r.sex === sex && r.group === group);
  if (own.length > 0) return own;
  const munis = new Set(municipalityCodes);
  const byYear = new Map<number, TidyRow[]>();
  for (const r of rows) {
    if (r.sex !== sex || r.group !== group || !munis.has(r.area_code)) continue;
    byYear.set(r.year, [...(byYear.get(r.year) ?? []), r]);
  }
  return [...byYear.entries()].sort((a, b) => a[0] - b[0]).map(([year, rs]) => {
    const values = rs.map((r) => r.value).filter((v): v is number => v !== null);
    const first = rs[0]!;
    return {
      ...first, area_code: MEDIAN_CODE, area_name: MEDIAN_NAME, area_level: "county", year,
      value: values.length ? Math.round(median(values)! * 1000) / 1000 : null,
      status: values.length ? "" : "missing",
      // a median is our calculation, of the municipalities with a value that year
      source: `${derivedSource(first.source)}: median av ${values.length} kommuner`,
      retrieved: [...new Set(rs.map((r) => r.retrieved))].sort().at(-1)!
    } satisfies TidyRow;
  });
}

/** "Beräknat av oss från …" for a figure the site computes from rows whose source is `source`. */
export function derivedSource(source: string): string {
  return source.startsWith(DERIVED) ? source : `${DERIVED} från ${source}`;
}

/** How every figure we computed (not the source) begins its source. */
export const DERIVED = "Beräknat av oss";

/** How many municipalities a median row (MEDIAN_CODE) is of, read from its source ("…: median av 11 kommuner"). */
export function medianN(row: TidyRow): number | null {
  const m = /median av (\d+) kommuner$/.exec(row.source);
  return m ? Number(m[1]) : null;
}

/** Published path of a file (catalogue `files` entries may be relative to pub/ or carry the data/pub/ prefix). */
export function pubPath(path: string): string {
  return path.replace(/^\/?(?:src\/)?(?:data\/pub\/)?/, "");
}

/** An area name inside a sentence: "medianen av länets kommuner" rather than the capitalised label. */
export function inSentence(name: string): string {
  return name === MEDIAN_NAME ? "medianen av länets kommuner" : name;
}

/** Distinct values, in first-seen order. */
export function unique<T>(xs: Iterable<T>): T[] {
  return [...new Set(xs)];
}

/** "Tranås kommun", "Jönköpings kommun": the genitive s is added after a consonant other than s, x, z. */
export function municipalityTitle(name: string): string {
  return /[aeiouyåäösxz]$/i.test(name) ? `${name} kommun` : `${name}s kommun`;
}
