/**
 * Where each indicator input comes from, read from the warehouse: the raw files behind it
 * (meta_raw_files: publisher, licence, URL, retrieval time) and, for Kolada, the KPI's title and
 * underlying agency (stg_kolada__kpis). Missing provenance stops the publish stage.
 *
 * Raw datasets per input: "kolada:<KPI>" → dataset 'kolada:values' (all Kolada values);
 * "scb:<table_key>" → dataset 'scb:<table_key>' or 'scb:<table id>' (the id from raw_scb__cells).
 * The URL and retrieval date are those of the newest such file, preferring files whose URL names
 * the KPI or table.
 */
import type {DuckDBConnection} from "@duckdb/node-api";
import {query} from "../lib/duckdb.js";
import {PipelineError} from "../lib/errors.js";
import type {SourceRef} from "../../indicators/published.js";

export interface InputSource {
  /** The input id as the indicator declares it, "kolada:N02268" or "scb:regso_population_birthregion". */
  input: string;
  /** Short label for the tidy files' source column: "Kolada N02268 (SCB)", "SCB TAB6572". */
  label: string;
  ref: SourceRef;
}

interface RawFile {
  publisher: string;
  licence: string;
  url: string;
  retrieved: string;
}

const LATEST_RAW_FILE = `
  SELECT publisher, licence, url, strftime(timezone('UTC', fetched_at), '%Y-%m-%d') AS retrieved
  FROM meta_raw_files
  WHERE list_contains(string_split($datasets, '|'), dataset)
  -- one dataset holds many KPIs: prefer the newest file whose URL names this one
  ORDER BY contains(url, $prefer) DESC, fetched_at DESC, file
  LIMIT 1`;

/** Resolve every input's source; throws one PipelineError naming all inputs without provenance. */
export async function resolveSources(conn: DuckDBConnection, inputs: readonly string[]): Promise<Map<string, InputSource>> {
  const out = new Map<string, InputSource>();
  const problems: string[] = [];
  for (const input of [...new Set(inputs)].sort()) {
    const [source, id] = input.split(":") as [string, string];
    const resolved = source === "kolada" ? await koladaSource(conn, input, id) : await scbSource(conn, input, id);
    if (typeof resolved === "string") problems.push(resolved);
    else out.set(input, resolved);
  }
  if (problems.length) {
    throw new PipelineError({source: "publish"}, `no provenance for ${problems.length} input(s):\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
  return out;
}

async function koladaSource(conn: DuckDBConnection, input: string, kpi: string): Promise<InputSource | string> {
  const [meta] = await query<{title: string; source_agency: string | null}>(
    conn,
    `SELECT title, source_agency FROM stg_kolada__kpis WHERE kpi = $kpi`,
    {kpi}
  );
  const [raw] = await query<RawFile>(conn, LATEST_RAW_FILE, {datasets: "kolada:values", prefer: kpi});
  if (!meta) return `${input}: KPI not in stg_kolada__kpis`;
  if (!raw) return `${input}: no raw file of dataset 'kolada:values' in meta_raw_files`;
  return {
    input,
    label: `Kolada ${kpi}${meta.source_agency ? ` (${meta.source_agency})` : ""}`,
    ref: {id: input, title: meta.title, agency: meta.source_agency, ...raw}
  };
}

async function scbSource(conn: DuckDBConnection, input: string, tableKey: string): Promise<InputSource | string> {
  const [table] = await query<{table_id: string}>(
    conn,
    `SELECT min(table_id) AS table_id FROM raw_scb__cells WHERE table_key = $key HAVING count(*) > 0`,
    {key: tableKey}
  );
  if (!table) return `${input}: no cells of table_key '${tableKey}' in raw_scb__cells`;
  const [raw] = await query<RawFile>(conn, LATEST_RAW_FILE, {datasets: `scb:${tableKey}|scb:${table.table_id}`, prefer: table.table_id});
  if (!raw) return `${input}: no raw file of dataset 'scb:${tableKey}' or 'scb:${table.table_id}' in meta_raw_files`;
  return {
    input,
    label: `SCB ${table.table_id}`,
    ref: {id: input, title: `SCB, tabell ${table.table_id} (${tableKey})`, agency: "SCB", ...raw}
  };
}
