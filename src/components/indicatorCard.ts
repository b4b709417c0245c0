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
import {COUNTRY_CODE, COUNTY_CODE, MEDIAN_CODE, areaName, countyMunicipalities, countySeries, findSummary, headline, inSentence, pubPath} from "./data.js";
import {h} from "./dom.js";
import {formatValue, formatYear} from "./format.js";
import {GROUP_LABEL, SEX_LABEL} from "./labels.js";
import {StatusBadge, windowText} from "./statusBadge.js";

export const STATUS_LABEL: Record<TidyRow["status"], string> = {"": "", missing: "Saknas", suppressed: "Undertryckt (litet underlag)", break: "Brott i serien"};

/** The rows compared on a page for one indicator: the chosen area, the county comparison and Sweden, in that order. */
export function comparisonRows(cat: Catalogue, rows: readonly TidyRow[], area: string, sex: TidyRow["sex"], group: TidyRow["group"]): {series: string[]; rows: TidyRow[]} {
  const pick = (code: string) => rows.filter((r) => r.area_code === code && r.sex === sex && r.group === group);
  const county = countySeries(rows, countyMunicipalities(cat).map((a) => a.code), sex, group);
  const parts: TidyRow[][] = area === COUNTY_CODE ? [county, pick(COUNTRY_CODE)] : [pick(area), county, pick(COUNTRY_CODE)];
  const kept = parts.filter((p) => p.length > 0);
  return {series: kept.map((p) => p[0]!.area_name), rows: kept.flat()};
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
  const {series, rows} = comparisonRows(cat, opts.rows, area, sex, group);
  const unit = rows[0]?.unit ?? ind.unit;
  const who = [group !== "all" ? GROUP_LABEL[group] : null, sex !== "T" ? SEX_LABEL[sex] : null].filter(Boolean).join(", ");
  return ChartCard({
    id: `${ind.id}-${area}`,
    title: ind.title_sv,
    titleHref: `${opts.root}indicators/${ind.id}?kommun=${area}`,
    level: 4,
    compact: true,
    badge: statusLine(ind, findSummary(opts.summary, ind.id, area, sex, group),
      rows[0]?.area_code === MEDIAN_CODE ? "Kolada redovisar inget värde för länet. Linjen är medianen av länets kommuner." : undefined,
      area === COUNTY_CODE && ind.kind === "goal" ? findCountyStatus(opts.countyStatus ?? [], ind.id, sex, group) : undefined),
    subtitle: `${who ? `${who}. ` : ""}${series[0] ?? areaName(cat, area)} jämfört med ${series.slice(1).map(inSentence).join(" och ")}. Enhet: ${ind.unit_label_sv}.`,
    chart: LineChart(toPoints(rows), {series, unit, unitLabel: ind.unit_label_sv, width: opts.width, compact: true, breaks: ind.series_breaks, title: ind.title_sv}),
    rows,
    table: tidyTable((r) => r.unit),
    csv: {columns: TIDY_COLUMNS, filename: `${ind.id}-${area}`},
    sources: ind.sources,
    retrieved: [...new Set(rows.map((r) => r.retrieved))],
    files: indicatorFileLinks(opts.root, ind.files, pubPath)
  });
}
