/**
 * Where each indicator input comes from, read from the warehouse: the raw files behind it
 * (meta_raw_files: publisher, licence, retrieval time), for Kolada the KPI's title, underlying agency
 * and publication date (stg_kolada__kpis), for SCB the table's title and `updated` (stg_scb__tables).
 * Missing provenance stops the publish stage.
 *
 * The published URL is the source's public page (kolada.se, Statistikdatabasen), never the API URL the
 * raw file was fetched from: that stays in the raw layer's sidecars.
 */
import type {DuckDBConnection} from "@duckdb/node-api";
import {query} from "../lib/duckdb.js";
import {PipelineError} from "../lib/errors.js";
import {scbPublicTable} from "../scb/table.js";
import {SCB_TABLES} from "../scb/tables/index.js";
import type {SourceRef} from "../../indicators/published.js";

export interface InputSource {
  /** The input id as the indicator declares it, "kolada:N02268" or "scb:regso_population_birthregion". */
  input: string;
  /** Short label for the tidy files' source column: "Kolada N02268 (SCB)", "SCB TAB6572". */
  label: string;
  ref: SourceRef;
}

/** The public page of a Kolada KPI (kolada.se's free search opened on the KPI). */
export function koladaKpiPage(kpi: string): string {
  return `https://www.kolada.se/verktyg/fri-sokning/?kpis=${encodeURIComponent(kpi)}`;
}

/**
 * The source column of a figure we computed (a gap, a sum of DeSO counts, a share of counts):
 * "Beräknat av oss från Kolada (KPI N02268 och N02267)", "Beräknat av oss från SCB (tabell TAB6572)".
 */
export function derivedLabel(sources: readonly SourceRef[], how = ""): string {
  const list = (xs: string[]) => (xs.length <= 1 ? (xs[0] ?? "") : `${xs.slice(0, -1).join(", ")} och ${xs.at(-1)}`);
  const kolada = sources.filter((s) => s.id.startsWith("kolada:")).map((s) => s.code ?? s.id);
  const scb = sources.filter((s) => s.id.startsWith("scb:")).map((s) => (s.code ? s.code : `”${s.title}”`));
  const parts = [
    kolada.length ? `Kolada (KPI ${list(kolada)})` : "",
    scb.length ? `SCB (${scb.length > 1 ? "tabellerna" : "tabell"} ${list(scb)})` : ""
  ].filter(Boolean);
  return `Beräknat av oss från ${parts.join(" och ")}${how ? `: ${how}` : ""}`;
}

interface RawFile {
  dataset: string;
  url: string;
  file: string;
  fetched_ms: number;
  publisher: string;
  licence: string;
  retrieved: string;
}

/** What provenance needs from the warehouse, read in three queries (one per input cost ~5 ms each: 1 s per run). */
export interface SourceIndex {
  kpis: Map<string, {title: string; source_agency: string | null; publication_date: string | null}>;
  tables: Map<string, {table_id: string; title: string; updated: string | null}>;
  raw: Map<string, RawFile[]>;
}

/** Read the KPI and table metadata and the raw-file list once. */
export async function loadSourceIndex(conn: DuckDBConnection): Promise<SourceIndex> {
  const kpis = await query<{kpi: string; title: string; source_agency: string | null; publication_date: string | null}>(
    conn,
    `SELECT kpi, title, source_agency, publication_date FROM stg_kolada__kpis`
  );
  const tables = await query<{table_key: string; table_id: string; title: string; updated: string | null}>(
    conn,
    `SELECT table_key, table_id, title, updated FROM stg_scb__tables`
  );
  const raw = await query<RawFile>(
    conn,
    `SELECT dataset, url, file, epoch_ms(fetched_at)::DOUBLE AS fetched_ms, publisher, licence,
            strftime(timezone('UTC', fetched_at), '%Y-%m-%d') AS retrieved
     FROM meta_raw_files`
  );
  const byDataset = new Map<string, RawFile[]>();
  for (const r of raw) {
    const list = byDataset.get(r.dataset);
    if (list) list.push(r);
    else byDataset.set(r.dataset, [r]);
  }
  return {
    kpis: new Map(kpis.map(({kpi, ...m}) => [kpi, m])),
    tables: new Map(tables.map(({table_key, ...t}) => [table_key, t])),
    raw: byDataset
  };
}

/** The raw file a source cites: one dataset holds many KPIs, so the newest file whose URL names this one, else the newest. */
function latestRawFile(index: SourceIndex, datasets: readonly string[], prefer: string): RawFile | undefined {
  const files = datasets.flatMap((d) => index.raw.get(d) ?? []);
  const key = (f: RawFile) => [f.url.includes(prefer) ? 0 : 1, -f.fetched_ms] as const;
  return files.sort((a, b) => {
    const [pa, fa] = key(a);
    const [pb, fb] = key(b);
    return pa - pb || fa - fb || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);
  })[0];
}

/** A date as YYYY-MM-DD when the source gave one in that form (or as a timestamp), else null. */
function day(value: string | null): string | null {
  return value ? (/^\d{4}-\d{2}-\d{2}/.exec(value)?.[0] ?? null) : null;
}

/** Resolve every input's source; throws one PipelineError naming all inputs without provenance. */
export async function resolveSources(conn: DuckDBConnection, inputs: readonly string[]): Promise<Map<string, InputSource>> {
  const index = await loadSourceIndex(conn);
  const out = new Map<string, InputSource>();
  const problems: string[] = [];
  for (const input of [...new Set(inputs)].sort()) {
    const [source, id] = input.split(":") as [string, string];
    const resolved = source === "kolada" ? koladaSource(index, input, id) : scbSource(index, id);
    if (typeof resolved === "string") problems.push(`${input}: ${resolved}`);
    else out.set(input, {input, label: resolved.label, ref: resolved.ref});
  }
  if (problems.length) {
    throw new PipelineError({source: "publish"}, `no provenance for ${problems.length} input(s):\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
  return out;
}

function koladaSource(index: SourceIndex, input: string, kpi: string): {label: string; ref: SourceRef} | string {
  const meta = index.kpis.get(kpi);
  const raw = latestRawFile(index, ["kolada:values"], kpi);
  if (!meta) return "KPI not in stg_kolada__kpis";
  if (!raw) return "no raw file of dataset 'kolada:values' in meta_raw_files";
  return {
    label: `Kolada ${kpi}${meta.source_agency ? ` (${meta.source_agency})` : ""}`,
    ref: {
      id: input, title: meta.title, agency: meta.source_agency, publisher: raw.publisher, licence: raw.licence,
      url: koladaKpiPage(kpi), code: kpi, published: day(meta.publication_date), retrieved: raw.retrieved
    }
  };
}

/** An SCB table by our key: SCB's id and public page, or its title and a search where the id is a stand-in. */
export function scbSource(index: SourceIndex, tableKey: string): {label: string; ref: SourceRef; table_id: string} | string {
  const declared = SCB_TABLES.find((t) => t.key === tableKey);
  if (!declared) return `no SCB table '${tableKey}' in data-loaders/scb/tables`;
  const table = index.tables.get(tableKey);
  if (!table) return `no metadata of table_key '${tableKey}' in stg_scb__tables`;
  const raw = latestRawFile(index, [`scb:${tableKey}`, `scb:${table.table_id}`], table.table_id);
  if (!raw) return `no raw file of dataset 'scb:${tableKey}' or 'scb:${table.table_id}' in meta_raw_files`;
  const pub = scbPublicTable(declared, table.table_id, table.title);
  return {
    table_id: table.table_id,
    label: pub.label,
    ref: {
      id: `scb:${pub.code ?? tableKey}`, title: table.title, agency: "SCB", publisher: raw.publisher, licence: raw.licence,
      url: pub.url, code: pub.code, published: day(table.updated), retrieved: raw.retrieved
    }
  };
}
