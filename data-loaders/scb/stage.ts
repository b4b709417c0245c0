/**
 * Stage SCB raw answers into the warehouse contract: decode the json-stat2 files (checked again
 * against the selection kept in their sidecars) into raw_scb__cells, build the per-table
 * stg_scb__* tables with the SQL files beside this one, and add the RegSO/DeSO rows of stg_areas
 * from the DeSO→RegSO key. One transaction; checks run before commit and are reported together.
 */
import {readFile} from "node:fs/promises";
import {listValue, type DuckDBConnection} from "@duckdb/node-api";
import {exec, query} from "../lib/duckdb.js";
import {CheckError, type ErrorOrigin} from "../lib/errors.js";
import {parseJsonBody} from "../lib/http.js";
import {readRaw} from "../lib/raw-cache.js";
import type {FetchedDataset} from "../lib/types.js";
import {validate} from "../lib/validate.js";
import {DESO_2025_KEY_ID, desoEditionMapper, parseDeso2025Key, type Deso2025Row} from "../reference/deso-2025-key.js";
import {DESO_REGSO_KEY_ID, parseDesoRegsoKey, type DesoRegsoKeyRow} from "../reference/deso-regso-key.js";
import {REGION_PATTERN} from "./selection.js";
import {decodeScbData, type ScbCell} from "./jsonstat.js";
import {ScbData, ScbMetadata, ScbSelection} from "./schemas.js";
import {SCB_TABLES} from "./tables/index.js";

const sql = (name: string) => readFile(new URL(`./${name}.sql`, import.meta.url), "utf8");

/** One row per cell: the grain of each staging table (checked for duplicates). */
const GRAIN: Readonly<Record<string, string>> = {
  regso_population_birthregion: "region_code, birth_region, year",
  dwellings_tenure: "region_code, tenure, year",
  regso_mean_wage_income: "region_code, year",
  deso_population_background: "region_code, background, year",
  deso_education: "region_code, level, year",
  deso_population_age: "region_code, age_group, year",
  deso_households: "region_code, year",
  deso_cars: "region_code, year",
  deso_median_income: "region_code, year",
  regso_area_type: "region_code, year"
};

/** Stage the SCB datasets and the reference:deso_regso_key dataset (replaces earlier rows of those tables). */
export async function stageScb(conn: DuckDBConnection, datasets: FetchedDataset[]): Promise<void> {
  const keyDataset = datasets.find((d) => d.id === DESO_REGSO_KEY_ID);
  if (!keyDataset) throw new Error(`stageScb: dataset ${DESO_REGSO_KEY_ID} is missing (it names the RegSO/DeSO areas)`);
  const key = await readKey(keyDataset);
  const editionDataset = datasets.find((d) => d.id === DESO_2025_KEY_ID);
  if (!editionDataset) throw new Error(`stageScb: dataset ${DESO_2025_KEY_ID} is missing (it maps DeSO 2025 codes to DeSO 2018)`);
  const scb = datasets.filter((d) => d.source === "scb");
  const cells = toStatisticsEdition((await Promise.all(scb.map(readCells))).flat(), key, await readReference(editionDataset, parseDeso2025Key));
  const tables = (await Promise.all(scb.map(readTableMeta))).flat();

  await exec(conn, "begin transaction");
  try {
    await exec(conn, "delete from raw_scb__cells where table_key in (select unnest($keys::VARCHAR[]))", {
      keys: listValue(scb.map((d) => d.id.slice("scb:".length)))
    });
    await appendCells(conn, cells);
    await exec(conn, "delete from stg_scb__tables where table_key in (select unnest($keys::VARCHAR[]))", {
      keys: listValue(scb.map((d) => d.id.slice("scb:".length)))
    });
    for (const t of tables) await exec(conn, "insert into stg_scb__tables values ($table_key, $table_id, $title, $updated, $simulated)", {...t});
    for (const t of SCB_TABLES) await exec(conn, await sql(`stg_scb__${t.key}`));
    await exec(conn, "delete from stg_areas where level in ('regso', 'deso')");
    await exec(conn, await sql("stg_scb__areas"), {
      deso_codes: listValue(key.map((r) => r.DeSO_2018)),
      regso_codes: listValue(key.map((r) => r.RegSOkod_2020)),
      regso_names: listValue(key.map((r) => r.RegSO_2020)),
      municipality_names: listValue(key.map((r) => r.Kommunnamn))
    });
    const failures = await checks(conn);
    if (failures.length) throw new CheckError(failures.map((f) => `SCB staging: ${f}`));
    await exec(conn, "commit");
  } catch (e) {
    await exec(conn, "rollback");
    throw e;
  }
}

function readKey(ds: FetchedDataset): Promise<DesoRegsoKeyRow[]> {
  return readReference(ds, parseDesoRegsoKey);
}

async function readReference<T>(ds: FetchedDataset, parse: (body: Buffer, origin: ErrorOrigin) => T): Promise<T> {
  const [f] = ds.files;
  if (!f || ds.files.length !== 1) throw new Error(`stageScb: ${ds.id} must have exactly one raw file, has ${ds.files.length}`);
  const raw = await readRaw(f.file);
  if (!raw) throw new Error(`stageScb: raw file ${f.file} or its sidecar is missing`);
  return parse(raw.body, {source: "reference", dataset: ds.id, url: raw.meta.url, file: f.file});
}

/**
 * DeSO codes of either edition → DeSO 2018, the edition of the statistics and the RegSO key. The parts of a
 * DeSO split in 2025 are summed into their 2018 parent (counts); a table whose values cannot be summed gives
 * the parent no value (status 'deso2025_split'). A code that maps to nothing, or an answer mixing a 2018 parent
 * with its 2025 parts, is an error.
 */
function toStatisticsEdition(cells: ScbCell[], key: readonly DesoRegsoKeyRow[], key2025: readonly Deso2025Row[]): ScbCell[] {
  const map = desoEditionMapper(new Set(key.map((r) => r.DeSO_2018)), key2025);
  const problems = new Set<string>();
  const out: ScbCell[] = [];
  const merged = new Map<string, {cell: ScbCell; parts: Set<string>}>();
  const direct = new Set<string>();
  for (const c of cells) {
    if (!REGION_PATTERN.deso.test(c.region_code)) {
      out.push(c);
      continue;
    }
    const m = map(c.region_code);
    if ("error" in m) {
      problems.add(`${c.table_key}: ${m.error}`);
      continue;
    }
    if (!m.split) {
      direct.add(`${c.table_key}|${m.code}`);
      out.push(c);
      continue;
    }
    const k = [c.table_key, m.code, c.value_code, c.contents_code, c.year, c.period].join("|");
    const additive = SCB_TABLES.find((t) => t.key === c.table_key)?.additive !== false;
    const prev = merged.get(k);
    if (!prev) {
      const cell = {...c, region_code: m.code, ...(additive ? {} : {value: null, status: "deso2025_split"})};
      merged.set(k, {cell, parts: new Set([c.region_code])});
      continue;
    }
    prev.parts.add(c.region_code);
    if (!additive) continue;
    if (prev.cell.value === null || c.value === null) prev.cell = {...prev.cell, value: null, status: prev.cell.status ?? c.status};
    else prev.cell = {...prev.cell, value: prev.cell.value + c.value};
  }
  for (const {cell} of merged.values()) {
    if (direct.has(`${cell.table_key}|${cell.region_code}`)) problems.add(`${cell.table_key}: DeSO 2018 ${cell.region_code} and its DeSO 2025 parts are both in the answer (mixed editions)`);
    out.push(cell);
  }
  if (problems.size) throw new CheckError([...problems].map((p) => `SCB staging: ${p}`));
  return out;
}

/** The raw files of a dataset whose URL is /tables/{id}/<kind>, with the table id and an error origin. */
async function* tableFiles(ds: FetchedDataset, kind: "data" | "metadata") {
  for (const f of ds.files) {
    const raw = await readRaw(f.file);
    if (!raw) throw new Error(`stageScb: raw file ${f.file} or its sidecar is missing`);
    const m = new URL(raw.meta.url).pathname.match(new RegExp(`/tables/([^/]+)/${kind}$`));
    if (!m) continue;
    const origin: ErrorOrigin = {source: "scb", dataset: ds.id, url: raw.meta.url, file: f.file};
    yield {raw, tableId: decodeURIComponent(m[1]!), origin};
  }
}

/** Decode the data files of one dataset; search and metadata files are provenance only. */
async function readCells(ds: FetchedDataset): Promise<ScbCell[]> {
  const table = SCB_TABLES.find((t) => `scb:${t.key}` === ds.id);
  if (!table) throw new Error(`stageScb: no table declaration for dataset ${ds.id}`);
  const out: ScbCell[] = [];
  for await (const {raw, tableId, origin} of tableFiles(ds, "data")) {
    // The sidecar keeps the request body: the file is checked against exactly what was asked for.
    const request = validate(ScbSelection, raw.meta.query, {...origin, dataset: `${ds.id} (sidecar query)`});
    const data = validate(ScbData, parseJsonBody(origin, raw.body, raw.meta.content_type), origin);
    out.push(...decodeScbData(data, request, table, tableId, origin));
  }
  return out;
}

/**
 * The api-sim simulator marks every table it serves with this json-stat2 note; its `updated` is then a fixed
 * placeholder (../shared/tools/api-sim/README.md, "Known differences": "`updated` is a fixed placeholder date"),
 * so no publication date is taken from it.
 */
const SIMULATOR_NOTE = /^Simulerad tabell \(api-sim\)/;

interface TableMeta {
  table_key: string;
  table_id: string;
  title: string;
  updated: string | null;
  simulated: boolean;
}

/** The table's own label and `updated` date from its metadata answer (one per dataset). */
async function readTableMeta(ds: FetchedDataset): Promise<TableMeta[]> {
  const out: TableMeta[] = [];
  for await (const {raw, tableId, origin} of tableFiles(ds, "metadata")) {
    const meta = validate(ScbMetadata, parseJsonBody(origin, raw.body, raw.meta.content_type), origin);
    const simulated = (meta.note ?? []).some((n) => SIMULATOR_NOTE.test(n));
    // label and updated may be null or absent (PxAPI-2.yml): then no title of SCB's own and no date, never a guess
    const day = meta.updated ? (/^\d{4}-\d{2}-\d{2}/.exec(meta.updated)?.[0] ?? null) : null;
    out.push({table_key: ds.id.slice("scb:".length), table_id: tableId, title: meta.label ?? `SCB-tabell ${tableId}`, updated: simulated ? null : day, simulated});
  }
  return out;
}

async function appendCells(conn: DuckDBConnection, cells: readonly ScbCell[]): Promise<void> {
  const app = await conn.createAppender("raw_scb__cells");
  const text = (v: string | null) => (v === null ? app.appendNull() : app.appendVarchar(v));
  for (const c of cells) {
    app.appendVarchar(c.table_key);
    app.appendVarchar(c.table_id);
    app.appendVarchar(c.region_code);
    text(c.variable);
    text(c.value_code);
    text(c.value_label);
    app.appendVarchar(c.contents_code);
    app.appendInteger(c.year);
    if (c.value === null) app.appendNull();
    else app.appendDouble(c.value);
    text(c.status);
    app.endRow();
  }
  app.closeSync();
}

/** Every failed check, as text. */
async function checks(conn: DuckDBConnection): Promise<string[]> {
  const failures: string[] = [];
  for (const {key} of SCB_TABLES) {
    const grain = GRAIN[key];
    if (!grain) {
      failures.push(`stg_scb__${key}: no grain declared in data-loaders/scb/stage.ts`);
      continue;
    }
    // Table and column names are our own constants (identifiers cannot be bound as parameters).
    const [dups] = await query<{n: number}>(conn, `select count(*)::INTEGER as n from (select ${grain} from stg_scb__${key} group by all having count(*) > 1)`);
    if (dups!.n > 0) failures.push(`stg_scb__${key}: ${dups!.n} key(s) (${grain}) occur more than once`);
  }
  const unknown = await query<{table_key: string; codes: string[]}>(
    conn,
    `select table_key, list(distinct region_code order by region_code) as codes
     from raw_scb__cells
     where region_code not in (select area_code from stg_areas where level in ('regso', 'deso'))
     group by table_key order by table_key`
  );
  for (const u of unknown) failures.push(`${u.table_key}: region codes not in the DeSO→RegSO key: ${u.codes.slice(0, 10).join(", ")}${u.codes.length > 10 ? " …" : ""}`);
  const parentless = await query<{area_code: string}>(
    conn,
    `select d.area_code from stg_areas d
     where d.level = 'deso' and d.parent_code not in (select area_code from stg_areas where level = 'regso')`
  );
  if (parentless.length) failures.push(`DeSO without a RegSO parent: ${parentless.map((p) => p.area_code).join(", ")}`);
  return failures;
}
