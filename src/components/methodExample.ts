/**
 * The method page's worked examples, chosen and written at build time from the published files (summary.csv,
 * county-status.csv, data/series.json): never typed in, so they always match the numbers on the site.
 */
import type {Catalogue, CountyStatusRow, SummaryRow} from "../../indicators/published.js";
import {distributionText, medianText, periodText, rowUnit, trendFigure} from "./assessment.js";
import {areaName, countyMunicipalities, headline} from "./data.js";
import {formatNumber, formatValue, formatYear} from "./format.js";
import {TREND} from "./labels.js";
import {expandSeries, type SeriesFile} from "./series.js";
import {windowText} from "./statusBadge.js";

export interface WorkedExample {
  /** Paragraphs of plain text (Swedish). */
  paragraphs: string[];
  /** The points of the trend window, for a table. */
  points: {year: number; value: string}[];
}

/** The first goal indicator (catalogue order) with a municipality whose headline trend is improving or worsening. */
export function trendExample(cat: Catalogue, summary: readonly SummaryRow[], series: SeriesFile): WorkedExample | null {
  const munis = new Set(countyMunicipalities(cat).map((a) => a.code));
  for (const ind of cat.indicators) {
    if (ind.kind !== "goal" || ind.period_years !== 1) continue;
    const {sex, group} = headline(ind);
    const s = summary.find((r) => r.indicator_id === ind.id && munis.has(r.area_code) && r.sex === sex && r.group === group &&
      (r.trend === "improving" || r.trend === "worsening") && r.trend_slope_per_year !== null && r.direction !== "target");
    if (!s || !series.indicators[ind.id]) continue;
    const unit = rowUnit(s, ind.unit);
    const rows = expandSeries(series, ind.id).filter((r) => r.area_code === s.area_code && r.value !== null &&
      r.year >= s.trend_from_year! && r.year <= s.trend_to_year!);
    const mean = rows.reduce((a, r) => a + r.value!, 0) / rows.length;
    const win = windowText(s.trend_from_year, s.trend_to_year);
    return {
      points: rows.map((r) => ({year: r.year, value: formatValue(r.value, unit)})),
      paragraphs: [
        `Exempel ur de publicerade siffrorna: ${ind.title_sv}, ${areaName(cat, s.area_code)}, ${win}. ` +
          `Linjen genom de ${s.trend_points} värdena (tabellen) lutar ${trendFigure(s, ind.unit)}; t = ${formatNumber(s.trend_t, 2)}.`,
        `Med ${s.trend_points} värden är gränsen för t-testet t(0,975; ${s.trend_points - 2}) och konfidensintervallet innehåller inte 0, så lutningen går att skilja från slumpen. ` +
          `Medelvärdet i fönstret är ${formatValue(mean, unit)}, så en tillräckligt stor förändring är minst 0,5 % av det, ${formatNumber(Math.abs(mean) * 0.005, 3)} per år. ` +
          `Båda villkoren är uppfyllda: ${TREND[s.trend].icon} ${TREND[s.trend].word} ${win}.`,
        `Samma rad för strategiperioden: ${periodText(s, ind.unit)} (${TREND[s.period_status].word.toLowerCase()}).`
      ]
    };
  }
  return null;
}

/** The first goal indicator whose county status is the distribution over the municipalities. */
export function countyExample(cat: Catalogue, countyStatus: readonly CountyStatusRow[]): string | null {
  for (const ind of cat.indicators) {
    const {sex, group} = headline(ind);
    const c = countyStatus.find((r) => r.indicator_id === ind.id && r.sex === sex && r.group === group && r.basis === "municipal_distribution");
    if (!c) continue;
    return `Exempel: ${ind.title_sv}. Kolada publicerar inget länsvärde, så länets status är fördelningen över kommunerna ` +
      `(trendfönster ${windowText(c.window_from_year, c.window_to_year)}): ${distributionText(c)}. ` +
      `Jämförelsevärdet för länet är ${medianText(c, ind.unit)} (året ${formatYear(c.median_year)} är samma för alla kommuner).`;
  }
  return null;
}
