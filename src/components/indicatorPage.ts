/** The parts of an indicator's page (src/indicators/[indicator].md), each a function of the current view. */
import type {Catalogue, CatalogueIndicator, Group, Sex, SummaryRow, TidyRow} from "../../indicators/published.js";
import {ChartCard} from "./chartCard.js";
import {LineChart, RankChart} from "./charts.js";
import {SUMMARY_COLUMNS, TIDY_COLUMNS} from "./csv.js";
import {indicatorFileLinks, FileLinks} from "./csvDownload.js";
import {COUNTRY_CODE, COUNTY_CODE, MEDIAN_CODE, areaName, countyMunicipalities, countySeries, findSummary, goalById, inSentence, medianN, pubPath} from "./data.js";
import {h} from "./dom.js";
import {changeUnit, formatChange, formatDate, formatNumber, formatRank, formatValue, formatYear} from "./format.js";
import {comparisonRows, medianNote, tidyTable, toPoints} from "./indicatorCard.js";
import {DIRECTION_LABEL, GROUP_LABEL, SEX_LABEL, gapLabel} from "./labels.js";
import {Kpi} from "./pageParts.js";
import {sourceName} from "./sourceNote.js";
import {StatusBadge, windowText} from "./statusBadge.js";
import {periodText, rankText, sinceText, trendFigure} from "./assessment.js";
import {WINDOW_CHANGE_COLUMNS, rankIn, valueAt, windowChange, type WindowChange} from "./yearView.js";

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
  if (rows.some((r) => r.area_code === MEDIAN_CODE)) notes.push(medianNote(v.ind, rows));
  else if (v.ind.comparisons.note_sv) notes.push(v.ind.comparisons.note_sv);
  if (rows.some((r) => r.status === "suppressed")) notes.push("Undertryckta värden (för litet underlag) visas inte.");
  if (rows.some((r) => r.status === "missing" || r.value === null)) notes.push("Saknade värden visas som luckor i linjen.");
  return notes;
}

/** The chosen area's series, the county's (or the labelled median's) and Sweden's, for the page's sex and group. */
function seriesOf(v: IndicatorView): {own: TidyRow[]; county: TidyRow[]; sweden: TidyRow[]} {
  const pick = (code: string) => v.rows.filter((r) => r.area_code === code && r.sex === v.sex && r.group === v.group);
  const county = countySeries(v.rows, countyMunicipalities(v.cat).map((a) => a.code), v.sex, v.group, {countyValue: v.ind.comparisons.county !== "municipal_median"});
  return {own: v.area === COUNTY_CODE ? county : pick(v.area), county, sweden: pick(COUNTRY_CODE)};
}

/**
 * Key figures for the chosen area and years: the value in the end year, the change over the chosen years, the
 * trend status (the pipeline's, over its own window), the rank and the differences from the county and Sweden in
 * the end year (src/components/yearView.ts).
 */
export function KeyFigures(v: IndicatorView): HTMLElement {
  const s = findSummary(v.summary, v.ind.id, v.area, v.sex, v.group);
  const unit = v.group === "gap" ? "percentage_points" : v.ind.unit;
  const {own, county, sweden} = seriesOf(v);
  const end = valueAt(own, v.from, v.to);
  if (!end) return h("p", {class: "muted"}, `Inget värde för ${areaName(v.cat, v.area)} (${who(v) || "totalt"}) ${v.from}–${v.to}.`);
  const change = windowChange(own, v.from, v.to);
  const at = (rows: readonly TidyRow[]) => rows.find((r) => r.year === end.year && r.value !== null) ?? null;
  const countyRow = v.area === COUNTY_CODE ? null : at(county);
  const countyValue = countyRow?.value ?? null;
  // Sweden is left out where its value measures something else (e.g. the country's single lowest district)
  const swedenValue = v.area === COUNTRY_CODE || !v.ind.comparisons.sweden ? null : (at(sweden)?.value ?? null);
  const n = countyRow && countyRow.area_code === MEDIAN_CODE ? medianN(countyRow) : null;
  const comparator = countyRow?.area_code === MEDIAN_CODE ? `medianen av ${n ?? "länets"} kommuner` : "länet";
  const munis = countyMunicipalities(v.cat).map((a) => a.code);
  // balance ratios and gaps rank by the distance from their target, as the pipeline's rank does
  const target = v.group === "gap" ? 0 : v.ind.direction === "target" ? v.ind.target_value : null;
  const rank = s && s.rank_year === end.year && s.rank !== null && s.rank_of !== null
    ? {rank: s.rank, of: s.rank_of}
    : rankIn(v.rows.filter((r) => r.sex === v.sex && r.group === v.group), munis, v.area, end.year, v.ind.direction, target);
  const sinceBaseline = s && s.latest_year === end.year && s.baseline_year !== null && s.baseline_year !== change?.from_year
    ? `${formatChange(s.change_since_baseline, unit)} sedan ${s.baseline_year}${s.baseline_is_strategy_start ? " (strategins start)" : ""}` : undefined;
  const diff = (x: number | null) => (x === null ? null : Math.round((end.value - x) * 1000) / 1000);
  return h("div", {class: "kpis"},
    Kpi(`${areaName(v.cat, v.area)} ${formatYear(end.year)}`, formatValue(end.value, unit), who(v) || undefined),
    change ? Kpi(`Förändring ${change.from_year}–${change.to_year}`, formatChange(change.change, unit), sinceBaseline) : null,
    // the trend and the period keep the pipeline's own windows, and say them
    v.ind.kind === "goal" && s ? Kpi(`Trend ${windowText(s.trend_from_year, s.trend_to_year)}`, StatusBadge(s.trend, {from: s.trend_from_year, to: s.trend_to_year}), trendFigure(s, v.ind.unit)) : null,
    v.ind.kind === "goal" && s && s.period_from_year !== null
      ? Kpi(`Strategiperioden ${windowText(s.period_from_year, s.period_to_year)}`,
        s.period_method === "trend" ? StatusBadge(s.period_status, {from: s.period_from_year, to: s.period_to_year}) : formatChange(s.period_change, unit),
        `${periodText(s, v.ind.unit)}${s.since_from_year !== null ? ` · ${sinceText(s, v.ind.unit)}` : ""}`)
      : null,
    rank ? Kpi(`Plats bland ${rank.of} kommuner ${end.year}`, formatRank(rank.rank, rank.of), `1 = bäst enligt önskad riktning${target !== null ? " (närmast målet)" : ""}`) : null,
    countyValue !== null
      ? Kpi(`Skillnad mot ${comparator} ${end.year}`, formatChange(diff(countyValue), unit), `${comparator[0]!.toUpperCase()}${comparator.slice(1)}: ${formatValue(countyValue, unit)}${s?.county_note ? `. ${s.county_note}` : ""}`)
      : s?.county_note ? Kpi("Jämförelse med länet", "–", s.county_note) : null,
    !v.ind.comparisons.sweden && v.area !== COUNTRY_CODE ? Kpi("Jämförelse med riket", "–", v.ind.comparisons.note_sv ?? "") : null,
    swedenValue !== null ? Kpi(`Skillnad mot riket ${end.year}`, formatChange(diff(swedenValue), unit), `Riket: ${formatValue(swedenValue, unit)}`) : null
  );
}

/** The time series: chosen area against the county (or the labelled median) and Sweden. */
export function TimeSeriesCard(v: IndicatorView): HTMLElement {
  const {series, rows: all, own} = comparisonRows(v.cat, v.rows, v.area, v.sex, v.group, v.ind);
  const rows = all.filter(inYears(v));
  const unit = unitOf(v, rows);
  const w = who(v);
  const missing = own ? "" : `${areaName(v.cat, v.area)} har inga värden för indikatorn. `;
  return ChartCard({
    id: "tidsserie",
    title: `Utveckling ${v.from}–${v.to}`,
    subtitle: `${w ? `${w[0]!.toUpperCase()}${w.slice(1)}. ` : ""}${missing}${series.map(inSentence).join(", ")}. Enhet: ${v.group === "gap" ? "procentenheter" : v.ind.unit_label_sv}.`,
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
  const county = countySeries(v.rows, munis, v.sex, v.group, {countyValue: v.ind.comparisons.county !== "municipal_median"}).filter((r) => r.year === year);
  const sweden = v.ind.comparisons.sweden ? v.rows.filter((r) => r.area_code === COUNTRY_CODE && r.sex === v.sex && r.group === v.group && r.year === year) : [];
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
    const {series, rows: all} = comparisonRows(v.cat, v.rows, v.area, v.sex, "gap", v.ind);
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

/** Change over the chosen years ("Från" … "till") for every municipality, the county (or the median) and Sweden. */
export function ChangeCard(v: IndicatorView): HTMLElement | null {
  const pick = (code: string) => v.rows.filter((r) => r.area_code === code && r.sex === v.sex && r.group === v.group);
  const {county, sweden} = seriesOf(v);
  const series = [...countyMunicipalities(v.cat).map((a) => pick(a.code)), county, sweden];
  const rows = series.map((rs) => windowChange(rs, v.from, v.to)).filter((r): r is WindowChange => r !== null);
  if (rows.length === 0) return null;
  const unit = v.group === "gap" ? "percentage_points" : v.ind.unit;
  const cu = changeUnit(unit);
  const order = v.ind.direction === "lower_is_better" ? "asc" : "desc";
  const sorted = [...rows].sort((a, b) => (order === "asc" ? a.change - b.change : b.change - a.change));
  const uneven = sorted.some((r) => r.from_year !== v.from || r.to_year !== v.to);
  const byArea = new Map(series.map((rs) => [rs[0]?.area_code, rs]));
  return ChartCard({
    id: "forandring",
    title: `Förändring ${v.from}–${v.to}`,
    subtitle: `Från första till sista året med värde inom ${v.from}–${v.to}${uneven ? " (åren står i tabellen där de skiljer sig)" : ""}. Följer valet av år ovan. ${who(v) ? `${who(v)}.` : ""}`,
    chart: RankChart(sorted.map((r) => ({label: r.area_name, value: r.change, highlight: r.area_code === v.area || (v.area === COUNTY_CODE && r.area_code === county[0]?.area_code)})), {
      unit: cu, width: Math.min(v.width, 760), title: `Förändring ${v.from}–${v.to}`, order, format: (x) => formatChange(x, unit)
    }),
    rows: sorted,
    table: [
      {key: "area_name", label: "Område"},
      {key: "from_year", label: "Från år"},
      {key: "from_value", label: "Värde", numeric: true, format: (r: WindowChange) => formatValue(r.from_value, unit)},
      {key: "to_year", label: "Till år"},
      {key: "to_value", label: "Värde", numeric: true, format: (r: WindowChange) => formatValue(r.to_value, unit)},
      {key: "change", label: "Förändring", numeric: true, format: (r: WindowChange) => formatChange(r.change, unit)}
    ],
    csv: {columns: WINDOW_CHANGE_COLUMNS, filename: `${v.ind.id}-forandring-${v.sex}-${v.group}-${v.from}-${v.to}`},
    sources: v.ind.sources,
    retrieved: retrieved(sorted.flatMap((r) => byArea.get(r.area_code) ?? [])),
    sourceExtra: "Förändringen är beräknad av oss ur källans värden.",
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
      dd("KPI/tabell", v.ind.sources.map(sourceName).join(", ")),
      dd("Källa", h("ul", {}, v.ind.sources.map((s) => h("li", {},
        `${s.title} – ${s.publisher}${s.agency ? ` (uppgiftslämnare ${s.agency})` : ""}, `,
        h("a", {href: s.url, rel: "external"}, sourceName(s)),
        `. ${s.published ? `Publicerad av källan ${formatDate(s.published)}. ` : ""}Hämtad av oss ${formatDate(s.retrieved)}. Licens: ${s.licence}.`)))),
      v.ind.groups.includes("gap") ? dd("Beräknat av oss", "Gapet (utrikes födda minus jämförelsegruppen) och medianer av kommuner är beräknade av oss från källans värden, inte publicerade av källan.") : null,
      v.ind.comparisons.note_sv ? dd("Jämförelser", v.ind.comparisons.note_sv) : null,
      dd("Förbehåll", v.ind.caveats.length ? h("ul", {}, v.ind.caveats.map((c) => h("li", {}, c))) : "Inga."),
      dd("Brott i serien", v.ind.series_breaks.length ? h("ul", {}, v.ind.series_breaks.map((b) => h("li", {}, `${b.year}: ${b.note}`))) : "Inga kända."),
      dd("Filer", FileLinks(files(v), "Hela indikatorn (alla områden, år, kön och grupper):"))
    )
  );
}
