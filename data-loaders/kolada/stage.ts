/**
 * Stage Kolada raw pages into the warehouse contract: stg_kolada__values, stg_kolada__kpis and the
 * country/county/municipality rows of stg_areas. DuckDB reads the validated raw JSON files itself
 * (one statement per table), which is far faster than appending ~1.2 M values from JS.
 */
import {readFile} from "node:fs/promises";
import {listValue, type DuckDBConnection} from "@duckdb/node-api";
import {exec} from "../lib/duckdb.js";
import {readRaw} from "../lib/raw-cache.js";
import type {FetchedDataset, Scope} from "../lib/types.js";
import {selectAreaIds} from "./areas.js";
import {pageParser} from "./client.js";
import {KoladaMunicipalityPage} from "./schemas.js";

const sql = (name: string) => readFile(new URL(`./${name}.sql`, import.meta.url), "utf8");

/** Fill the Kolada staging tables from the datasets fetchKolada returned (replaces earlier Kolada rows). */
export async function stageKolada(conn: DuckDBConnection, datasets: FetchedDataset[], opts: {scope: Scope}): Promise<void> {
  const files = (id: string) => {
    const ds = datasets.find((d) => d.id === id);
    if (!ds || ds.files.length === 0) throw new Error(`stageKolada: dataset ${id} is missing or has no raw files`);
    return ds.files.map((f) => f.file);
  };
  const valueFiles = files("kolada:values");
  const kpiFiles = files("kolada:kpi");
  const areaFiles = files("kolada:municipality");
  const areaIds = await scopeAreaIds(areaFiles, opts.scope);
  const [valuesSql, kpisSql, areasSql] = await Promise.all([sql("stg_kolada__values"), sql("stg_kolada__kpis"), sql("stg_kolada__areas")]);

  // One transaction: a failure leaves no half-staged source behind.
  await exec(conn, "begin transaction");
  try {
    await exec(conn, "delete from stg_kolada__values");
    await exec(conn, "delete from stg_kolada__kpis");
    await exec(conn, "delete from stg_areas where level in ('country', 'county', 'municipality')");
    await exec(conn, valuesSql, {files: listValue(valueFiles)});
    await exec(conn, kpisSql, {files: listValue(kpiFiles)});
    await exec(conn, areasSql, {files: listValue(areaFiles), area_ids: listValue(areaIds)});
    await exec(conn, "commit");
  } catch (e) {
    await exec(conn, "rollback");
    throw e;
  }
}

/** The scope's area ids, by the same rule the client used to request values. */
async function scopeAreaIds(files: readonly string[], scope: Scope): Promise<string[]> {
  const parse = pageParser(KoladaMunicipalityPage);
  const areas = [];
  for (const file of files) {
    const raw = await readRaw(file);
    if (!raw) throw new Error(`stageKolada: raw file ${file} or its sidecar is missing`);
    areas.push(...parse(raw.body, raw.meta.content_type, {source: "kolada", dataset: "kolada:municipality", url: raw.meta.url, file}).values);
  }
  return selectAreaIds(areas, scope);
}
