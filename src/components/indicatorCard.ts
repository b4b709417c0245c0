/**
 * Small multiple of one indicator: the chosen area against the county (or the labelled median of its
 * municipalities) and Sweden, headline series, in a compact ChartCard with table, source and downloads.
 */
import type {Catalogue, CatalogueIndicator, CountyStatusRow, SummaryRow, TidyRow} from "../../indicators/published.js";
import {distributionText, findCountyStatus, medianText, periodText, rowUnit, trendFigure} from "./assessment.js";
import {ChartCard} from "./chartCard.js";
import {LineChart, SeriesLegend, type LinePoint} from "./charts.js";
import {TIDY_COLUMNS} from "./csv.js";
import {indicatorFileLinks} from "./csvDownload.js";
import {COUNTRY_CODE, COUNTY_CODE, MEDIAN_CODE, areaName, countyMunicipalities, countySeries, findSummary, headline, inSentence, medianN, pubPath} from "./data.js";
import {h} from "./dom.js";
import {formatValue, formatYear} from "./format.js";
import {GROUP_LABEL, SEX_LABEL} from "./labels.js";
import {StatusBadge, windowText} from "./statusBadge.js";

export const STATUS_LABEL: Record<TidyRow["status"], string> = {"": "", missing: "Saknas", suppressed: "Undertryckt (litet underlag)", break: "Brott i serien"};

/** The rows compared on a page for one indicator: the chosen area, the county comparison and Sweden, in that order. */
export function comparisonRows(
  cat: Catalogue, rows: readonly TidyRow[], area: string, sex: TidyRow["sex"], group: TidyRow["group"], ind?: CatalogueIndicator
): {series: string[]; rows: TidyRow[]; own: boolean} {
  const pick = (code: string) => rows.filter((r) => r.area_code === code && r.sex === sex && r.group === group);
  // Like with like (the indicator's comparisons): no Kolada county value for survey participants, no Sweden where not comparable.
  const county = countySeries(rows, countyMunicipalities(cat).map((a) => a.code), sex, group, {countyValue: ind?.comparisons.county !== "municipal_median"});
  const sweden = ind?.comparisons.sweden === false ? [] : pick(COUNTRY_CODE);
  const parts: TidyRow[][] = area === COUNTY_CODE ? [county, sweden] : [pick(area), county, sweden];
  const kept = parts.filter((p) => p.length > 0);
  // own: the chosen area (for the county: the county line) has values of its own
  return {series: kept.map((p) => p[0]!.area_name), rows: kept.flat(), own: parts[0]!.length > 0};
}

/**
 * The small multiple's subtitle: the area against what it is compared with, or, when the area has no values (a
 * municipality outside a survey) or nothing to be compared with, what the chart does show.
 */
export function comparisonSentence(subject: string, series: readonly string[], own: boolean): string {
  if (!own) return series.length ? `${subject} har inga värden för indikatorn; diagrammet visar ${series.map(inSentence).join(" och ")}.` : `Inga värden för ${subject}.`;
  const [first, ...rest] = series;
  return rest.length ? `${first} jämfört med ${rest.map(inSentence).join(" och ")}.` : `${first}, utan jämförelse (inga jämförbara värden).`;
}

/** Why the county line is a median of municipalities, and of how many (the latest year's N). */
export function medianNote(ind: CatalogueIndicator, rows: readonly TidyRow[]): string {
  const last = rows.filter((r) => r.area_code === MEDIAN_CODE && r.value !== null).at(-1);
  const n = last ? medianN(last) : null;
  const of = n === null ? "länets kommuner med värde" : `${n} kommuner (${last!.year})`;
  return ind.comparisons.note_sv ? `${ind.comparisons.note_sv} Linjen är medianen av ${of}.` : `Kolada redovisar inget värde för länet. Linjen är medianen av ${of}, inte ett länsvärde.`;
}

/** The legend shared by a page's small multiples: the chosen area, the county (or the median), Sweden. */
export function ComparisonLegend(cat: Catalogue, area: string): HTMLElement {
  const county = `${areaName(cat, COUNTY_CODE)} (eller medianen av länets kommuner där länsvärde saknas)`;
  return SeriesLegend(area === COUNTY_CODE ? [county, areaName(cat, COUNTRY_CODE)] : [areaName(cat, area), county, areaName(cat, COUNTRY_CODE)]);
}

/** Line points of tidy rows, one series per area name. */
export function toPoints(rows: readonly TidyRow[]): LinePoint[] {
  return rows.map((r) => ({series: r.area_name, year: r.year, value: r.value}));
}

/** Table columns for tidy rows (same rows as the CSV). */
export function tidyTable(unitOf: (r: TidyRow) => string) {
  return [
    {key: "area_name", label: "Område"},
    {key: "year", label: "År", format: (r: TidyRow) => formatYear(r.year)},
    {key: "value", label: "Värde", numeric: true, format: (r: TidyRow) => formatValue(r.value, unitOf(r))},
    {key: "status", label: "Anmärkning", format: (r: TidyRow) => STATUS_LABEL[r.status]}
  ];
}

/**
 * The status line of an indicator for an area: the badge with its window and, beside it, only figures of that
 * same window (the slope per year with its interval); the latest value as a level; the strategy period on its own
 * line with its own years. For the county without a county value: the municipalities' distribution and median.
 */
export function statusLine(ind: CatalogueIndicator, s: SummaryRow | undefined, missing = "Inget sammanfattat värde för området.", county?: CountyStatusRow): Node {
  const span = h("span", {class: "status-line"});
  if (county && (!s || county.basis === "municipal_distribution")) {
    span.append(
      h("span", {class: "county-distribution", "data-window": windowText(county.window_from_year, county.window_to_year)},
        `Trend ${windowText(county.window_from_year, county.window_to_year)}: ${distributionText(county)}.`),
      " ",
      h("span", {class: "county-median"}, `Länet (Kolada har inget länsvärde): ${medianText(county, ind.unit)}.`)
    );
    return span;
  }
  if (!s) {
    span.append(h("span", {class: "muted"}, missing));
    return span;
  }
  const unit = rowUnit(s, ind.unit);
  if (ind.kind === "goal") {
    span.append(
      h("span", {class: "trend-with-figure", "data-window": windowText(s.trend_from_year, s.trend_to_year)},
        StatusBadge(s.trend, {from: s.trend_from_year, to: s.trend_to_year}), " ", h("span", {class: "trend-figure"}, trendFigure(s, ind.unit))),
      h("br"),
      `${formatValue(s.latest_value, unit)} år ${formatYear(s.latest_year)}`,
      s.period_from_year !== null ? h("span", {class: "period-line"}, ` · ${periodText(s, ind.unit)}`) : ""
    );
  } else {
    span.append(`${formatValue(s.latest_value, unit)} år ${formatYear(s.latest_year)}`);
  }
  return span;
}

/** One indicator's small multiple for an area. */
export function IndicatorMiniCard(opts: {
  cat: Catalogue; ind: CatalogueIndicator; rows: readonly TidyRow[]; summary: readonly SummaryRow[]; area: string; root: string; width: number;
  countyStatus?: readonly CountyStatusRow[];
}): HTMLElement {
  const {cat, ind, area} = opts;
  const {sex, group} = headline(ind);
  const {series, rows, own} = comparisonRows(cat, opts.rows, area, sex, group, ind);
  const unit = rows[0]?.unit ?? ind.unit;
  const who = [group !== "all" ? GROUP_LABEL[group] : null, sex !== "T" ? SEX_LABEL[sex] : null].filter(Boolean).join(", ");
  return ChartCard({
    id: `${ind.id}-${area}`,
    title: ind.title_sv,
    titleHref: `${opts.root}indicators/${ind.id}?kommun=${area}`,
    level: 4,
    compact: true,
    badge: statusLine(ind, findSummary(opts.summary, ind.id, area, sex, group),
      rows.some((r) => r.area_code === MEDIAN_CODE) ? medianNote(ind, rows) : undefined,
      area === COUNTY_CODE && ind.kind === "goal" ? findCountyStatus(opts.countyStatus ?? [], ind.id, sex, group) : undefined),
    subtitle: `${who ? `${who}. ` : ""}${comparisonSentence(areaName(cat, area), series, own)} Enhet: ${ind.unit_label_sv}.`,
    chart: LineChart(toPoints(rows), {series, unit, unitLabel: ind.unit_label_sv, width: opts.width, compact: true, breaks: ind.series_breaks, title: ind.title_sv}),
    rows,
    table: tidyTable((r) => r.unit),
    csv: {columns: TIDY_COLUMNS, filename: `${ind.id}-${area}`},
    sources: ind.sources,
    retrieved: [...new Set(rows.map((r) => r.retrieved))],
    files: indicatorFileLinks(opts.root, ind.files, pubPath)
  });
}
