/**
 * Plausibility checks at the warehouse boundary, for EVERY fetched series whether an indicator uses it or not:
 * finite numbers, values within per-KPI bounds (kolada-bounds.generated.ts) and per-table bounds (the SCB table
 * declarations), unique keys, DeSO sums equal to their RegSO totals, and no sharp drop in coverage (areas or years
 * with values) against the previous run's warehouse. Every failure names source, KPI/table, area, year, URL and
 * JSON path; all are reported together (CheckError).
 */
import {readFile} from "node:fs/promises";
import type {DuckDBConnection} from "@duckdb/node-api";
import {exec, query} from "../lib/duckdb.js";
import {readRaw} from "../lib/raw-cache.js";
import type {FetchedDataset} from "../lib/types.js";
import {SCB_TABLES} from "../scb/tables/index.js";
import {KOLADA_BOUNDS} from "./kolada-bounds.generated.js";

/** A series that lost areas or years since the previous run. */
export interface CoverageDrop {
  source: "kolada" | "scb";
  series: string;
  areas_before: number;
  areas_now: number;
  lost_years: number[];
}

/** More than this share of a series' areas disappearing is a sharp drop (one area at least). */
export const COVERAGE_DROP_SHARE = 0.1;
/** At most this many offending rows are listed per check (the count is always given). */
const LIST_CAP = 20;

export interface PlausibilityResult {
  failures: string[];
  coverageDrops: CoverageDrop[];
}

interface KoladaRow {
  kpi: string;
  area_code: string;
  year: number;
  gender: string;
  value: number | null;
}

interface ScbRow {
  table_key: string;
  region_code: string;
  value_code: string | null;
  contents_code: string;
  year: number;
  value: number | null;
}

const fmt = (v: number | null) => (v === null ? "null" : String(v));

/** Run every check; `prev` = the previous warehouse is attached as `prev`. */
export async function checkPlausibility(conn: DuckDBConnection, datasets: readonly FetchedDataset[], opts: {prev: boolean}): Promise<PlausibilityResult> {
  const failures: string[] = [];
  const locator = new Locator(datasets);
  await loadBounds(conn);

  // 1. Kolada: finite values within the KPI's bounds; every KPI has bounds.
  const noBounds = await query<{kpi: string}>(conn, "select distinct kpi from stg_kolada__values where kpi not in (select kpi from _plaus_kolada_bounds) order by kpi");
  for (const r of noBounds) failures.push(`[kolada kolada:values] KPI ${r.kpi} has no plausibility bounds: run npx tsx data-loaders/plausibility/make-kolada-bounds.ts`);
  const badKolada = await query<KoladaRow & {min: number; max: number; n: number}>(
    conn,
    `with bad as (
       select v.kpi, v.area_code, v.year, v.gender, v.value, b.min, b.max
       from stg_kolada__values v join _plaus_kolada_bounds b using (kpi)
       where v.value is not null and (isinf(v.value) or isnan(v.value) or v.value < b.min or v.value > b.max)
     )
     select *, count(*) over ()::INTEGER as n from bad order by kpi, area_code, year, gender limit ${LIST_CAP}`
  );
  for (const r of badKolada) {
    const what = Number.isFinite(r.value) ? `outside the plausible range [${r.min}, ${r.max}] (${KOLADA_BOUNDS[r.kpi]?.reviewed ?? "national history widened"})` : "not a finite number";
    failures.push(`[kolada kolada:values] KPI ${r.kpi}, area ${r.area_code}, year ${r.year}, gender ${r.gender}: value ${fmt(r.value)} ${what}${await locator.kolada(r)}`);
  }
  if (badKolada[0] && badKolada[0].n > LIST_CAP) failures.push(`[kolada kolada:values] … ${badKolada[0].n - LIST_CAP} more implausible value(s)`);

  // 2. Kolada: one value per KPI, area, year and gender.
  const dupKolada = await query<KoladaRow & {times: number}>(
    conn,
    `select kpi, area_code, year, gender, any_value(value) as value, count(*)::INTEGER as times from stg_kolada__values
     group by all having count(*) > 1 order by kpi, area_code, year, gender limit ${LIST_CAP}`
  );
  for (const r of dupKolada) failures.push(`[kolada kolada:values] KPI ${r.kpi}, area ${r.area_code}, year ${r.year}, gender ${r.gender}: ${r.times} values for one key${await locator.kolada(r)}`);

  // 3. SCB: finite values within the table's bounds.
  const badScb = await query<ScbRow & {min: number; max: number}>(
    conn,
    `select c.table_key, c.region_code, c.value_code, c.contents_code, c.year, c.value, b.min, b.max
     from raw_scb__cells c join _plaus_scb_bounds b using (table_key)
     where c.value is not null and (isinf(c.value) or isnan(c.value) or c.value < b.min or c.value > b.max)
     order by all limit ${LIST_CAP}`
  );
  for (const r of badScb) {
    const what = Number.isFinite(r.value) ? `outside the plausible range [${r.min}, ${r.max}] declared in data-loaders/scb/tables/${r.table_key}.ts` : "not a finite number";
    failures.push(`[scb scb:${r.table_key}] region ${r.region_code}, ${r.value_code ?? "-"}, ${r.contents_code}, year ${r.year}: value ${fmt(r.value)} ${what}${await locator.scb(r)}`);
  }

  // 4. SCB: one value per cell.
  const dupScb = await query<ScbRow & {times: number}>(
    conn,
    `select table_key, region_code, value_code, contents_code, year, any_value(value) as value, count(*)::INTEGER as times from raw_scb__cells
     group by table_key, region_code, value_code, contents_code, year having count(*) > 1 order by all limit ${LIST_CAP}`
  );
  for (const r of dupScb) failures.push(`[scb scb:${r.table_key}] region ${r.region_code}, ${r.value_code ?? "-"}, ${r.contents_code}, year ${r.year}: ${r.times} values for one cell${await locator.scb(r)}`);

  // 5. Counts that add up: where a table holds DeSO and RegSO values of the same count, the DeSO sum is the RegSO total.
  const sums = await query<{table_key: string; regso: string; value_code: string | null; contents_code: string; year: number; regso_value: number; deso_sum: number; desos: number}>(
    conn,
    `with deso as (
       select c.table_key, a.parent_code as regso, c.value_code, c.contents_code, c.year, sum(c.value) as deso_sum, count(*)::INTEGER as desos,
              count(c.value) = count(*) as complete
       from raw_scb__cells c join stg_areas a on a.area_code = c.region_code and a.level = 'deso'
       group by all
     )
     select d.table_key, d.regso, d.value_code, d.contents_code, d.year, r.value as regso_value, d.deso_sum, d.desos
     from deso d join raw_scb__cells r
       on r.table_key = d.table_key and r.region_code = d.regso and r.value_code is not distinct from d.value_code
      and r.contents_code = d.contents_code and r.year = d.year
     where d.complete and r.value is not null and abs(r.value - d.deso_sum) > 0.5
     order by all limit ${LIST_CAP}`
  );
  for (const s of sums) {
    failures.push(`[scb scb:${s.table_key}] RegSO ${s.regso}, ${s.value_code ?? "-"}, ${s.contents_code}, year ${s.year}: its ${s.desos} DeSO sum to ${s.deso_sum}, the RegSO total is ${s.regso_value}${await locator.scb({...s, region_code: s.regso})}`);
  }

  // 6. Coverage against the previous run.
  const coverageDrops = opts.prev ? await coverage(conn) : [];
  return {failures, coverageDrops};
}

/** Describe a coverage drop for the report and the error. */
export function describeDrop(d: CoverageDrop): string {
  const parts = [];
  if (d.areas_now < d.areas_before) parts.push(`areas with values ${d.areas_before} → ${d.areas_now}`);
  if (d.lost_years.length) parts.push(`years without values now: ${d.lost_years.join(", ")}`);
  return `[${d.source}] ${d.series}: ${parts.join("; ")} since the previous run`;
}

async function coverage(conn: DuckDBConnection): Promise<CoverageDrop[]> {
  const rows = await query<{source: "kolada" | "scb"; series: string; areas_before: number; areas_now: number; lost_years: number[] | null}>(
    conn,
    `with
       now_k as (select 'kolada' as source, kpi as series, area_code as area, year from main.stg_kolada__values where value is not null),
       prev_k as (select 'kolada' as source, kpi as series, area_code as area, year from prev.stg_kolada__values where value is not null),
       now_s as (select 'scb' as source, table_key as series, region_code as area, year from main.raw_scb__cells where value is not null),
       prev_s as (select 'scb' as source, table_key as series, region_code as area, year from prev.raw_scb__cells where value is not null),
       now_all as (select * from now_k union all select * from now_s),
       prev_all as (select * from prev_k union all select * from prev_s),
       a_now as (select source, series, count(distinct area)::INTEGER as n, list(distinct year) as years from now_all group by all),
       a_prev as (select source, series, count(distinct area)::INTEGER as n, list(distinct year) as years from prev_all group by all)
     select p.source, p.series, p.n as areas_before, coalesce(n.n, 0) as areas_now,
            list_sort(list_filter(p.years, y -> not list_contains(coalesce(n.years, []), y))) as lost_years
     from a_prev p left join a_now n using (source, series)
     order by p.source, p.series`
  );
  return rows
    .map((r) => ({...r, lost_years: r.lost_years ?? []}))
    .filter((r) => r.areas_before - r.areas_now > Math.max(0, Math.floor(COVERAGE_DROP_SHARE * r.areas_before)) || r.lost_years.length > 0);
}

async function loadBounds(conn: DuckDBConnection): Promise<void> {
  await exec(conn, "create or replace temp table _plaus_kolada_bounds (kpi VARCHAR, min DOUBLE, max DOUBLE)");
  await exec(conn, "create or replace temp table _plaus_scb_bounds (table_key VARCHAR, min DOUBLE, max DOUBLE)");
  const k = await conn.createAppender("_plaus_kolada_bounds", "main", "temp");
  for (const [kpi, b] of Object.entries(KOLADA_BOUNDS)) {
    k.appendVarchar(kpi);
    k.appendDouble(b.min);
    k.appendDouble(b.max);
    k.endRow();
  }
  k.closeSync();
  const s = await conn.createAppender("_plaus_scb_bounds", "main", "temp");
  for (const t of SCB_TABLES) {
    s.appendVarchar(t.key);
    s.appendDouble(t.plausible.min);
    s.appendDouble(t.plausible.max ?? Number.MAX_VALUE);
    s.endRow();
  }
  s.closeSync();
}

/** Finds where an offending value came from (raw file, URL, JSON path); only called on failures. */
class Locator {
  private koladaFiles?: {url: string; body: {values: {kpi: string; municipality: string; period: number; values: {gender: string}[]}[]}}[];
  private readonly scbFiles = new Map<string, {url: string; body: {id: string[]; dimension: Record<string, {category: {index: Record<string, number> | string[]}}>}}[]>();
  constructor(private readonly datasets: readonly FetchedDataset[]) {}

  async kolada(r: Pick<KoladaRow, "kpi" | "area_code" | "year" | "gender">): Promise<string> {
    this.koladaFiles ??= await Promise.all(
      (this.datasets.find((d) => d.id === "kolada:values")?.files ?? []).map(async (f) => ({url: f.url, body: JSON.parse(await readFile(f.file, "utf8"))}))
    );
    const hits: string[] = [];
    for (const f of this.koladaFiles) {
      f.body.values.forEach((row, i) => {
        if (row.kpi !== r.kpi || row.municipality !== r.area_code || row.period !== r.year) return;
        row.values.forEach((v, j) => {
          if (v.gender === r.gender) hits.push(`\n    url: ${f.url}\n    at $.values[${i}].values[${j}].value`);
        });
      });
    }
    return hits.slice(0, 3).join("");
  }

  async scb(r: Pick<ScbRow, "table_key" | "region_code" | "value_code" | "contents_code" | "year">): Promise<string> {
    let files = this.scbFiles.get(r.table_key);
    if (!files) {
      const ds = this.datasets.find((d) => d.id === `scb:${r.table_key}`);
      files = [];
      for (const f of ds?.files ?? []) {
        if (!/\/data-/.test(f.file.replaceAll("\\", "/"))) continue;
        const raw = await readRaw(f.file);
        if (raw) files.push({url: f.url, body: JSON.parse(raw.body.toString("utf8"))});
      }
      this.scbFiles.set(r.table_key, files);
    }
    const want: Record<string, string | null> = {Region: r.region_code, ContentsCode: r.contents_code, Tid: String(r.year)};
    const classVar = SCB_TABLES.find((t) => t.key === r.table_key)?.classification?.variable;
    if (classVar && classVar !== "ContentsCode") want[classVar] = r.value_code;
    if (classVar === "ContentsCode") want.ContentsCode = r.value_code ?? r.contents_code;
    for (const f of files) {
      // Row-major position of the cell (last dimension fastest); dimensions held at one value contribute 0.
      let n = 0;
      let ok = true;
      for (const v of f.body.id) {
        const idx = f.body.dimension[v]!.category.index;
        const codes = Array.isArray(idx) ? idx : Object.keys(idx).sort((a, b) => idx[a]! - idx[b]!);
        const code = want[v];
        const k = code === undefined ? 0 : codes.indexOf(code ?? "");
        if (k < 0) {
          ok = false;
          break;
        }
        n = n * codes.length + k;
      }
      if (ok) return `\n    url: ${f.url}\n    at $.value[${n}]`;
    }
    return "";
  }
}
