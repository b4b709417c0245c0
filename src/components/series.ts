/**
 * data/series.json (built by the loader src/data/series.json.ts from the published files): the headline series of
 * every indicator for Sweden, the county and its municipalities, compact (rows as arrays), for small multiples.
 */
import type {Group, Sex, TidyRow} from "../../indicators/published.js";

export const SERIES_COLUMNS = ["area_code", "area_name", "area_level", "year", "value", "status", "source", "retrieved"] as const;

export interface SeriesFile {
  /** catalogue.json's generated_at: the pages refuse a series file built from other published files. */
  generated_at: string;
  indicators: Record<string, {sex: Sex; group: Group; unit: string; rows: (string | number | null)[][]}>;
}

/** The tidy rows of one indicator's headline series. */
export function expandSeries(file: SeriesFile, id: string): TidyRow[] {
  const s = file.indicators[id];
  if (!s) throw new Error(`indicator ${id} is missing from data/series.json`);
  return s.rows.map((r) => {
    const [area_code, area_name, area_level, year, value, status, source, retrieved] = r;
    return {indicator_id: id, area_code, area_name, area_level, year, sex: s.sex, group: s.group, value, unit: s.unit, status, source, retrieved} as TidyRow;
  });
}

/** Throw a clear error when the series file and the catalogue come from different pipeline runs (stale build cache). */
export function assertSameRun(series: SeriesFile, catalogueGeneratedAt: string): void {
  if (series.generated_at !== catalogueGeneratedAt) {
    throw new Error(
      `data/series.json (${series.generated_at}) was built from other published files than catalogue.json (${catalogueGeneratedAt}): ` +
      "Framework's loader cache is stale; run `npm run build` (it clears src/.observablehq/cache/data)"
    );
  }
}
