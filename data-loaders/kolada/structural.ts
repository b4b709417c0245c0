/**
 * Structural background variables for finding similar municipalities ("liknande kommuner"): a few Kolada KPIs for all
 * 290 municipalities in every scope (national rows by KPI and year, `/data/kpi/{k}/year/{y}`). They are staged apart
 * (stg_kolada__structural) and never reach the published indicator files; only the similarity result and the
 * variables it used are published (indicators/peers.ts).
 */
import {listValue, type DuckDBConnection} from "@duckdb/node-api";
import {readFile} from "node:fs/promises";
import {exec} from "../lib/duckdb.js";
import {CompletenessError, PipelineError} from "../lib/errors.js";
import type {FetchContext} from "../lib/fetcher.js";
import type {FetchedDataset} from "../lib/types.js";
import {fetchPages, pageParser} from "./client.js";
import {KoladaDataPage} from "./schemas.js";

/** The structural KPIs fetched (the similarity method picks its variables among them). */
export const STRUCTURAL_KPIS = ["N01951", "N02926", "N02006", "U01805", "N01982", "N01984", "N02267", "N00906", "N66078", "N03920", "N31816"] as const;
/** Years fetched: the similarity uses the latest year they cover well, earlier ones fill single gaps. */
export const STRUCTURAL_YEARS = [2018, 2019, 2020, 2021, 2022] as const;
export const STRUCTURAL_ID = "kolada:structural";
/** Fewer municipalities than this in the whole answer means the request went wrong (290 exist). */
const MIN_MUNICIPALITIES = 280;

const isMunicipality = (id: string) => /^\d{4}$/.test(id) && !id.startsWith("00");

/** Fetch the structural KPIs for every area and the declared years; one dataset (raw pages under kolada/structural). */
export async function fetchStructural(ctx: FetchContext): Promise<FetchedDataset> {
  const parse = pageParser(KoladaDataPage);
  const want = new Set<string>(STRUCTURAL_KPIS);
  const seen = new Map<string, Set<string>>();
  const res = await fetchPages(ctx, "structural", `/data/kpi/${STRUCTURAL_KPIS.join(",")}/year/${STRUCTURAL_YEARS.join(",")}`, (body, ct, origin) => {
    const page = parse(body, ct, origin);
    page.values.forEach((r, i) => {
      if (!want.has(r.kpi)) throw new PipelineError(origin, `row $.values[${i}] is for KPI ${r.kpi}, which this request did not ask for`);
      if (isMunicipality(r.municipality) && r.values.some((v) => v.gender === "T" && v.value !== null && !v.isdeleted)) {
        seen.set(r.kpi, (seen.get(r.kpi) ?? new Set()).add(r.municipality));
      }
    });
    return page;
  });
  const short = STRUCTURAL_KPIS.filter((k) => (seen.get(k)?.size ?? 0) < MIN_MUNICIPALITIES);
  if (short.length) {
    throw new CompletenessError({source: "kolada", dataset: STRUCTURAL_ID, url: res.url},
      `structural KPIs with values for fewer than ${MIN_MUNICIPALITIES} municipalities: ${short.map((k) => `${k} (${seen.get(k)?.size ?? 0})`).join(", ")}`);
  }
  return {id: STRUCTURAL_ID, source: "kolada", files: res.files, rows: res.pages.reduce((n, p) => n + p.values.length, 0)};
}

/** Fill stg_kolada__structural (total gender, municipalities only) and the municipalities' names from the raw pages. */
export async function stageStructural(conn: DuckDBConnection, datasets: readonly FetchedDataset[]): Promise<void> {
  const ds = datasets.find((d) => d.id === STRUCTURAL_ID);
  if (!ds || ds.files.length === 0) throw new Error(`stageStructural: dataset ${STRUCTURAL_ID} is missing or has no raw files`);
  const names = datasets.find((d) => d.id === "kolada:municipality");
  if (!names || names.files.length === 0) throw new Error("stageStructural: dataset kolada:municipality is missing (it names the municipalities)");
  const sql = (name: string) => readFile(new URL(`./${name}.sql`, import.meta.url), "utf8");
  await exec(conn, "delete from stg_kolada__structural");
  await exec(conn, "delete from stg_kolada__structural_areas");
  await exec(conn, await sql("stg_kolada__structural"), {files: listValue(ds.files.map((f) => f.file))});
  await exec(conn, await sql("stg_kolada__structural_areas"), {files: listValue(names.files.map((f) => f.file))});
}
