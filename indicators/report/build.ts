/**
 * The yearly follow-up report per municipality and for the county, built from the published files alone
 * (catalogue.json, summary.csv, county-status.csv, coverage.csv) and the run's change list: per goal area the
 * generated sentences, the table of its goal indicators and the sub-goals no statistic measures; the
 * "Behöver uppmärksamhet" and "Går åt rätt håll" lists; for the county the goal areas ranked by them.
 */
import {changeUnit} from "../../src/components/format.js";
import type {Catalogue, CatalogueIndicator, CountyStatusRow, Group, Sex, SummaryRow} from "../published.js";
import type {CoverageRow, IndicatorNews, RunNews} from "./input.js";
import {
  attentionSentence, comparatorName, comparisonSentence, developmentSentence, distributionSentence, goalRankSentence, improvementSentence,
  overviewSentence, worseThan, type IndicatorInfo, type Sentence, type StatusCounts
} from "./sentences.js";

export const COUNTY_CODE = "0006";

/** Columns of reports/<kod>.csv: one row per goal area × goal indicator, the report's table, wide. */
export const REPORT_COLUMNS = [
  "report_area_code", "report_area_name", "goal_area", "goal_title", "indicator_id", "indicator_title", "sex", "group",
  "unit", "unit_label", "direction",
  "latest_year", "latest_value",
  "period_from_year", "period_from_value", "period_to_year", "period_to_value", "period_change", "period_status", "period_method",
  "since_from_year", "since_from_value", "since_to_year", "since_to_value", "since_change", "since_status", "since_method",
  "trend", "trend_from_year", "trend_to_year", "trend_points", "trend_t",
  "comparator", "comparator_n", "comparator_value", "diff_vs_comparator", "comparator_note",
  "sweden_value", "diff_vs_sweden",
  "women_year", "women_value", "men_year", "men_value",
  "gap_comparison_group", "gap_year", "gap_value", "gap_unit",
  "rank", "rank_of", "rank_year",
  "municipalities_n", "municipalities_improving", "municipalities_worsening", "municipalities_no_clear_change",
  "source", "retrieved"
] as const;
export type ReportColumn = (typeof REPORT_COLUMNS)[number];
export type ReportTableRow = Record<ReportColumn, string | number | null>;

export interface ReportListItem {
  goal_area: string;
  indicator_id: string;
  sex: Sex;
  group: Group;
  area_code: string;
  sentence: Sentence;
  trend_t: number | null;
}

export interface ReportGoal {
  goal_area: string;
  title: string;
  order: number;
  n_indicators: number;
  sentences: Sentence[];
  rows: ReportTableRow[];
  unmeasured: {subgoal_id: string; text: string; reason: string}[];
  n_attention: number;
  n_improving: number;
}

export interface NewsItem {
  indicator_id: string;
  title: string;
  kind: "municipal" | "area";
  /** Areas the item covers (the report's own area, or the municipality's neighbourhoods). */
  areas: string[];
  years: number[];
  n_revised?: number;
}

export interface ReportFile {
  area_code: string;
  area_name: string;
  area_level: "municipality" | "county";
  title: string;
  /** The newest data year among the report's goal indicators. */
  data_year: number | null;
  /** Newest retrieval date of the sources (UTC date). */
  retrieved: string;
  generated_at: string;
  goals: ReportGoal[];
  attention: ReportListItem[];
  improving: ReportListItem[];
  /** County report only: goal areas ranked for the integration council (most attention first). */
  goal_ranking: {goal_area: string; title: string; n_attention: number; n_municipalities: number; n_improving: number; sentence: Sentence}[] | null;
  /** Null when the pipeline had no previous run to compare with. */
  news: {previous_retrieved: string | null; new_years: NewsItem[]; revised: NewsItem[]} | null;
  files: {csv: string; excel_csv: string};
}

export interface ReportInput {
  catalogue: Catalogue;
  summary: readonly SummaryRow[];
  countyStatus: readonly CountyStatusRow[];
  coverage: readonly CoverageRow[];
  news: RunNews;
}

/** Paths of a report's files, relative to the published directory. */
export function reportFiles(code: string): {json: string; csv: string; excel_csv: string} {
  return {json: `reports/${code}.json`, csv: `reports/${code}.csv`, excel_csv: `reports/${code}.excel.csv`};
}

/** "Aneby kommun", "Jönköpings kommun"; the county keeps its name. */
export function reportAreaTitle(name: string, level: string): string {
  if (level !== "municipality") return name;
  return /[aeiouyåäösxz]$/i.test(name) ? `${name} kommun` : `${name}s kommun`;
}

/** The headline series of an indicator: its first group, both sexes together when published. */
export function headlineOf(ind: CatalogueIndicator): {sex: Sex; group: Group} {
  const group = ind.groups[0];
  if (!group) throw new Error(`indicator ${ind.id} declares no groups`);
  return {sex: ind.sexes.includes("T") ? "T" : ind.sexes[0]!, group};
}

function infoOf(ind: CatalogueIndicator): IndicatorInfo {
  return {id: ind.id, title: ind.title_sv, unit: ind.unit, direction: ind.direction, series_breaks: ind.series_breaks, comparison_group: ind.comparison_group};
}

class SummaryIndex {
  private byKey = new Map<string, SummaryRow>();
  constructor(rows: readonly SummaryRow[]) {
    for (const r of rows) this.byKey.set(`${r.indicator_id}|${r.area_code}|${r.sex}|${r.group}`, r);
  }
  get(indicator: string, area: string, sex: Sex, group: Group): SummaryRow | undefined {
    return this.byKey.get(`${indicator}|${area}|${sex}|${group}`);
  }
}

/** The comparator of a row for the lists: the county value (or median) for a municipality, Sweden for the county. */
function comparatorOf(r: SummaryRow, isCounty: boolean): {name: string; value: number; column: keyof SummaryRow} | null {
  if (isCounty) return r.sweden_value === null ? null : {name: "rikets", value: r.sweden_value, column: "sweden_value"};
  if (r.county_comparator === "none" || r.county_value === null) return null;
  return {name: comparatorName(r), value: r.county_value, column: "county_value"};
}

/** "Behöver uppmärksamhet": worsening now AND the latest value worse than the comparator by the row's direction. */
export function needsAttention(r: SummaryRow, isCounty: boolean): boolean {
  if (r.trend !== "worsening" || r.latest_value === null) return false;
  const c = comparatorOf(r, isCounty);
  return c !== null && worseThan(r.direction, r.latest_value, c.value, r.target_value) === true;
}

/** "Går åt rätt håll": improving now; ranked by the strength of the evidence (|t| of the slope), strongest first. */
export function rankImprovements<T extends {trend_t: number | null}>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => Math.abs(b.trend_t ?? 0) - Math.abs(a.trend_t ?? 0));
}

/** The series a report judges: the headline series and, for indicators with a gap, the gap (both sexes). */
function judgedRows(ind: CatalogueIndicator, idx: SummaryIndex, area: string): SummaryRow[] {
  const h = headlineOf(ind);
  const rows = [idx.get(ind.id, area, h.sex, h.group)];
  if (ind.groups.includes("gap")) rows.push(idx.get(ind.id, area, h.sex, "gap"));
  return rows.filter((r): r is SummaryRow => r !== undefined);
}

function sourceLabel(ind: CatalogueIndicator): string {
  return ind.sources
    .map((s) => {
      const [kind, code] = s.id.split(":") as [string, string];
      const agency = s.agency ? ` (${s.agency})` : "";
      return kind === "kolada" ? `Kolada ${code}${agency}` : `SCB ${code}`;
    })
    .join("; ");
}

function tableRow(rep: {code: string; name: string}, goal: {id: string; title: string}, ind: CatalogueIndicator, idx: SummaryIndex, status: CountyStatusRow | undefined, isCounty: boolean): ReportTableRow {
  const h = headlineOf(ind);
  const r = idx.get(ind.id, rep.code, h.sex, h.group);
  const women = ind.sexes.includes("K") ? idx.get(ind.id, rep.code, "K", h.group) : undefined;
  const men = ind.sexes.includes("M") ? idx.get(ind.id, rep.code, "M", h.group) : undefined;
  const gap = ind.groups.includes("gap") ? idx.get(ind.id, rep.code, h.sex, "gap") : undefined;
  const cmp = r && !isCounty && r.county_comparator !== "none" ? r : undefined;
  return {
    report_area_code: rep.code, report_area_name: rep.name, goal_area: goal.id, goal_title: goal.title,
    indicator_id: ind.id, indicator_title: ind.title_sv, sex: h.sex, group: h.group,
    unit: ind.unit, unit_label: ind.unit_label_sv, direction: ind.direction,
    latest_year: r?.latest_year ?? null, latest_value: r?.latest_value ?? null,
    period_from_year: r?.period_from_year ?? null, period_from_value: r?.period_from_value ?? null,
    period_to_year: r?.period_to_year ?? null, period_to_value: r?.period_to_value ?? null,
    period_change: r?.period_change ?? null, period_status: r?.period_status ?? "insufficient_data", period_method: r?.period_method ?? "none",
    since_from_year: r?.since_from_year ?? null, since_from_value: r?.since_from_value ?? null,
    since_to_year: r?.since_to_year ?? null, since_to_value: r?.since_to_value ?? null,
    since_change: r?.since_change ?? null, since_status: r?.since_status ?? "insufficient_data", since_method: r?.since_method ?? "none",
    trend: r?.trend ?? "insufficient_data", trend_from_year: r?.trend_from_year ?? null, trend_to_year: r?.trend_to_year ?? null,
    trend_points: r?.trend_points ?? 0, trend_t: r?.trend_t ?? null,
    comparator: isCounty ? "none" : (r?.county_comparator ?? "none"),
    comparator_n: cmp?.county_n ?? null,
    comparator_value: cmp?.county_value ?? null,
    diff_vs_comparator: cmp?.diff_vs_county ?? null,
    comparator_note: isCounty ? "" : (r?.county_note ?? ""),
    sweden_value: r?.sweden_value ?? null, diff_vs_sweden: r?.diff_vs_sweden ?? null,
    women_year: women?.latest_year ?? null, women_value: women?.latest_value ?? null,
    men_year: men?.latest_year ?? null, men_value: men?.latest_value ?? null,
    gap_comparison_group: gap ? (ind.comparison_group ?? "") : "",
    gap_year: gap?.latest_year ?? null, gap_value: gap?.latest_value ?? null, gap_unit: gap ? changeUnit(ind.unit) : "",
    rank: r?.rank ?? null, rank_of: r?.rank_of ?? null, rank_year: r?.rank_year ?? null,
    municipalities_n: isCounty ? (status?.n_municipalities ?? null) : null,
    municipalities_improving: isCounty ? (status?.n_improving ?? null) : null,
    municipalities_worsening: isCounty ? (status?.n_worsening ?? null) : null,
    municipalities_no_clear_change: isCounty ? (status?.n_no_clear_change ?? null) : null,
    source: sourceLabel(ind),
    retrieved: ind.sources.map((s) => s.retrieved).sort().at(-1) ?? ""
  };
}

/**
 * The indicator the area's 2nd and 3rd sentences are about: the first that needs attention, else the clearest
 * improvement, else the first with a value (catalogue order).
 */
function focusIndicator(inds: CatalogueIndicator[], idx: SummaryIndex, area: string, isCounty: boolean): CatalogueIndicator | undefined {
  const head = (ind: CatalogueIndicator) => {
    const h = headlineOf(ind);
    return idx.get(ind.id, area, h.sex, h.group);
  };
  const att = inds.find((i) => {
    const r = head(i);
    return r && needsAttention(r, isCounty);
  });
  if (att) return att;
  const imp = rankImprovements(inds.map((i) => ({i, trend_t: head(i)?.trend === "improving" ? head(i)!.trend_t : null, ok: head(i)?.trend === "improving"})).filter((x) => x.ok))[0];
  if (imp) return imp.i;
  return inds.find((i) => head(i)?.latest_value != null) ?? inds[0];
}

function goalSentences(inds: CatalogueIndicator[], idx: SummaryIndex, area: string, isCounty: boolean, statusOf: (ind: CatalogueIndicator) => CountyStatusRow | undefined): Sentence[] {
  const counts: StatusCounts = {improving: 0, worsening: 0, no_clear_change: 0, no_assessment: 0, no_value: 0};
  for (const ind of inds) {
    const h = headlineOf(ind);
    const r = idx.get(ind.id, area, h.sex, h.group);
    if (!r || r.latest_value === null) counts.no_value++;
    else if (r.trend === "improving" || r.trend === "worsening" || r.trend === "no_clear_change") counts[r.trend]++;
    else counts.no_assessment++;
  }
  // The county has no own series for survey-based indicators: the municipalities' distribution speaks for it.
  const out = [overviewSentence(counts, isCounty ? "saknar eget värde för länet (kommunernas fördelning står i tabellen)" : "saknar värden")];
  const focus = focusIndicator(inds, idx, area, isCounty);
  if (!focus) return out;
  const h = headlineOf(focus);
  const r = idx.get(focus.id, area, h.sex, h.group);
  const gap = focus.groups.includes("gap") ? idx.get(focus.id, area, h.sex, "gap") : undefined;
  if (r) out.push(developmentSentence(infoOf(focus), r, gap));
  // The county report says how the municipalities develop; a municipal report compares with the county and Sweden.
  const status = isCounty ? statusOf(focus) : undefined;
  if (status) out.push(distributionSentence(infoOf(focus), status));
  else if (r && !isCounty) {
    const cmp = comparisonSentence(infoOf(focus), r, isCounty);
    if (cmp.text) out.push(cmp);
  }
  return out;
}

function newsFor(news: RunNews, catalogue: Catalogue, code: string): ReportFile["news"] {
  if (news === null) return null;
  const titles = new Map(catalogue.indicators.map((i) => [i.id, i.title_sv]));
  // Neighbourhood codes begin with their municipality's code (RegSO 0680R010, DeSO 0680C1010).
  const mine = (n: IndicatorNews) => (n.kind === "municipal" ? n.area_code === code : code !== COUNTY_CODE && n.area_code.startsWith(code));
  const fold = (pick: (n: IndicatorNews) => number[], withCount: boolean): NewsItem[] => {
    const by = new Map<string, NewsItem>();
    for (const n of news.indicators) {
      if (!mine(n) || pick(n).length === 0) continue;
      const key = `${n.kind}|${n.indicator_id}`;
      const item = by.get(key) ?? {indicator_id: n.indicator_id, title: titles.get(n.indicator_id) ?? n.indicator_id, kind: n.kind, areas: [], years: [], ...(withCount ? {n_revised: 0} : {})};
      item.areas.push(n.area_code);
      item.years = [...new Set([...item.years, ...pick(n)])].sort((a, b) => a - b);
      if (withCount) item.n_revised! += n.n_revised;
      by.set(key, item);
    }
    return [...by.values()].sort((a, b) => a.kind.localeCompare(b.kind) || a.title.localeCompare(b.title, "sv"));
  };
  return {previous_retrieved: news.previous_retrieved, new_years: fold((n) => n.new_years, false), revised: fold((n) => n.revised_years, true)};
}

/** One report for an area (a county municipality or the county). */
export function buildReport(input: ReportInput, code: string, idx = new SummaryIndex(input.summary)): ReportFile {
  const {catalogue} = input;
  const area = catalogue.areas.find((a) => a.code === code);
  if (!area || (area.level !== "municipality" && area.level !== "county")) throw new Error(`report: ${code} is neither a municipality nor the county in catalogue.json`);
  const isCounty = area.level === "county";
  const goals = [...catalogue.goals].sort((a, b) => a.order - b.order);
  const statusOf = new Map(input.countyStatus.map((s) => [`${s.indicator_id}|${s.sex}|${s.group}`, s]));
  const attention: ReportListItem[] = [];
  const improving: ReportListItem[] = [];
  const outGoals: ReportGoal[] = [];
  let dataYear: number | null = null;
  for (const g of goals) {
    const inds = catalogue.indicators.filter((i) => i.goal_area === g.id && i.kind === "goal");
    if (!inds.length) continue;
    let nAtt = 0;
    let nImp = 0;
    for (const ind of inds) {
      for (const r of judgedRows(ind, idx, code)) {
        if (r.latest_year !== null && r.group !== "gap") dataYear = Math.max(dataYear ?? r.latest_year, r.latest_year);
        const item = (sentence: Sentence): ReportListItem => ({goal_area: g.id, indicator_id: ind.id, sex: r.sex, group: r.group, area_code: code, sentence, trend_t: r.trend_t});
        const info = r.group === "gap" ? {...infoOf(ind), title: `${ind.title_sv}, skillnad mot ${ind.comparison_group === "born_in_sweden" ? "inrikes födda" : "samtliga"}`, unit: changeUnit(ind.unit)} : infoOf(ind);
        if (needsAttention(r, isCounty)) {
          attention.push(item(attentionSentence(info, r, comparatorOf(r, isCounty)!)));
          nAtt++;
        } else if (r.trend === "improving" && r.latest_value !== null) {
          improving.push(item(improvementSentence(info, r)));
          nImp++;
        }
      }
    }
    const unmeasured = input.coverage
      .filter((c) => c.goal_area === g.id && c.indicator_id === "")
      .map((c) => ({subgoal_id: c.subgoal_id, text: c.subgoal_text, reason: c.note}));
    outGoals.push({
      goal_area: g.id, title: g.title, order: g.order, n_indicators: inds.length,
      sentences: goalSentences(inds, idx, code, isCounty, (ind) => statusOf.get(`${ind.id}|${headlineOf(ind).sex}|${headlineOf(ind).group}`)),
      rows: inds.map((ind) => tableRow({code, name: area.name}, {id: g.id, title: g.title}, ind, idx, statusOf.get(`${ind.id}|${headlineOf(ind).sex}|${headlineOf(ind).group}`), isCounty)),
      unmeasured, n_attention: nAtt, n_improving: nImp
    });
  }
  const files = reportFiles(code);
  return {
    area_code: code, area_name: area.name, area_level: area.level, title: reportAreaTitle(area.name, area.level),
    data_year: dataYear,
    retrieved: catalogue.sources.map((s) => s.retrieved).sort().at(-1) ?? "",
    generated_at: catalogue.generated_at,
    goals: outGoals,
    attention,
    improving: rankImprovements(improving),
    goal_ranking: null,
    news: newsFor(input.news, catalogue, code),
    files: {csv: files.csv, excel_csv: files.excel_csv}
  };
}

/** The county's municipalities (sorted), the areas with a report besides the county itself. */
function reportMunicipalities(catalogue: Catalogue): string[] {
  return catalogue.areas.filter((a) => a.level === "municipality" && a.parent_code === COUNTY_CODE).map((a) => a.code).sort();
}

/** Every area a report is about: the county's municipalities and the county. */
export function reportAreaCodes(catalogue: Catalogue): string[] {
  return [...reportMunicipalities(catalogue), COUNTY_CODE];
}

/** All reports: the county's municipalities, then the county, whose goal areas are ranked over all municipal reports. */
export function buildReports(input: ReportInput): ReportFile[] {
  const idx = new SummaryIndex(input.summary);
  const municipalities = reportMunicipalities(input.catalogue);
  const reports = municipalities.map((code) => buildReport(input, code, idx));
  const county = buildReport(input, COUNTY_CODE, idx);
  county.goal_ranking = rankGoals(county, reports);
  return [...reports, county];
}

/** The county's goal areas ranked by the municipalities' attention items (most first), then by fewest improvements. */
export function rankGoals(county: ReportFile, municipal: readonly ReportFile[]): NonNullable<ReportFile["goal_ranking"]> {
  return county.goals
    .map((g) => {
      const items = municipal.flatMap((m) => m.attention.filter((a) => a.goal_area === g.goal_area));
      const nImp = municipal.reduce((s, m) => s + m.improving.filter((a) => a.goal_area === g.goal_area).length, 0);
      const nMun = new Set(items.map((a) => a.area_code)).size;
      return {goal_area: g.goal_area, title: g.title, order: g.order, n_attention: items.length, n_municipalities: nMun, n_improving: nImp};
    })
    .sort((a, b) => b.n_attention - a.n_attention || a.n_improving - b.n_improving || a.order - b.order)
    .map(({order: _order, ...g}) => ({...g, sentence: goalRankSentence(g.title, g.n_attention, g.n_municipalities, g.n_improving)}));
}
