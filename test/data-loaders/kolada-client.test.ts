// Kolada client + staging against the local simulator (real data from ../shared, no internet).
import {mkdtemp, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import type {DuckDBConnection} from "@duckdb/node-api";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {loadConfig, PROJECT_ROOT, type PipelineConfig} from "../../data-loaders/lib/config.js";
import {query} from "../../data-loaders/lib/duckdb.js";
import {CompletenessError, HttpError} from "../../data-loaders/lib/errors.js";
import {createContext, type FetchContext} from "../../data-loaders/lib/fetcher.js";
import {setQuiet} from "../../data-loaders/lib/log.js";
import type {FetchedDataset, Scope} from "../../data-loaders/lib/types.js";
import {fetchKolada, fetchPages, pageParser} from "../../data-loaders/kolada/client.js";
import {KOLADA_KPIS} from "../../data-loaders/kolada/kpis.js";
import {KoladaDataPage} from "../../data-loaders/kolada/schemas.js";
import {stageKolada} from "../../data-loaders/kolada/stage.js";
import {startSim, type Sim} from "../helpers/api-sim.js";
import {freshDb} from "../helpers/db.js";

const COUNTY_CSV = join(PROJECT_ROOT, "..", "shared", "data", "raw", "kolada-ddf-dump", "kolada_jonkoping_lan_integration_long.csv");
const FAULTS = "429:0.2,500:0.1,reset:0.05,slow:0.05@2000,truncate:0.05,html:0.05";

const dirs: string[] = [];
async function tempDir(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), "kolada-client-"));
  dirs.push(d);
  return d;
}

async function context(base: string, cfg: Partial<PipelineConfig> = {}, opts: {offline?: boolean} = {}): Promise<FetchContext> {
  return createContext(loadConfig({dataDir: await tempDir(), koladaBase: base, ...cfg}), {retryBaseMs: 5, ...opts});
}

/** Fetch and stage into a fresh in-memory DuckDB. */
async function run(ctx: FetchContext, scope: Scope, kpis: readonly string[] = KOLADA_KPIS) {
  const datasets = await fetchKolada(ctx, {scope, kpis});
  const db = await freshDb();
  await stageKolada(db.conn, datasets, {scope});
  return {datasets, db};
}

/** Row count and an order-independent checksum of the staged values. */
async function checksum(conn: DuckDBConnection): Promise<{n: number; sum: string}> {
  const [r] = await query<{n: number; sum: string}>(
    conn,
    "select count(*)::int as n, sum(hash(kpi, area_code, year, gender, value, status))::varchar as sum from stg_kolada__values"
  );
  return r!;
}

/** Data requests the simulator logged since `from`, with their status. */
function dataRequests(sim: Sim, from = 0): {path: string; status: string}[] {
  return sim.log
    .slice(from)
    .map((l) => /^\[api-sim\] GET (\/kolada\/v3\/\S+) (\S+)/.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({path: m[1]!, status: m[2]!}));
}

const byId = (ds: FetchedDataset[], id: string) => ds.find((d) => d.id === id)!;

setQuiet(true);

describe("Kolada client against the simulator (county scope, all tracked KPIs)", () => {
  let sim: Sim;
  let baseline: {datasets: FetchedDataset[]; conn: DuckDBConnection; close: () => void; requests: number; sum: {n: number; sum: string}; dataDir: string};

  beforeAll(async () => {
    sim = await startSim({scope: "county"});
    const ctx = await context(sim.kolada);
    const {datasets, db} = await run(ctx, "county");
    baseline = {datasets, conn: db.conn, close: db.close, requests: ctx.stats.requests, sum: await checksum(db.conn), dataDir: ctx.config.dataDir};
  });
  afterAll(async () => {
    baseline?.close();
    await sim?.stop();
    await Promise.all(dirs.map((d) => rm(d, {recursive: true, force: true})));
  });

  it("stages exactly the published county file: every KPI, area, gender and year", async () => {
    const conn = baseline.conn;
    await conn.run(
      `create temp table expected as
       select kpi, kolada_id as area_code, year, gender, value
       from read_csv($file, header = true, delim = ',',
         columns = {kpi: 'VARCHAR', category: 'VARCHAR', kolada_id: 'VARCHAR', geo_level: 'VARCHAR', geo_name: 'VARCHAR',
                    gender: 'VARCHAR', year: 'INTEGER', value: 'DOUBLE'})`,
      {file: COUNTY_CSV}
    );
    const [r] = await query<Record<string, number>>(
      conn,
      `with staged as (select kpi, area_code, year, gender, value from stg_kolada__values)
       select
         (select count(*) from staged)::int as staged_rows,
         (select count(*) from expected)::int as expected_rows,
         (select count(*) from (select distinct * from staged))::int as staged_distinct,
         (select count(*) from (select * from staged except select * from expected))::int as only_staged,
         (select count(*) from (select * from expected except select * from staged))::int as only_expected,
         (select count(distinct kpi) from staged)::int as kpis,
         (select count(distinct area_code) from staged)::int as areas,
         (select count(*) from stg_kolada__values where status is not null or value is null)::int as with_status`
    );
    expect(r).toEqual({
      staged_rows: 56243, expected_rows: 56243, staged_distinct: 56243, only_staged: 0, only_expected: 0,
      kpis: KOLADA_KPIS.length, areas: 15, with_status: 0
    });
    expect(byId(baseline.datasets, "kolada:values").rows).toBe(56243);
    const [meta] = await query<{kpis: number; areas: number; munis: number}>(
      conn,
      `select (select count(*) from stg_kolada__kpis)::int as kpis, (select count(*) from stg_areas)::int as areas,
              (select count(*) from stg_areas where level = 'municipality' and county_code = '0006')::int as munis`
    );
    expect(meta).toEqual({kpis: KOLADA_KPIS.length, areas: 15, munis: 13});
  });

  it("chunks more than 25 KPIs into segments of at most 25 ids, with no 400", async () => {
    await sim.waitForLog((l) => /^\[api-sim\] GET \/kolada\/v3\//.test(l), baseline.requests);
    const reqs = dataRequests(sim);
    const data = reqs.filter((r) => r.path.includes("/data/"));
    expect(data.length).toBeGreaterThanOrEqual(Math.ceil(KOLADA_KPIS.length / 25));
    expect(reqs.filter((r) => r.status !== "200")).toEqual([]);
    for (const r of reqs) {
      for (const seg of new URL(r.path, "http://x").pathname.split("/")) expect(seg.split(",").length).toBeLessThanOrEqual(25);
    }
  });

  it("keeps raw files with sidecars and reuses them offline against another host and port", async () => {
    const files = baseline.datasets.flatMap((d) => d.files);
    expect(files.every((f) => f.file.startsWith(join(baseline.dataDir, "raw", "kolada")) && !f.reused)).toBe(true);
    expect(files[0]!.publisher).toBe("Kolada (RKA, Rådet för främjande av kommunala analyser)");
    expect(files[0]!.licence).toMatch(/Källa: Kolada/);
    const ctx = createContext(loadConfig({dataDir: baseline.dataDir, koladaBase: "http://127.0.0.1:9/kolada/v3"}), {offline: true});
    const {datasets, db} = await run(ctx, "county");
    // No attempt at all (the base is a closed port besides): the shared simulator's log is not read, since a late
    // line of an earlier test could land in it.
    expect(ctx.stats).toMatchObject({requests: 0, attempts: 0, reused: baseline.requests});
    expect(datasets.flatMap((d) => d.files.map((f) => f.file))).toEqual(files.map((f) => f.file));
    expect(await checksum(db.conn)).toEqual(baseline.sum);
    db.close();
  });

  it("follows next_url: per_page 500 stages exactly the same rows with more requests", async () => {
    const ctx = await context(sim.kolada, {koladaPerPage: 500});
    const before = sim.log.length;
    const {datasets, db} = await run(ctx, "county");
    expect(await checksum(db.conn)).toEqual(baseline.sum);
    expect(ctx.stats.requests).toBeGreaterThan(baseline.requests + 40);
    expect(byId(datasets, "kolada:values").files.length).toBeGreaterThan(byId(baseline.datasets, "kolada:values").files.length);
    await sim.waitForLog((l) => / GET \/kolada\/v3\/data\/\S*page=2/.test(l), sim.log.slice(0, before).filter((l) => / GET \/kolada\/v3\/data\/\S*page=2/.test(l)).length + 1);
    expect(dataRequests(sim, before).filter((r) => r.path.includes("page=2")).length).toBeGreaterThan(0);
    db.close();
  });

  it("reads a reused page's successor from its file and fetches a missing one from the rebased next_url", async () => {
    const first = await context(sim.kolada, {koladaPerPage: 500});
    const datasets = await fetchKolada(first, {scope: "county", kpis: KOLADA_KPIS});
    const dropped = byId(datasets, "kolada:values").files.find((f) => f.file.endsWith("-p0002.json"))!;
    await rm(dropped.file);
    await rm(`${dropped.file}.meta.json`);
    const other = await startSim({scope: "county"});
    try {
      const ctx = createContext(loadConfig({dataDir: first.config.dataDir, koladaBase: other.kolada, koladaPerPage: 500}));
      const again = await fetchKolada(ctx, {scope: "county", kpis: KOLADA_KPIS});
      expect(ctx.stats).toMatchObject({requests: 1, reused: first.stats.requests - 1});
      const refetched = byId(again, "kolada:values").files.find((f) => f.file === dropped.file)!;
      expect(refetched.reused).toBe(false);
      // Same page of the same request, but from the new host: next_url was rebased, not followed to the old port.
      expect(new URL(refetched.url).pathname + new URL(refetched.url).search).toBe(new URL(dropped.url).pathname + new URL(dropped.url).search);
      expect(refetched.url.startsWith(other.kolada)).toBe(true);
      // The body differs only in its host-specific links; the staged values are the same.
      const db = await freshDb();
      await stageKolada(db.conn, again, {scope: "county"});
      expect(await checksum(db.conn)).toEqual(baseline.sum);
      db.close();
    } finally {
      await other.stop();
    }
  });

  it("a path segment with 26 ids gets the 400 as an HttpError naming the URL, not retried", async () => {
    const ctx = await context(sim.kolada);
    const ids = KOLADA_KPIS.slice(0, 26).join(",");
    const err = await fetchPages(ctx, "values", `/data/kpi/${ids}/municipality/0680`, pageParser(KoladaDataPage)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HttpError);
    expect((err as HttpError).status).toBe(400);
    expect((err as HttpError).attempts).toBe(1);
    expect((err as Error).message).toContain(`${sim.kolada}/data/kpi/${ids}/municipality/0680?per_page=5000`);
    expect((err as Error).message).toMatch(/at most 25/);
    expect(ctx.stats.attempts).toBe(1);
  });

  it("an unknown route gets the 404 as an HttpError naming the URL, not retried", async () => {
    const ctx = await context(sim.kolada);
    const err = await fetchPages(ctx, "values", "/data/kpi/N02268", pageParser(KoladaDataPage)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HttpError);
    expect((err as HttpError).status).toBe(404);
    expect((err as Error).message).toContain(`${sim.kolada}/data/kpi/N02268?per_page=5000`);
    expect(ctx.stats.attempts).toBe(1);
  });

  it("a mistyped KPI id (an empty 200) is a CompletenessError naming the KPI and URL", async () => {
    const ctx = await context(sim.kolada);
    const err = await fetchKolada(ctx, {scope: "county", kpis: ["N02267", "n02268"]}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CompletenessError);
    const msg = (err as Error).message;
    expect(msg).toContain("KPI n02268: missing from the /kpi answer");
    expect(msg).toContain("KPI n02268: no values for any requested area");
    expect(msg).toContain(`${sim.kolada}/data/kpi/N02267,n02268/municipality/0000,0006,0604`);
    expect(msg).not.toContain("KPI N02267");
    // Declared optional, the same id is tolerated and the real KPI is fetched.
    const ok = await fetchKolada(await context(sim.kolada), {scope: "county", kpis: ["N02267"], optionalKpis: ["n02268"]});
    expect(byId(ok, "kolada:kpi").rows).toBe(1);
    expect(byId(ok, "kolada:values").rows).toBeGreaterThan(0);
  });

  it("with injected faults (429, 500, resets, slow, truncated, HTML) stages exactly the fault-free values", async () => {
    const faulty = await startSim({scope: "county", faults: FAULTS, seed: 4});
    try {
      // A generous retry cap: with half the requests faulted, 13 attempts make a give-up vanishingly rare.
      const ctx = await context(faulty.kolada, {maxRetries: 12});
      const {db} = await run(ctx, "county");
      expect(await checksum(db.conn)).toEqual(baseline.sum);
      const kinds = faulty.log.map((l) => / fault=(\w+)/.exec(l)?.[1]).filter((k): k is string => k !== undefined);
      // Every fault but "slow" costs exactly one extra attempt; nothing else failed.
      expect(ctx.stats.attempts - ctx.stats.requests).toBe(kinds.filter((k) => k !== "slow").length);
      expect(new Set(kinds)).toEqual(new Set(["429", "500", "reset", "slow", "truncate", "html"]));
      db.close();
    } finally {
      await faulty.stop();
    }
  });
});

describe("Kolada client against the simulator (sweden scope)", () => {
  it("chunks 312 areas into segments of at most 25 and gets values for every area", async () => {
    const sim = await startSim({scope: "sweden"});
    try {
      const ctx = await context(sim.kolada);
      const kpis = ["N02267", "N02268", "N01951"];
      const {datasets, db} = await run(ctx, "sweden", kpis);
      const [r] = await query<{areas: number; kpis: number; staged_areas: number}>(
        db.conn,
        `select (select count(distinct area_code) from stg_kolada__values)::int as areas, (select count(distinct kpi) from stg_kolada__values)::int as kpis,
                (select count(*) from stg_areas)::int as staged_areas`
      );
      expect(r).toEqual({areas: 312, kpis: 3, staged_areas: 312});
      await sim.waitForLog((l) => /^\[api-sim\] GET \/kolada\/v3\/data\//.test(l), Math.ceil(312 / 25));
      const data = dataRequests(sim).filter((q) => q.path.includes("/data/"));
      expect(data.length).toBe(Math.ceil(312 / 25));
      expect(data.every((q) => q.status === "200")).toBe(true);
      expect(byId(datasets, "kolada:municipality").rows).toBe(312);
      db.close();
    } finally {
      await sim.stop();
    }
  });
});
