/**
 * The follow-up report's sentence templates: plain Swedish written from the published numbers. Each template
 * returns the text and the summary cells it quotes (refs), so a test can check every number and claim word against
 * summary.csv. Numbers use the site's formatter (decimal comma, true minus sign, non-breaking thousands space).
 * A template that the numbers do not support returns a weaker sentence, never a stronger one.
 */
import {changeUnit, formatNumber, decimalsFor, unitSuffix} from "../../src/components/format.js";
import type {CountyStatusRow, Direction as ReportDirection, SummaryRow, SummaryRow as ReportSummaryRow, TrendStatus as Status} from "../published.js";

export type SentenceKind =
  | "overview" | "overview_missing"
  | "improving" | "worsening" | "no_clear_change" | "insufficient_data" | "not_applicable" | "missing" | "series_break"
  | "comparison" | "comparison_missing"
  | "attention" | "improvement" | "goal_rank" | "distribution";

/** A summary cell a sentence quotes; `abs` when the sentence quotes its magnitude (a gap's size). */
export interface SentenceRef {
  indicator_id: string;
  area_code: string;
  sex: ReportSummaryRow["sex"];
  group: ReportSummaryRow["group"];
  column: keyof ReportSummaryRow;
  abs?: boolean;
}

export interface Sentence {
  kind: SentenceKind;
  text: string;
  refs: SentenceRef[];
}

/** What a template needs to know of an indicator (from the catalogue). */
export interface IndicatorInfo {
  id: string;
  title: string;
  unit: string;
  direction: ReportDirection;
  series_breaks: {year: number; note: string}[];
  /** Comparison group of the gap rows ("all" = samtliga, "born_in_sweden" = inrikes födda). */
  comparison_group: "all" | "born_in_sweden" | null;
}

/** "1 indikator", "2 indikatorer" (0 takes the plural). */
export function count(n: number, singular: string, plural: string): string {
  return `${formatNumber(n, 0)} ${n === 1 ? singular : plural}`;
}

/** "a", "a och b", "a, b och c". */
export function listSv(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} och ${items.at(-1)}`;
}

/** A value with its unit: "62,1 %", "1 234 kr", "0,75" (units without a suffix). */
export function value(v: number, unit: string): string {
  return `${formatNumber(v, decimalsFor(unit))}${unitSuffix(unit)}`;
}

/** A difference's magnitude in the difference unit: percent → "1,2 procentenheter". */
function amount(delta: number, unit: string): string {
  return value(Math.abs(delta), changeUnit(unit));
}

/** Rounded to what the sentence shows: a change that prints as 0 is no change in the text. */
function shown(v: number, unit: string): number {
  return Number(formatNumber(v, decimalsFor(unit)).replace(/\u00A0/g, "").replace(",", ".").replace("\u2212", "-"));
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const ref = (r: ReportSummaryRow, column: keyof ReportSummaryRow, abs = false): SentenceRef => ({
  indicator_id: r.indicator_id, area_code: r.area_code, sex: r.sex, group: r.group, column, ...(abs ? {abs} : {})
});

/** Counts of the current status of an area's goal indicators (headline series). */
export interface StatusCounts {
  improving: number;
  worsening: number;
  no_clear_change: number;
  /** insufficient_data or not_applicable: no assessment. */
  no_assessment: number;
  /** No value at all for the area. */
  no_value: number;
}

/** Sentence 1 of a goal area: how many indicators go the right way, the wrong way, or show no certain change. */
export function overviewSentence(c: StatusCounts, noValue = "saknar värden"): Sentence {
  const total = c.improving + c.worsening + c.no_clear_change + c.no_assessment + c.no_value;
  const assessed = c.improving + c.worsening + c.no_clear_change;
  if (assessed === 0 && c.no_value === total && total > 1) {
    return {kind: "overview_missing", text: `Ingen av områdets ${count(total, "indikator", "indikatorer")} har värden (${noValue}).`, refs: []};
  }
  if (assessed === 0) {
    const text = total === 1
      ? "Områdets enda indikator har för få värden för en bedömning av trenden."
      : `Ingen av områdets ${count(total, "indikator", "indikatorer")} har tillräckligt många värden för en bedömning av trenden.`;
    return {kind: "overview_missing", text, refs: []};
  }
  // Swedish word order: the first clause after "Av områdets N indikatorer" inverts (V2), the rest do not.
  const clauses: [number, string, string][] = [];
  if (c.improving) clauses.push([c.improving, "går", "åt rätt håll"]);
  if (c.worsening) clauses.push([c.worsening, "går", "åt fel håll"]);
  if (c.no_clear_change) clauses.push([c.no_clear_change, "visar", "ingen säker förändring"]);
  const parts = clauses.map(([n, verb, rest], i) => (i === 0 ? `${verb} ${formatNumber(n, 0)} ${rest}` : `${formatNumber(n, 0)} ${verb} ${rest}`));
  let text = total === 1
    ? `Områdets enda indikator ${clauses[0]![1]} ${clauses[0]![2]}`
    : `Av områdets ${count(total, "indikator", "indikatorer")} ${listSv(parts)}`;
  text += " (trenden de senaste åren)";
  const rest: string[] = [];
  if (c.no_assessment) rest.push(`${count(c.no_assessment, "indikator", "indikatorer")} har för få värden för en bedömning`);
  if (c.no_value) rest.push(`${count(c.no_value, "indikator", "indikatorer")} ${noValue}`);
  if (rest.length) text += `; ${listSv(rest)}`;
  return {kind: "overview", text: `${text}.`, refs: []};
}

/** The series break that falls inside (from, to], if any. */
export function breakWithin(ind: IndicatorInfo, from: number | null, to: number | null): {year: number; note: string} | undefined {
  if (from === null || to === null) return undefined;
  return ind.series_breaks.find((b) => b.year > from && b.year <= to);
}

const STATUS_PHRASE: Partial<Record<Status, string>> = {improving: "en utveckling åt rätt håll", worsening: "en utveckling åt fel håll"};

/**
 * Sentence 2: the indicator's development since the strategy period (since_*: 2020 → latest), with the gap's
 * development when a gap row is given. The verb follows the sign of the change; the judgement follows since_status.
 */
export function developmentSentence(ind: IndicatorInfo, r: ReportSummaryRow, gap?: ReportSummaryRow): Sentence {
  const t = ind.title;
  if (r.latest_value === null || r.latest_year === null) {
    return {kind: "missing", text: `${t}: inga värden för ${r.area_name}.`, refs: []};
  }
  const latest = `${value(r.latest_value, ind.unit)} (${r.latest_year})`;
  const brk = breakWithin(ind, r.since_from_year, r.since_to_year);
  if (brk) {
    return {
      kind: "series_break",
      text: `${t}: serien har ett brott ${brk.year} (${brk.note.replace(/\.$/, "")}), så utvecklingen sedan ${r.since_from_year} redovisas inte; senaste värdet är ${latest}.`,
      refs: [ref(r, "latest_value")]
    };
  }
  const {since_from_value: a, since_to_value: b, since_change: d, since_from_year: ya, since_to_year: yb} = r;
  const trend = trendClause(r);
  if (a === null || b === null || d === null || ya === null || yb === null) {
    const since = ya ?? 2020;
    return {
      kind: "insufficient_data",
      text: `${t}: för få värden sedan ${since} för att bedöma utvecklingen; senaste värdet är ${latest}${trend ? `; ${trend.text}` : ""}.`,
      refs: [ref(r, "latest_value"), ...(trend?.refs ?? [])]
    };
  }
  const refs = [ref(r, "since_from_value"), ref(r, "since_to_value")];
  let text: string;
  let kind: SentenceKind;
  if (r.since_status === "no_clear_change") {
    kind = "no_clear_change";
    text = `${t} var ${value(a, ind.unit)} (${ya}) och ${value(b, ind.unit)} (${yb}): ingen säker förändring`;
  } else {
    kind = r.since_status === "improving" || r.since_status === "worsening" || r.since_status === "insufficient_data" ? r.since_status : "not_applicable";
    const dd = shown(d, changeUnit(ind.unit));
    const verb = dd > 0 ? "ökade" : "minskade";
    text = dd === 0
      ? `${t} var oförändrad, ${value(b, ind.unit)} både ${ya} och ${yb}`
      : `${t} ${verb} från ${value(a, ind.unit)} (${ya}) till ${value(b, ind.unit)} (${yb})`;
    if (dd === 0) refs.shift();
    const phrase = STATUS_PHRASE[r.since_status];
    if (phrase) text += `, ${phrase}`;
    else if (r.since_status === "insufficient_data") {
      // two_points: 2 or 3 values (fewer than TREND.minPoints), of which the change uses the first and the last
      text += r.since_method === "two_points" || r.since_method === "elections"
        ? ` (${r.since_method === "elections" ? "två val" : "förändring mellan två år"}: för få för en säker bedömning)`
        : " (för få värden för en säker bedömning)";
    }
  }
  if (trend) {
    text += `; ${trend.text}`;
    refs.push(...trend.refs);
  }
  const g = gap ? gapClause(ind, gap) : null;
  if (g) {
    text += `; ${g.text}`;
    refs.push(...g.refs);
  }
  return {kind, text: `${text}.`, refs};
}

/** "trenden 2017–2022 går åt rätt håll": the current status with its window, or null without an assessment. */
export function trendClause(r: SummaryRow): {text: string; refs: SentenceRef[]} | null {
  if (r.trend_from_year === null || r.trend_to_year === null) return null;
  const what = r.trend === "improving" ? "går åt rätt håll" : r.trend === "worsening" ? "går åt fel håll" : r.trend === "no_clear_change" ? "visar ingen säker förändring" : null;
  return what ? {text: `trenden ${r.trend_from_year}–${r.trend_to_year} ${what}`, refs: [ref(r, "trend")]} : null;
}

/** County report: how the focus indicator develops across the county's municipalities (county-status.csv). */
export function distributionSentence(ind: IndicatorInfo, c: CountyStatusRow): Sentence {
  const of = ` av länets ${count(c.n_municipalities, "kommun", "kommuner")}`;
  const parts: string[] = [];
  if (c.n_improving) parts.push(`går åt rätt håll i ${formatNumber(c.n_improving, 0)}`);
  if (c.n_worsening) parts.push(`åt fel håll i ${formatNumber(c.n_worsening, 0)}`);
  if (c.n_no_clear_change) parts.push(`visar ingen säker förändring i ${formatNumber(c.n_no_clear_change, 0)}`);
  if (c.n_insufficient_data) parts.push(`har för få värden i ${formatNumber(c.n_insufficient_data, 0)}`);
  if (parts.length) parts[0] += of;
  const window = c.window_from_year === null ? "" : ` (trender ${c.window_from_year}–${c.window_to_year})`;
  return {kind: "distribution", text: `${ind.title}: trenden ${listSv(parts)}${window}.`, refs: []};
}

/** "skillnaden mot samtliga minskade från 10,3 till 8,0 procentenheter" (magnitudes), or null without data. */
export function gapClause(ind: IndicatorInfo, g: ReportSummaryRow): {text: string; refs: SentenceRef[]} | null {
  const {since_from_value: a, since_to_value: b} = g;
  if (a === null || b === null || g.since_status === "insufficient_data") return null;
  if (breakWithin(ind, g.since_from_year, g.since_to_year)) return null;
  const who = ind.comparison_group === "born_in_sweden" ? "inrikes födda" : "samtliga";
  const u = changeUnit(ind.unit);
  const [sa, sb] = [shown(a, u), shown(b, u)];
  if (g.since_status === "no_clear_change") {
    if (Math.sign(sa) !== Math.sign(sb)) return null;
    return {
      text: `skillnaden mot ${who} var ${value(Math.abs(a), u)} och ${value(Math.abs(b), u)}: ingen säker förändring`,
      refs: [ref(g, "since_from_value", true), ref(g, "since_to_value", true)]
    };
  }
  // Only magnitudes of the same sign say "narrowed/widened"; across zero the sentence gives the signed values.
  if (sa !== 0 && sb !== 0 && Math.sign(sa) === Math.sign(sb)) {
    const verb = Math.abs(sb) < Math.abs(sa) ? "minskade" : Math.abs(sb) > Math.abs(sa) ? "ökade" : null;
    if (!verb) return {text: `skillnaden mot ${who} var oförändrad, ${value(Math.abs(b), u)}`, refs: [ref(g, "since_to_value", true)]};
    return {
      text: `skillnaden mot ${who} ${verb} från ${value(Math.abs(a), u)} till ${value(Math.abs(b), u)}`,
      refs: [ref(g, "since_from_value", true), ref(g, "since_to_value", true)]
    };
  }
  return {
    text: `skillnaden mot ${who} (utrikes födda minus ${who}) gick från ${value(a, u)} till ${value(b, u)}`,
    refs: [ref(g, "since_from_value"), ref(g, "since_to_value")]
  };
}

/** The comparator's name in a sentence: "länets", "medianen av länets 13 kommuner". */
export function comparatorName(r: Pick<ReportSummaryRow, "county_comparator" | "county_n">): string {
  if (r.county_comparator === "county") return "länets";
  if (r.county_comparator === "municipal_median") {
    return r.county_n === null ? "medianen av länets kommuner" : `medianen av länets ${formatNumber(r.county_n, 0)} kommuner`;
  }
  return "";
}

function higherLower(diff: number, unit: string): {word: string; text: string} {
  const u = changeUnit(unit);
  const d = shown(diff, u);
  if (d === 0) return {word: "lika", text: "lika högt som"};
  return {word: d > 0 ? "högre" : "lägre", text: `${amount(diff, unit)} ${d > 0 ? "högre" : "lägre"} än`};
}

/**
 * Sentence 3: the latest value against the county (or the labelled median) and Sweden. The county's own report
 * compares with Sweden only.
 */
export function comparisonSentence(ind: IndicatorInfo, r: ReportSummaryRow, isCounty: boolean): Sentence {
  if (r.latest_value === null || r.latest_year === null) return {kind: "comparison_missing", text: "", refs: []};
  const parts: string[] = [];
  const refs: SentenceRef[] = [];
  if (!isCounty && r.county_comparator !== "none" && r.county_value !== null && r.diff_vs_county !== null) {
    const hl = higherLower(r.diff_vs_county, ind.unit);
    parts.push(`${hl.text} ${comparatorName(r)} (${value(r.county_value, ind.unit)})`);
    if (hl.word !== "lika") refs.push(ref(r, "diff_vs_county", true));
    refs.push(ref(r, "county_value"));
  }
  if (r.sweden_value !== null && r.diff_vs_sweden !== null) {
    const hl = higherLower(r.diff_vs_sweden, ind.unit);
    parts.push(`${hl.text} rikets (${value(r.sweden_value, ind.unit)})`);
    if (hl.word !== "lika") refs.push(ref(r, "diff_vs_sweden", true));
    refs.push(ref(r, "sweden_value"));
  }
  const noCounty = !isCounty && (r.county_comparator === "none" || r.county_value === null || r.diff_vs_county === null);
  const why = noCounty ? (r.county_note ? ` Jämförelse med länet saknas: ${r.county_note.replace(/\.$/, "")}.` : " Jämförelse med länet saknas.") : "";
  if (!parts.length) {
    return {kind: "comparison_missing", text: `Det finns inget jämförbart värde för ${isCounty ? "riket" : "länet eller riket"} ${r.latest_year}.${why}`.trim(), refs: []};
  }
  return {kind: "comparison", text: `${r.latest_year} var värdet ${listSv(parts)}.${why}`, refs};
}

/** Whether `a` is worse than `b` for the direction (target: farther from the target). Null when it cannot be said. */
export function worseThan(direction: ReportDirection, a: number, b: number, target: number | null): boolean | null {
  if (direction === "higher_is_better") return a < b;
  if (direction === "lower_is_better") return a > b;
  if (direction === "target" && target !== null) return Math.abs(a - target) > Math.abs(b - target);
  return null;
}

/** The line of an indicator on the "Behöver uppmärksamhet" list. */
export function attentionSentence(ind: IndicatorInfo, r: ReportSummaryRow, comparator: {name: string; value: number; column: keyof ReportSummaryRow}): Sentence {
  return {
    kind: "attention",
    text: `${ind.title}: går åt fel håll (trend ${r.trend_from_year}–${r.trend_to_year}) och ${value(r.latest_value!, ind.unit)} (${r.latest_year}) är sämre än ${comparator.name} (${value(comparator.value, ind.unit)}).`,
    refs: [ref(r, "latest_value"), ref(r, comparator.column)]
  };
}

/** The line of an indicator on the "Går åt rätt håll" list, with the evidence (t value of the slope). */
export function improvementSentence(ind: IndicatorInfo, r: ReportSummaryRow): Sentence {
  const slope = r.trend_slope_per_year;
  const perYear = slope === null ? "" : `, ${slope > 0 ? "+" : "\u2212"}${amount(slope, ind.unit)} per år`;
  const t = r.trend_t === null ? "" : ` (t\u00A0=\u00A0${formatNumber(Math.abs(r.trend_t), 1)})`;
  return {
    kind: "improvement",
    text: `${ind.title}: går åt rätt håll (trend ${r.trend_from_year}–${r.trend_to_year}${perYear})${t}; senaste värdet ${value(r.latest_value!, ind.unit)} (${r.latest_year}).`,
    refs: [ref(r, "latest_value"), ...(slope === null ? [] : [ref(r, "trend_slope_per_year", true)]), ...(r.trend_t === null ? [] : [ref(r, "trend_t", true)])]
  };
}

/** One goal area's line in the county's priority ranking. */
export function goalRankSentence(title: string, nAttention: number, nMunicipalities: number, nImproving: number): Sentence {
  const att = nAttention === 0
    ? "inget fall behöver uppmärksamhet"
    : `${count(nAttention, "fall", "fall")} behöver uppmärksamhet (i ${count(nMunicipalities, "kommun", "kommuner")})`;
  return {kind: "goal_rank", text: `${capitalise(title)}: ${att}; ${count(nImproving, "fall", "fall")} går åt rätt håll.`, refs: []};
}
