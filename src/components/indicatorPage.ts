/** The parts of an indicator's page (src/indicators/[indicator].md), each a function of the current view. */
import type {Catalogue, CatalogueIndicator, Group, Sex, SummaryRow, TidyRow} from "../../indicators/published.js";
import {ChartCard} from "./chartCard.js";
import {LineChart, RankChart} from "./charts.js";
import {SUMMARY_COLUMNS, TIDY_COLUMNS} from "./csv.js";
import {indicatorFileLinks, FileLinks} from "./csvDownload.js";
import {COUNTRY_CODE, COUNTY_CODE, MEDIAN_CODE, areaName, countyMunicipalities, countySeries, findSummary, goalById, inSentence, pubPath} from "./data.js";
import {h} from "./dom.js";
import {changeUnit, formatChange, formatDate, formatNumber, formatRank, formatValue, formatYear} from "./format.js";
import {comparisonRows, tidyTable, toPoints} from "./indicatorCard.js";
import {DIRECTION_LABEL, GROUP_LABEL, SEX_LABEL, gapLabel} from "./labels.js";
import {Kpi} from "./pageParts.js";
import {sourceCode} from "./sourceNote.js";
import {StatusBadge, windowText} from "./statusBadge.js";
import {periodText, rankText, sinceText, trendFigure} from "./assessment.js";

export interface IndicatorView {
  cat: Catalogue;
  ind: CatalogueIndicator;
  rows: readonly TidyRow[];
  summary: readonly SummaryRow[];
  area: string;
  sex: Sex;
  group: Group;
  from: number;
  to: number;
  width: number;
  root: string;
}

const inYears = (v: IndicatorView) => (r: TidyRow) => r.year >= v.from && r.year <= v.to;

/** Label of a group in this indicator (the gap names its comparison group). */
export function groupLabel(ind: CatalogueIndicator, g: Group): string {
  return g === "gap" ? gapLabel(ind.comparison_group) : GROUP_LABEL[g];
}

/** "utrikes födda, kvinnor" – who the numbers are about, for subtitles. */
function who(v: IndicatorView, opts: {sex?: boolean; group?: boolean} = {}): string {
  const parts = [];
  if (opts.group !== false && (v.ind.groups.length > 1 || v.group !== "all")) parts.push(groupLabel(v.ind, v.group));
  if (opts.sex !== false && v.ind.sexes.length > 1) parts.push(SEX_LABEL[v.sex].toLowerCase());
  return parts.join(", ");
}

function unitOf(v: IndicatorView, rows: readonly TidyRow[]): string {
  return rows[0]?.unit ?? v.ind.unit;
}

function retrieved(rows: readonly TidyRow[]): string[] {
  return [...new Set(rows.map((r) => r.retrieved))];
}

function files(v: IndicatorView) {
  return indicatorFileLinks(v.root, v.ind.files, pubPath);
}

function notesFor(v: IndicatorView, rows: readonly TidyRow[]): string[] {
  const notes: string[] = [];
  if (rows.some((r) => r.area_code === MEDIAN_CODE)) notes.push("Kolada redovisar inget värde för länet: jämförelsen görs med medianen av länets 13 kommuner (inte ett länsvärde).");
  if (rows.some((r) => r.status === "suppressed")) notes.push("Undertryckta värden (för litet underlag) visas inte.");
  if (rows.some((r) => r.status === "missing" || r.value === null)) notes.push("Saknade värden visas som luckor i linjen.");
  return notes;
}

/** Key figures for the chosen area: latest value, change since baseline, status, rank, difference vs county and Sweden. */
export function KeyFigures(v: IndicatorView): HTMLElement {
  const s = findSummary(v.summary, v.ind.id, v.area, v.sex, v.group);
  const unit = s ? (v.group === "gap" ? "percentage_points" : v.ind.unit) : v.ind.unit;
  if (!s) return h("p", {class: "muted"}, `Ingen sammanfattning publicerad för ${areaName(v.cat, v.area)} (${who(v) || "totalt"}).`);
  const baseline = s.baseline_is_strategy_start ? `sedan ${s.baseline_year} (strategins start)` : `sedan ${formatYear(s.baseline_year)} (första år med värde från 2015)`;
  const comparator = s.county_comparator === "municipal_median" ? `medianen av ${s.county_n ?? "länets"} kommuner` : "länet";
  const trendWindow = windowText(s.trend_from_year, s.trend_to_year);
  return h("div", {class: "kpis"},
    Kpi(`${areaName(v.cat, v.area)} ${formatYear(s.latest_year)}`, formatValue(s.latest_value, unit), who(v) || undefined),
    Kpi(`Förändring ${baseline}`, formatChange(s.change_since_baseline, unit),
      s.change_5y === null ? undefined : `${formatChange(s.change_5y, unit)} sedan ${s.change_5y_from_year}`),
    v.ind.kind === "goal" ? Kpi(`Trend ${trendWindow}`, StatusBadge(s.trend, {from: s.trend_from_year, to: s.trend_to_year}), trendFigure(s, v.ind.unit)) : null,
    v.ind.kind === "goal" && s.period_from_year !== null
      ? Kpi(`Strategiperioden ${windowText(s.period_from_year, s.period_to_year)}`,
        s.period_method === "trend" ? StatusBadge(s.period_status, {from: s.period_from_year, to: s.period_to_year}) : formatChange(s.period_change, unit),
        `${periodText(s, v.ind.unit)}${s.since_from_year !== null ? ` · ${sinceText(s, v.ind.unit)}` : ""}`)
      : null,
    s.rank !== null ? Kpi(`Plats bland ${s.rank_of} kommuner ${formatYear(s.rank_year)}`, formatRank(s.rank, s.rank_of), `${rankText(s)}; 1 = bäst enligt önskad riktning${s.direction === "target" ? " (närmast målet)" : ""}`) : null,
    s.county_value !== null ? Kpi(`Skillnad mot ${comparator}`, formatChange(s.diff_vs_county, unit), `${comparator[0]!.toUpperCase()}${comparator.slice(1)}: ${formatValue(s.county_value, unit)}`) : null,
    s.sweden_value !== null && v.area !== COUNTRY_CODE ? Kpi("Skillnad mot riket", formatChange(s.diff_vs_sweden, unit), `Riket: ${formatValue(s.sweden_value, unit)}`) : null
  );
}

/** The time series: chosen area against the county (or the labelled median) and Sweden. */
export function TimeSeriesCard(v: IndicatorView): HTMLElement {
  const {series, rows: all} = comparisonRows(v.cat, v.rows, v.area, v.sex, v.group);
  const rows = all.filter(inYears(v));
  const unit = unitOf(v, rows);
  const w = who(v);
  return ChartCard({
    id: "tidsserie",
    title: `Utveckling ${v.from}–${v.to}`,
    subtitle: `${w ? `${w[0]!.toUpperCase()}${w.slice(1)}. ` : ""}${series.map(inSentence).join(", ")}. Enhet: ${v.group === "gap" ? "procentenheter" : v.ind.unit_label_sv}.`,
    chart: LineChart(toPoints(rows), {series, unit, unitLabel: v.group === "gap" ? "procentenheter" : v.ind.unit_label_sv, width: v.width, breaks: v.ind.series_breaks.filter((b) => b.year > v.from && b.year <= v.to), title: v.ind.title_sv}),
    rows,
    table: tidyTable((r) => r.unit),
    csv: {columns: TIDY_COLUMNS, filename: `${v.ind.id}-${v.area}-${v.sex}-${v.group}-${v.from}-${v.to}`},
    sources: v.ind.sources,
    retrieved: retrieved(rows),
    files: files(v),
    notes: notesFor(v, rows)
  });
}

/**
 * The year the ranking shows: the published common rank year (summary.csv rank_year, one year for all
 * municipalities) when it lies within the chosen years; otherwise the latest year ≤ the chosen end year with values.
 */
export function rankYear(v: IndicatorView): number | null {
  const munis = new Set(countyMunicipalities(v.cat).map((a) => a.code));
  const published = v.summary.find((r) => r.indicator_id === v.ind.id && r.sex === v.sex && r.group === v.group && munis.has(r.area_code) && r.rank_year !== null)?.rank_year ?? null;
  if (published !== null && published <= v.to) return published;
  const years = v.rows.filter((r) => munis.has(r.area_code) && r.sex === v.sex && r.group === v.group && r.value !== null && r.year <= v.to).map((r) => r.year);
  return years.length ? Math.max(...years) : null;
}

/** All 13 municipalities ranked for a year, with the county (or median) and Sweden as reference lines. */
export function RankCard(v: IndicatorView): HTMLElement {
  const year = rankYear(v);
  const munis = countyMunicipalities(v.cat).map((a) => a.code);
  const set = new Set(munis);
  const muniRows = v.rows.filter((r) => set.has(r.area_code) && r.sex === v.sex && r.group === v.group && r.year === year);
  const county = countySeries(v.rows, munis, v.sex, v.group).filter((r) => r.year === year);
  const sweden = v.rows.filter((r) => r.area_code === COUNTRY_CODE && r.sex === v.sex && r.group === v.group && r.year === year);
  const order = v.ind.direction === "lower_is_better" ? "asc" : "desc";
  // target rows (balance ratios, gaps) are best nearest the target; the chart is still drawn by value
  const target = v.group === "gap" ? 0 : v.ind.direction === "target" ? v.ind.target_value : null;
  const key = (x: number) => (target !== null ? Math.abs(x - target) : order === "asc" ? x : -x);
  const sorted = [...muniRows].sort((a, b) => (a.value === null ? 1 : b.value === null ? -1 : key(a.value) - key(b.value)));
  const rows = [...sorted, ...county, ...sweden];
  const unit = unitOf(v, rows);
  const rankOf = new Map(sorted.filter((r) => r.value !== null).map((r, i) => [r.area_code, i + 1]));
  return ChartCard({
    id: "rangordning",
    title: `Länets kommuner ${formatYear(year)}`,
    subtitle: `${who(v) ? `${who(v)}. ` : ""}${v.ind.direction === "none" ? "Sorterat efter värde (ingen önskad riktning)." : (target !== null ? `Bäst först: närmast målet ${formatNumber(target, 2)}.` : `Bäst först: ${DIRECTION_LABEL[v.ind.direction].toLowerCase()}.`)} Linjerna visar ${inSentence(county[0]?.area_name ?? "länet")} och riket.`,
    chart: RankChart(sorted.map((r) => ({label: r.area_name, value: r.value, highlight: r.area_code === v.area})), {
      unit, width: Math.min(v.width, 760), title: `Länets kommuner ${formatYear(year)}`, order,
      refs: [...county, ...sweden].map((r) => ({label: r.area_name, value: r.value}))
    }),
    rows,
    table: [
      {key: "rank", label: "Plats", numeric: true, format: (r: TidyRow) => (rankOf.has(r.area_code) ? String(rankOf.get(r.area_code)) : "")},
      ...tidyTable((r) => r.unit)
    ],
    csv: {columns: TIDY_COLUMNS, filename: `${v.ind.id}-kommuner-${year}-${v.sex}-${v.group}`},
    sources: v.ind.sources,
    retrieved: retrieved(rows),
    files: files(v),
    notes: notesFor(v, rows)
  });
}

/** Women and men in the chosen area over time. */
export function SexCard(v: IndicatorView): HTMLElement | null {
  if (!v.ind.sexes.includes("K") || !v.ind.sexes.includes("M")) return null;
  const rows = v.rows.filter((r) => r.area_code === v.area && r.group === v.group && (r.sex === "K" || r.sex === "M")).filter(inYears(v));
  if (rows.length === 0) return null;
  const unit = unitOf(v, rows);
  const label = (r: TidyRow) => SEX_LABEL[r.sex];
  return ChartCard({
    id: "kon",
    title: `Kvinnor och män – ${areaName(v.cat, v.area)}`,
    subtitle: `${groupLabel(v.ind, v.group)}. Enhet: ${v.group === "gap" ? "procentenheter" : v.ind.unit_label_sv}.`,
    chart: LineChart(rows.map((r) => ({series: label(r), year: r.year, value: r.value})), {series: ["Kvinnor", "Män"], unit, unitLabel: v.group === "gap" ? "procentenheter" : v.ind.unit_label_sv, width: v.width, breaks: v.ind.series_breaks.filter((b) => b.year > v.from && b.year <= v.to), title: "Kvinnor och män"}),
    rows,
    table: [{key: "sex", label: "Kön", format: label}, ...tidyTable((r) => r.unit)],
    csv: {columns: TIDY_COLUMNS, filename: `${v.ind.id}-${v.area}-kon-${v.group}-${v.from}-${v.to}`},
    sources: v.ind.sources,
    retrieved: retrieved(rows),
    files: files(v),
    notes: notesFor(v, rows)
  });
}

/** Foreign-born against the comparison group in the chosen area, and the gap between them. */
export function GroupCards(v: IndicatorView): HTMLElement[] {
  const cmp = v.ind.comparison_group;
  if (!cmp || !v.ind.groups.includes("foreign_born") || !v.ind.groups.includes(cmp)) return [];
  const out: HTMLElement[] = [];
  const rows = v.rows.filter((r) => r.area_code === v.area && r.sex === v.sex && (r.group === "foreign_born" || r.group === cmp)).filter(inYears(v));
  const label = (r: TidyRow) => GROUP_LABEL[r.group];
  if (rows.length) {
    const unit = unitOf(v, rows);
    out.push(ChartCard({
      id: "grupper",
      title: `Utrikes födda och ${GROUP_LABEL[cmp].toLowerCase()} – ${areaName(v.cat, v.area)}`,
      subtitle: `${SEX_LABEL[v.sex]}. Enhet: ${v.ind.unit_label_sv}.`,
      chart: LineChart(rows.map((r) => ({series: label(r), year: r.year, value: r.value})), {series: [GROUP_LABEL.foreign_born, GROUP_LABEL[cmp]], unit, unitLabel: v.ind.unit_label_sv, width: v.width, breaks: v.ind.series_breaks.filter((b) => b.year > v.from && b.year <= v.to), title: "Utrikes födda och jämförelsegruppen"}),
      rows,
      table: [{key: "group", label: "Grupp", format: label}, ...tidyTable((r) => r.unit)],
      csv: {columns: TIDY_COLUMNS, filename: `${v.ind.id}-${v.area}-grupper-${v.sex}-${v.from}-${v.to}`},
      sources: v.ind.sources,
      retrieved: retrieved(rows),
      files: files(v),
      notes: notesFor(v, rows)
    }));
  }
  if (v.ind.groups.includes("gap")) {
    const gv = {...v, group: "gap" as const};
    const {series, rows: all} = comparisonRows(v.cat, v.rows, v.area, v.sex, "gap");
    const gapRows = all.filter(inYears(v));
    if (gapRows.length) {
      out.push(ChartCard({
        id: "gap",
        title: gapLabel(cmp),
        subtitle: `Procentenheter; under noll betyder att utrikes födda ligger lägre. ${SEX_LABEL[v.sex]}. ${series.map(inSentence).join(", ")}.`,
        chart: LineChart(toPoints(gapRows), {series, unit: "percentage_points", unitLabel: "procentenheter", width: v.width, breaks: v.ind.series_breaks.filter((b) => b.year > v.from && b.year <= v.to), title: gapLabel(cmp)}),
        rows: gapRows,
        table: tidyTable((r) => r.unit),
        csv: {columns: TIDY_COLUMNS, filename: `${v.ind.id}-${v.area}-gap-${v.sex}-${v.from}-${v.to}`},
        sources: v.ind.sources,
        retrieved: retrieved(gapRows),
        files: files(gv),
        notes: notesFor(gv, gapRows)
      }));
    }
  }
  return out;
}

/** Change since the baseline for every municipality (and the county and Sweden), from summary.csv. */
export function ChangeCard(v: IndicatorView): HTMLElement | null {
  const codes = [...countyMunicipalities(v.cat).map((a) => a.code), COUNTY_CODE, COUNTRY_CODE];
  const rows = codes.map((c) => findSummary(v.summary, v.ind.id, c, v.sex, v.group)).filter((r): r is SummaryRow => !!r && r.change_since_baseline !== null);
  if (rows.length === 0) return null;
  const unit = changeUnit(v.group === "gap" ? "percentage_points" : v.ind.unit);
  const order = v.ind.direction === "lower_is_better" ? "asc" : "desc";
  const sorted = [...rows].sort((a, b) => (order === "asc" ? a.change_since_baseline! - b.change_since_baseline! : b.change_since_baseline! - a.change_since_baseline!));
  const baselines = [...new Set(sorted.map((r) => r.baseline_year))];
  return ChartCard({
    id: "forandring",
    title: "Förändring sedan basåret",
    subtitle: `Från ${baselines.length === 1 ? baselines[0] : "basåret"} ${baselines.includes(2015) ? "(2015 = strategins start)" : "(seriens första år)"} till senaste året. ${who(v) ? `${who(v)}.` : ""}`,
    chart: RankChart(sorted.map((r) => ({label: r.area_name, value: r.change_since_baseline, highlight: r.area_code === v.area})), {
      unit, width: Math.min(v.width, 760), title: "Förändring sedan basåret", order, format: (x) => formatChange(x, unit)
    }),
    rows: sorted,
    table: [
      {key: "area_name", label: "Område"},
      {key: "baseline_year", label: "Basår", format: (r: SummaryRow) => formatYear(r.baseline_year)},
      {key: "baseline_value", label: "Värde basår", numeric: true, format: (r: SummaryRow) => formatValue(r.baseline_value, v.group === "gap" ? "percentage_points" : v.ind.unit)},
      {key: "latest_year", label: "Senaste år", format: (r: SummaryRow) => formatYear(r.latest_year)},
      {key: "latest_value", label: "Senaste värde", numeric: true, format: (r: SummaryRow) => formatValue(r.latest_value, v.group === "gap" ? "percentage_points" : v.ind.unit)},
      {key: "change_since_baseline", label: "Förändring", numeric: true, format: (r: SummaryRow) => formatChange(r.change_since_baseline, v.group === "gap" ? "percentage_points" : v.ind.unit)}
    ],
    csv: {columns: SUMMARY_COLUMNS, filename: `${v.ind.id}-forandring-${v.sex}-${v.group}`},
    sources: v.ind.sources,
    files: files(v)
  });
}

/** Definition, sources, caveats, breaks in series and files. */
export function Facts(v: IndicatorView): HTMLElement {
  const goal = goalById(v.cat, v.ind.goal_area);
  const subgoals = goal.subgoals.filter((s) => v.ind.subgoals.includes(s.id));
  const dd = (label: string, ...content: (Node | string | null)[]) => [h("dt", {}, label), h("dd", {}, ...content)];
  return h("section", {class: "facts-section"},
    h("dl", {class: "facts"},
      dd("Definition", v.ind.description_sv),
      dd("Enhet", v.ind.unit_label_sv),
      dd("Önskad riktning", DIRECTION_LABEL[v.ind.direction]),
      dd("Typ", v.ind.kind === "goal" ? "Målindikator (får status)" : "Sammanhang (beskriver läget, ingen status)"),
      dd("Fokusområde", h("a", {href: `${v.root}goals/${goal.id}`}, goal.title)),
      subgoals.length ? dd("Delmål", h("ul", {}, subgoals.map((s) => h("li", {}, `${s.text} (${s.document})`)))) : null,
      dd("Grupper", v.ind.groups.map((g) => groupLabel(v.ind, g)).join("; ")),
      dd("Kön", v.ind.sexes.map((s) => SEX_LABEL[s]).join(", ")),
      dd("År", `${formatYear(v.ind.first_year)}–${formatYear(v.ind.latest_year)}`),
      dd("KPI/tabell", v.ind.sources.map((s) => sourceCode(s.id)).join(", ")),
      dd("Källa", h("ul", {}, v.ind.sources.map((s) => h("li", {},
        `${s.title} – ${s.publisher}${s.agency ? ` (uppgiftslämnare ${s.agency})` : ""}, ${sourceCode(s.id)}. Licens: ${s.licence}. Hämtad ${formatDate(s.retrieved)}. `,
        h("span", {class: "muted"}, s.url))))),
      dd("Förbehåll", v.ind.caveats.length ? h("ul", {}, v.ind.caveats.map((c) => h("li", {}, c))) : "Inga."),
      dd("Brott i serien", v.ind.series_breaks.length ? h("ul", {}, v.ind.series_breaks.map((b) => h("li", {}, `${b.year}: ${b.note}`))) : "Inga kända."),
      dd("Filer", FileLinks(files(v), "Hela indikatorn (alla områden, år, kön och grupper):"))
    )
  );
}
