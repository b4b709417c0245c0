/**
 * The SCB client and staging against the local simulator (real data of shared/data/raw, read at
 * test time): title resolution, query splitting under maxDataCells, the rate limit from /config,
 * 400/404 errors, injected faults, raw-file reuse across hosts, and equality of the staged
 * numbers with the published CSV files (every row, both ways).
 */
import {mkdtemp, readdir, readFile, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join, relative} from "node:path";
import type {DuckDBConnection} from "@duckdb/node-api";
import {listValue} from "@duckdb/node-api";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {loadConfig, PROJECT_ROOT, type PipelineConfig} from "../../data-loaders/lib/config.js";
import {exec, query} from "../../data-loaders/lib/duckdb.js";
import {HttpError, PipelineError} from "../../data-loaders/lib/errors.js";
import {createContext, type FetchContext} from "../../data-loaders/lib/fetcher.js";
import {setQuiet} from "../../data-loaders/lib/log.js";
import type {FetchedDataset} from "../../data-loaders/lib/types.js";
import {parseCsv} from "../../data-loaders/reference/csv.js";
import {fetchScb, fetchScbTable} from "../../data-loaders/scb/client.js";
import {stageScb} from "../../data-loaders/scb/stage.js";
import {defineScbTable} from "../../data-loaders/scb/table.js";
import birthregion from "../../data-loaders/scb/tables/regso_population_birthregion.js";
import areaType from "../../data-loaders/scb/tables/regso_area_type.js";
import {SCB_TABLES} from "../../data-loaders/scb/tables/index.js";
import {startSim, type Sim} from "../helpers/api-sim.js";
import {freshDb} from "../helpers/db.js";

const FAULTS = "429:0.2,500:0.1,reset:0.05,slow:0.05@2000,truncate:0.05,html:0.05";
const SHARED_RAW = join(PROJECT_ROOT, "..", "shared", "data", "raw");
const STG_TABLES = SCB_TABLES.map((t) => `stg_scb__${t.key}`);

interface Run {
  ctx: FetchContext;
  datasets: FetchedDataset[];
  conn: DuckDBConnection;
  dataDir: string;
}

const cleanup: (() => Promise<void> | void)[] = [];

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "scb-sim-"));
  cleanup.push(() => rm(dir, {recursive: true, force: true}));
  return dir;
}

/** Fetch (all tables or `only`) into a fresh data dir and stage into a fresh in-memory DuckDB. */
async function run(sim: Sim, opts: {only?: string[]; config?: Partial<PipelineConfig>; retryBaseMs?: number} = {}): Promise<Run> {
  const dataDir = await tempDir();
  const ctx = createContext(loadConfig({dataDir, scbBase: sim.scb, ...opts.config}), opts.retryBaseMs !== undefined ? {retryBaseMs: opts.retryBaseMs} : {});
  const datasets = await fetchScb(ctx, opts.only ? {only: opts.only} : {});
  const db = await freshDb();
  cleanup.push(db.close);
  await stageScb(db.conn, datasets);
  return {ctx, datasets, conn: db.conn, dataDir};
}

const all = (conn: DuckDBConnection, table: string, where = "true") => query(conn, `select * from ${table} where ${where} order by all`);
const isPost = (l: string) => / POST \/scb\/api\/v2\/tables\/[^/]+\/data/.test(l);
const posts = (sim: Sim) => sim.log.filter(isPost);

async function rawFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, {recursive: true, withFileTypes: true});
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name))).sort();
}

describe("SCB client against the simulator", () => {
  let base: Sim;
  let split: Sim;
  let faulty: Sim;
  let throttled: Sim;
  let baseline: Run;
  // The slow runs (rate limit, faults) start in beforeAll and wait in the background meanwhile.
  let smallRun: Promise<Run>;
  let limitedRun: Promise<Run>;
  let faultedRun: Promise<Run>;
  const THROTTLED_TABLES = ["regso_population_birthregion", "regso_area_type", "deso_households", "deso_cars"];
  const background = (p: Promise<Run>) => {
    // Rejections are awaited (and reported) by the test; this only keeps them from being "unhandled" meanwhile.
    p.catch(() => undefined);
    return p;
  };

  beforeAll(async () => {
    setQuiet(true);
    [base, split, faulty, throttled] = await Promise.all([
      startSim(),
      startSim({maxCells: 300, scbRate: "0"}),
      startSim({faults: FAULTS, seed: 7, scbRate: "0"}),
      startSim({scbRate: "5/2"})
    ]);
    faultedRun = background(run(faulty, {retryBaseMs: 5, config: {maxRetries: 12}}));
    limitedRun = background(run(throttled, {only: THROTTLED_TABLES}));
    smallRun = background(run(split));
    baseline = await run(base);
  });

  afterAll(async () => {
    await Promise.allSettled([smallRun, limitedRun, faultedRun]);
    await Promise.all([base, split, faulty, throttled].filter(Boolean).map((s) => s.stop()));
    for (const f of cleanup.reverse()) await f();
    setQuiet(false);
  });

  it("fetches every table plus the DeSO→RegSO key and stages them", async () => {
    expect(baseline.datasets.map((d) => d.id).sort()).toEqual(["reference:deso2025_deso2018_key", "reference:deso_regso_key", ...SCB_TABLES.map((t) => `scb:${t.key}`)].sort());
    const counts = await query<{t: string; n: number}>(
      baseline.conn,
      STG_TABLES.map((t) => `select '${t}' as t, count(*)::INTEGER as n from ${t}`).join(" union all ") + " order by t"
    );
    expect(Object.fromEntries(counts.map((c) => [c.t, c.n]))).toEqual({
      stg_scb__deso_cars: 209,
      stg_scb__deso_education: 209 * 5,
      stg_scb__deso_households: 209,
      stg_scb__deso_median_income: 209,
      stg_scb__deso_population_age: 209 * 18,
      stg_scb__deso_population_background: 209 * 3,
      stg_scb__dwellings_tenure: 130 * 4 * 4 + 209 * 4 * 4,
      stg_scb__regso_area_type: 130,
      stg_scb__regso_mean_wage_income: 130 * 4,
      stg_scb__regso_population_birthregion: 130 * 2 * 4
    });
    // TAB6258: DeSO values exist for 2022 only; the other DeSO years are NULL with SCB's '..'.
    const deso = await query(
      baseline.conn,
      `select year, count(dwellings)::INTEGER as present, count(*) filter (where status = '..')::INTEGER as dots
       from stg_scb__dwellings_tenure where region_level = 'deso' group by year order by year`
    );
    expect(deso).toEqual([
      {year: 2020, present: 0, dots: 836},
      {year: 2021, present: 0, dots: 836},
      {year: 2022, present: 836, dots: 0},
      {year: 2023, present: 0, dots: 836}
    ]);
    // Råslätt's three DeSO sum to its RegSO figures for 2022 (PROVENANCE: 2,997 rentals).
    const raslatt = await query(
      baseline.conn,
      `select sum(dwellings)::INTEGER as deso_sum,
              (select dwellings::INTEGER from stg_scb__dwellings_tenure where region_code = '0680R024' and tenure = 'rental' and year = 2022) as regso
       from stg_scb__dwellings_tenure t join stg_areas a on a.area_code = t.region_code
       where a.parent_code = '0680R024' and t.tenure = 'rental' and t.year = 2022`
    );
    expect(raslatt).toEqual([{deso_sum: 2997, regso: 2997}]);
  });

  it("creates the staging tables with exactly the columns of the contract in staging-schema.sql", async () => {
    const contract = await readFile(join(PROJECT_ROOT, "data-loaders", "staging-schema.sql"), "utf8");
    const declared = [...contract.matchAll(/^-- (stg_scb__\w+)\((.*)\)\s+\S+$/gm)].map((m) => [m[1]!, m[2]!.split(",").map((c) => c.trim().split(/\s/)[0])] as const);
    expect(declared.map(([t]) => t).sort()).toEqual([...STG_TABLES].sort());
    for (const [table, columns] of declared) {
      const got = await query<{column_name: string}>(
        baseline.conn,
        "select column_name from information_schema.columns where table_name = $t order by ordinal_position",
        {t: table}
      );
      expect(got.map((c) => c.column_name), table).toEqual(columns);
    }
    const areaTypeType = await query(baseline.conn, "select data_type from information_schema.columns where table_name = 'stg_scb__regso_area_type' and column_name = 'area_type'");
    expect(areaTypeType).toEqual([{data_type: "INTEGER"}]);
  });

  it("resolves the SIM_ stand-in tables by title through /tables?query=", async () => {
    const ids = await query(baseline.conn, "select distinct table_key, table_id from raw_scb__cells where table_id like 'SIM\\_%' escape '\\' order by 1");
    expect(ids).toEqual([
      {table_key: "deso_median_income", table_id: "SIM_INKDESO"},
      {table_key: "regso_area_type", table_id: "SIM_OMRTYP"},
      {table_key: "regso_mean_wage_income", table_id: "SIM_INKREGSO"}
    ]);
    await base.waitForLog((l) => l.includes("GET /scb/api/v2/tables?query=omr%C3%A5destyp%20RegSO&lang=sv&pageSize=100 200"), 1);
    const files = baseline.datasets.find((d) => d.id === "scb:regso_area_type")!.files.map((f) => relative(baseline.dataDir, f.file));
    expect(files[0]).toMatch(/^raw\/scb\/regso_area_type\/search-[0-9a-f]{16}\.json$/);
    expect(files.slice(1).map((f) => f.replace(/[0-9a-f]{16}/, "KEY"))).toEqual([
      "raw/scb/regso_area_type/metadata-SIM_OMRTYP.json",
      "raw/scb/regso_area_type/data-SIM_OMRTYP-KEY.json"
    ]);
  });

  it("fails clearly when a title search finds no table or more than one", async () => {
    const ctx = createContext(loadConfig({dataDir: await tempDir(), scbBase: base.scb}));
    const none = defineScbTable({...areaType, table: {query: "områdestyp RegSO", title: /^Inget sådant/}});
    await expect(fetchScbTable(ctx, none, {maxDataCells: 150_000})).rejects.toThrow(
      /title search "områdestyp RegSO" must find exactly one current table with a title matching \/\^Inget sådant\/, found 0 \(search hits: SIM_OMRTYP/
    );
    const many = defineScbTable({...areaType, table: {query: "RegSO", title: /RegSO/}});
    const err = await rejection(fetchScbTable(ctx, many, {maxDataCells: 150_000}));
    expect(err).toBeInstanceOf(PipelineError);
    expect(err.message).toMatch(/found [2-9] \(search hits: /);
    expect(err.message).toContain(`url: ${base.scb}/tables?query=RegSO`);
  });

  it("gives a non-retried HttpError naming the URL for a bad value code (400) and an unknown table (404)", async () => {
    const ctx = createContext(loadConfig({dataDir: await tempDir(), scbBase: base.scb}));
    const badKon = defineScbTable({...birthregion, totals: [], fixed: {Kon: {codes: ["9"]}}});
    const e400 = (await rejection(fetchScbTable(ctx, badKon, {maxDataCells: 150_000}))) as HttpError;
    expect(e400).toBeInstanceOf(HttpError);
    expect(e400.status).toBe(400);
    expect(e400.attempts).toBe(1);
    expect(e400.message).toContain("Non-existent value");
    expect(e400.message).toContain(`url: ${base.scb}/tables/TAB6572/data?lang=sv&outputFormat=json-stat2`);
    const unknown = defineScbTable({...birthregion, table: {id: "TAB0000"}});
    const e404 = (await rejection(fetchScbTable(ctx, unknown, {maxDataCells: 150_000}))) as HttpError;
    expect(e404).toBeInstanceOf(HttpError);
    expect(e404.status).toBe(404);
    expect(e404.attempts).toBe(1);
    expect(e404.message).toContain("Non-existent table");
    expect(e404.message).toContain(`url: ${base.scb}/tables/TAB0000/metadata?lang=sv`);
    // metadata + data for the 400, metadata for the 404: one attempt each.
    expect(ctx.stats.attempts).toBe(3);
  });

  it("splits the data query under a small maxDataCells and stages the same cells", async () => {
    const small = await smallRun;
    expect(await all(small.conn, "raw_scb__cells")).toEqual(await all(baseline.conn, "raw_scb__cells"));
    for (const t of STG_TABLES) expect(await all(small.conn, t), t).toEqual(await all(baseline.conn, t));
    // One data request per table by default; 51 parts under 300 cells, 19 of them for TAB6258
    // alone (16 cells per region, 18 regions per part).
    const dataFiles = (r: Run) => r.datasets.flatMap((d) => d.files).filter((f) => /\/data-/.test(f.file)).length;
    expect(dataFiles(baseline)).toBe(10);
    expect(dataFiles(small)).toBe(51);
    await split.waitForLog(isPost, 51);
    expect(posts(split)).toHaveLength(51);
    expect(posts(split).every((l) => / 200 \d+ms/.test(l))).toBe(true);
    expect(small.datasets.find((d) => d.id === "scb:dwellings_tenure")!.files.filter((f) => /data-TAB6258-/.test(f.file))).toHaveLength(19);
  });

  it("throttles to the rate limit read from /config: no request is refused with 429", async () => {
    const only = THROTTLED_TABLES;
    const limited = await limitedRun;
    const limiter = limited.ctx.limiters.get(new URL(throttled.scb).host);
    expect([limiter?.calls, limiter?.windowMs]).toEqual([5, 2000]);
    await throttled.waitForLog((l) => l.includes(" /scb/api/v2/"), 10);
    const scbCalls = throttled.log.filter((l) => l.includes(" /scb/api/v2/"));
    expect(scbCalls.length).toBe(10); // config, search, 4 × metadata, 4 × data
    expect(scbCalls.filter((l) => / 429 /.test(l))).toEqual([]);
    expect(limited.ctx.stats.attempts).toBe(limited.ctx.stats.requests);
    const where = `table_key in ('${only.join("', '")}')`;
    expect(await all(limited.conn, "raw_scb__cells", where)).toEqual(await all(baseline.conn, "raw_scb__cells", where));
  });

  it("survives injected faults (429, 500, resets, slow, truncated and HTML bodies) with identical staged cells", async () => {
    const faulted = await faultedRun;
    const kinds = new Set(faulty.log.flatMap((l) => l.match(/fault=(\w+)/)?.[1] ?? []));
    expect(kinds.size).toBeGreaterThanOrEqual(3);
    expect(faulted.ctx.stats.attempts).toBeGreaterThan(faulted.ctx.stats.requests);
    expect(await all(faulted.conn, "raw_scb__cells")).toEqual(await all(baseline.conn, "raw_scb__cells"));
    for (const t of [...STG_TABLES, "stg_areas"]) expect(await all(faulted.conn, t), t).toEqual(await all(baseline.conn, t));
    // Raw file names do not depend on host or port: both runs wrote the same files.
    expect(await rawFiles(faulted.dataDir)).toEqual(await rawFiles(baseline.dataDir));
  });

  it("reuses the raw layer against another host without a request", async () => {
    // Nothing listens on port 9: any request would fail.
    const ctx = createContext(loadConfig({dataDir: baseline.dataDir, scbBase: "http://127.0.0.1:9/scb/api/v2", maxRetries: 0}));
    const again = await fetchScb(ctx);
    expect([ctx.stats.requests, ctx.stats.attempts]).toEqual([0, 0]);
    expect(again.every((d) => d.files.every((f) => f.reused))).toBe(true);
    expect(again.map((d) => d.rows)).toEqual(baseline.datasets.map((d) => d.rows));
  });

  it("stages the foreign-born inputs equal to the published RegSO file, every row both ways", async () => {
    const code = await regsoCodesByName();
    const rows = parseCsv(await readFile(join(SHARED_RAW, "scb-regso-2020-2023", "regso_population_by_birthregion_2020-2023_lan06.csv"), "utf8"));
    const [header, ...data] = rows;
    expect(header!.slice(0, 3)).toEqual(["region", "födelseregion", "kön"]);
    const years = header!.slice(3).map((h) => Number(h.replace(/^Antal /, "")));
    expect(years).toEqual([2020, 2021, 2022, 2023]);
    const birth: Record<string, string> = {Sverige: "sweden", totalt: "total"};
    const expected = data.flatMap((r) =>
      years.map((year, i) => ({region_code: code(r[0]!), birth_region: birth[r[1]!]!, year, persons: num(r[3 + i]!)}))
    );
    expect(expected).toHaveLength(130 * 2 * 4);
    await compareAllRows(baseline.conn, "stg_scb__regso_population_birthregion", "region_code, birth_region, year, persons", expected);
  });

  it("stages the area types equal to the published Delmos/SCB file, every row both ways", async () => {
    const code = await regsoCodesByName();
    const [header, ...data] = parseCsv(await readFile(join(SHARED_RAW, "scb-delmos-omradestyp-2022", "regso_omradestyp_2022_lan06.csv"), "utf8"));
    expect(header).toEqual(["", "2022"]);
    const expected = data.map((r) => ({region_code: code(r[0]!), year: 2022, area_type: num(r[1]!)}));
    expect(expected).toHaveLength(130);
    await compareAllRows(baseline.conn, "stg_scb__regso_area_type", "region_code, year, area_type", expected);
  });

  it("adds 130 RegSO and 209 DeSO to stg_areas, each DeSO under a RegSO of stg_areas", async () => {
    const levels = await query(baseline.conn, "select level, count(*)::INTEGER as n, count(area_type)::INTEGER as typed from stg_areas group by level order by level");
    expect(levels).toEqual([
      {level: "deso", n: 209, typed: 0},
      {level: "regso", n: 130, typed: 130}
    ]);
    const orphans = await query(
      baseline.conn,
      "select d.area_code from stg_areas d left join stg_areas r on r.area_code = d.parent_code and r.level = 'regso' where d.level = 'deso' and r.area_code is null"
    );
    expect(orphans).toEqual([]);
    const named = await query(
      baseline.conn,
      `select area_code, name, short_name, parent_code, municipality_code, county_code, area_type from stg_areas
       where area_code in ('0680R024', '0680R034', '0680R035', '0680R033', '0680R014') order by area_code`
    );
    expect(named).toEqual([
      {area_code: "0680R014", name: "Jönköping (Huskvarna söder)", short_name: "Huskvarna söder", parent_code: "0680", municipality_code: "0680", county_code: "0006", area_type: 3},
      {area_code: "0680R024", name: "Jönköping (Råslätt)", short_name: "Råslätt", parent_code: "0680", municipality_code: "0680", county_code: "0006", area_type: 1},
      {area_code: "0680R033", name: "Jönköping (Österängen)", short_name: "Österängen", parent_code: "0680", municipality_code: "0680", county_code: "0006", area_type: 2},
      {area_code: "0680R034", name: "Jönköping (Öxnehaga)", short_name: "Öxnehaga", parent_code: "0680", municipality_code: "0680", county_code: "0006", area_type: 3},
      {area_code: "0680R035", name: "Jönköping (Öxnehaga centrum)", short_name: "Öxnehaga centrum", parent_code: "0680", municipality_code: "0680", county_code: "0006", area_type: 1}
    ]);
    const raslattDeso = await query(baseline.conn, "select count(*)::INTEGER as n from stg_areas where parent_code = '0680R024'");
    expect(raslattDeso).toEqual([{n: 3}]);
  });
});

async function rejection(p: Promise<unknown>): Promise<Error> {
  return p.then(
    () => {
      throw new Error("expected a rejection");
    },
    (e: unknown) => e as Error
  );
}

/** RegSO name "Kommun (Område)" → code, from the published key file (independent of our staging). */
async function regsoCodesByName(): Promise<(name: string) => string> {
  const [header, ...rows] = parseCsv(await readFile(join(SHARED_RAW, "scb-delmos-omradestyp-2022", "koppling_deso2018_regso2020_lan06.csv"), "utf8"));
  const col = (c: string) => header!.indexOf(c);
  const map = new Map(rows.map((r) => [`${r[col("Kommunnamn")]} (${r[col("RegSO_2020")]})`, r[col("RegSOkod_2020")]!]));
  return (name) => {
    const c = map.get(name.trim());
    if (!c) throw new Error(`RegSO name not in the key: ${name}`);
    return c;
  };
}

function num(s: string): number | null {
  const t = s.trim();
  return t === "" || /^\.+$/.test(t) || t === "-" ? null : Number(t);
}

/** Same row count, and no row of either side missing from the other (EXCEPT ALL both ways). */
async function compareAllRows(conn: DuckDBConnection, table: string, columns: string, expected: Record<string, string | number | null>[]): Promise<void> {
  const cols = columns.split(", ");
  await exec(conn, `create or replace temp table expected as select ${cols.map((c) => `unnest($${c}) as ${c}`).join(", ")}`, Object.fromEntries(cols.map((c) => [c, listValue(expected.map((r) => r[c]!))])));
  const [counts] = await query<{staged: number; published: number}>(conn, `select (select count(*)::INTEGER from ${table}) as staged, (select count(*)::INTEGER from expected) as published`);
  expect(counts).toEqual({staged: expected.length, published: expected.length});
  expect(await query(conn, `select ${columns} from ${table} except all select ${columns} from expected`)).toEqual([]);
  expect(await query(conn, `select ${columns} from expected except all select ${columns} from ${table}`)).toEqual([]);
}
