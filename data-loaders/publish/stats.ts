/** Per-indicator coverage of the published values: years and areas with a value. */
import type {DuckDBConnection} from "@duckdb/node-api";
import {query} from "../lib/duckdb.js";
import {LEVEL_ORDER} from "./order.js";

export interface IndicatorStats {
  first_year: number | null;
  latest_year: number | null;
  n_years: number;
  n_areas: number;
  /** Areas with a value per level, e.g. "country 1, county 1, municipality 13". */
  areas: string;
}

/** Coverage of every indicator in tmp_publish_indicators (indicators without values get zeros). */
export async function indicatorStats(conn: DuckDBConnection): Promise<Map<string, IndicatorStats>> {
  const rows = await query<IndicatorStats & {indicator_id: string}>(
    conn,
    `WITH
     observed AS (
       SELECT v.indicator_id, v.year, v.area_code, a.level,
              list_position(string_split($level_order, '|'), a.level) AS level_order
       FROM mart_indicator_values AS v
       JOIN tmp_publish_indicators USING (indicator_id)
       JOIN stg_areas AS a USING (area_code)
       WHERE v.value IS NOT NULL
     ),
     per_level AS (
       SELECT indicator_id, level, level_order, count(DISTINCT area_code) AS n
       FROM observed GROUP BY ALL
     ),
     levels AS (
       SELECT indicator_id, string_agg(level || ' ' || n, ', ' ORDER BY level_order) AS areas
       FROM per_level GROUP BY ALL
     ),
     totals AS (
       SELECT indicator_id, min(year) AS first_year, max(year) AS latest_year,
              count(DISTINCT year)::INTEGER AS n_years, count(DISTINCT area_code)::INTEGER AS n_areas
       FROM observed GROUP BY ALL
     )
     SELECT p.indicator_id, t.first_year, t.latest_year,
            coalesce(t.n_years, 0) AS n_years, coalesce(t.n_areas, 0) AS n_areas, coalesce(l.areas, '') AS areas
     FROM tmp_publish_indicators AS p
     LEFT JOIN totals AS t USING (indicator_id)
     LEFT JOIN levels AS l USING (indicator_id)`,
    LEVEL_ORDER
  );
  return new Map(rows.map(({indicator_id, ...s}) => [indicator_id, s]));
}
