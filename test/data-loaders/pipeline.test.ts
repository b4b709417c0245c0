// The pipeline end to end against the simulator over real HTTP: faults, atomic swap, --offline, CLI.
import {createHash} from "node:crypto";
import {once} from "node:events";
import {createServer} from "node:http";
import type {AddressInfo} from "node:net";
import {spawnSync} from "node:child_process";
import {existsSync} from "node:fs";
import {copyFile, mkdtemp, readdir, readFile, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join, relative, sep} from "node:path";
import {unzipSync} from "fflate";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {parseCli} from "../../data-loaders/cli-args.js";
import {loadConfig, PROJECT_ROOT} from "../../data-loaders/lib/config.js";
import {openDb, query} from "../../data-loaders/lib/duckdb.js";
import {setQuiet} from "../../data-loaders/lib/log.js";
import {runPipeline, type RunOptions} from "../../data-loaders/pipeline.js";
import {INDICATORS} from "../../indicators/index.js";
import {startSim, type Sim} from "../helpers/api-sim.js";

setQuiet(true);
const FAULTS = "429:0.2,500:0.1,reset:0.05,slow:0.05@2000,truncate:0.05,html:0.05";

const sha = async (file: string) => createHash("sha256").update(await readFile(file)).digest("hex");

/** Every staged row of the tables the sources fill, in a canonical order, as one string. */
async function stagedSnapshot(dataDir: string): Promise<Record<string, string>> {
  const db = await openDb(join(dataDir, "warehouse.duckdb"));
  const out: Record<string, string> = {};
  for (const t of ["stg_kolada__values", "stg_kolada__kpis", "stg_areas", "raw_scb__cells"]) {
    const rows = await query(db.conn, `select * from ${t} order by all`);
    out[t] = `${rows.length}:${createHash("sha256").update(JSON.stringify(rows)).digest("hex")}`;
  }
  db.close();
  return out;
}

function opts(config: ReturnType<typeof loadConfig>, o: Partial<RunOptions>): RunOptions {
  return {command: "all", scope: "county", offline: false, refresh: false, only: [], config, retryBaseMs: 20, ...o};
}

describe("pipeline over the simulator", () => {
  let clean: Sim;
  let faulty: Sim;
  let dead: Sim;
  let dir: string;
  beforeAll(async () => {
    [clean, faulty, dead] = await Promise.all([startSim(), startSim({faults: FAULTS, seed: 7}), startSim({faults: "500:1"})]);
    dir = await mkdtemp(join(tmpdir(), "pipeline-test-"));
  });
  afterAll(async () => {
    await Promise.all([clean.stop(), faulty.stop(), dead.stop()]);
    await rm(dir, {recursive: true, force: true});
  });

  const cfg = (sim: Sim, name: string, extra: Partial<ReturnType<typeof loadConfig>> = {}) =>
    loadConfig({koladaBase: sim.kolada, scbBase: sim.scb, dataDir: join(dir, name), publishDir: join(dir, name, "pub"), boundariesSource: "reference", ...extra});

  it("stages the same rows and values with injected faults as without", async () => {
    const a = cfg(clean, "clean");
    const b = cfg(faulty, "faulty", {maxRetries: 14, timeoutMs: 10_000});
    const ra = await runPipeline(opts(a, {command: "all"}));
    const rb = await runPipeline(opts(b, {command: "all"}));
    expect(ra.ok && rb.ok).toBe(true);
    // The faulty run needed more attempts than requests: the faults really happened.
    expect(rb.requests.attempts).toBeGreaterThan(rb.requests.network);
    expect(faulty.log.some((l) => /fault=(429|500|reset|truncate|html)/.test(l))).toBe(true);
    const [sa, sb] = [await stagedSnapshot(a.dataDir), await stagedSnapshot(b.dataDir)];
    expect(sb).toEqual(sa);
    expect(Number(sa.stg_kolada__values!.split(":")[0])).toBeGreaterThan(50_000);
    // Two full runs, one through injected faults: generous on a busy 2-core CI machine.
  }, 240_000);

  it("reuses the raw layer on a re-run (no network) and reports no changes", async () => {
    const a = cfg(clean, "clean");
    const first = join(dir, "first-warehouse.duckdb");
    await copyFile(join(a.dataDir, "warehouse.duckdb"), first);
    const r = await runPipeline(opts(a, {command: "all"}));
    expect(r.requests.network).toBe(0);
    expect(r.requests.reused_raw_files).toBeGreaterThan(5);
    const kolada = r.changes?.find((c) => c.table === "stg_kolada__values");
    expect(kolada).toMatchObject({added: 0, removed: 0, changed: 0});
    // unchanged data: every indicator's tidy files are copied from the first run (publish/reuse.ts) ...
    expect(r.published_tidy_reused).toBe(INDICATORS.length);
    // ... and bulk.zip still holds every published file (the reports and Parquet files are added at its end)
    const files = (await readdir(a.publishDir, {recursive: true, withFileTypes: true})).filter((e) => e.isFile() && e.name !== "bulk.zip");
    const zipped = Object.keys(unzipSync(new Uint8Array(await readFile(join(a.publishDir, "bulk.zip"))))).filter((n) => n !== "README.txt");
    expect(zipped.sort()).toEqual(files.map((e) => relative(a.publishDir, join(e.parentPath, e.name)).split(sep).join("/")).sort());
    expect(r.published_files).toBe(files.length + 1);
    // nothing the compute stages read changed: their tables are the first run's, copied (lib/stage-reuse.ts) ...
    expect(r.reused_stages).toEqual(["compute"]);
    // ... and every table of the new warehouse (but the reuse records) equals the first run's: definition and rows
    const db = await openDb(join(a.dataDir, "warehouse.duckdb"));
    try {
      await db.conn.run(`ATTACH '${first}' AS first (READ_ONLY)`);
      const defs = async (database: string) =>
        query<{t: string; sql: string}>(db.conn, `SELECT table_name AS t, sql FROM duckdb_tables() WHERE database_name = $d AND table_name NOT LIKE 'meta_published_tidy' ORDER BY t`, {d: database});
      const [now, then] = [await defs("warehouse"), await defs("first")];
      expect(now.map((d) => d.t)).toEqual(then.map((d) => d.t));
      expect(now).toEqual(then);
      expect(now.map((d) => d.t)).toEqual(expect.arrayContaining(["mart_indicator_values", "mart_indicator_summary", "mart_area_comparisons", "peers"]));
      const differing: string[] = [];
      for (const {t} of now) {
        const [d] = await query<{n: number}>(
          db.conn,
          `SELECT ((SELECT count(*) FROM (FROM main."${t}" EXCEPT ALL FROM first.main."${t}")) + (SELECT count(*) FROM (FROM first.main."${t}" EXCEPT ALL FROM main."${t}")))::INTEGER AS n`
        );
        if (d!.n) differing.push(`${t}: ${d!.n} rows`);
      }
      expect(differing).toEqual([]);
    } finally {
      db.close();
    }
  });

  it("leaves the previous warehouse and published files byte-identical when every request fails", async () => {
    const a = cfg(clean, "clean");
    const before = await sha(join(a.dataDir, "warehouse.duckdb"));
    const failing = {...a, koladaBase: dead.kolada, scbBase: dead.scb, maxRetries: 2};
    await expect(runPipeline(opts(failing, {command: "all", refresh: true}))).rejects.toThrow(/HTTP 500[\s\S]*gave up after 3 attempts/);
    expect(await sha(join(a.dataDir, "warehouse.duckdb"))).toBe(before);
    const last = JSON.parse(await readFile(join(a.dataDir, "last-run.json"), "utf8")) as {ok: boolean};
    expect(last.ok).toBe(true);
  });

  it("--offline never touches the network and names what is missing", async () => {
    // A server of this test alone: no late log line of another test's request can land in its count.
    let requests = 0;
    const server = createServer((_req, res) => {
      requests++;
      res.writeHead(500).end();
    });
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const empty = loadConfig({koladaBase: `${base}/kolada/v3`, scbBase: `${base}/scb/api/v2`, dataDir: join(dir, "empty"), publishDir: join(dir, "empty", "pub")});
      await expect(runPipeline(opts(empty, {command: "fetch", offline: true}))).rejects.toThrow(/--offline: no raw copy[\s\S]*raw[/\\]kolada/);
      expect(requests).toBe(0);
      expect(existsSync(join(empty.dataDir, "warehouse.duckdb"))).toBe(false);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});

describe("pipeline command line", () => {
  it("parses the documented arguments", () => {
    expect(parseCli(["fetch", "--scope", "sweden", "--only", "scb:deso_cars", "--refresh"])).toEqual({
      command: "fetch", scope: "sweden", offline: false, refresh: true, only: ["scb:deso_cars"]
    });
    expect(parseCli([])).toMatchObject({command: "all", scope: "county"});
  });

  it("rejects bad arguments with usage and exit code 2", () => {
    for (const args of [["bogus"], ["--scope", "europe"], ["--only", "x"], ["--frobnicate"], ["all", "--offline", "--refresh"]]) {
      const r = spawnSync(join(PROJECT_ROOT, "node_modules", ".bin", "tsx"), [join(PROJECT_ROOT, "data-loaders", "cli.ts"), ...args], {encoding: "utf8"});
      expect(r.status, args.join(" ")).toBe(2);
      expect(r.stderr).toMatch(/usage: npm run pipeline/);
    }
    // Five tsx process starts: slow on a loaded machine, never wrong.
  }, 180_000);
});
