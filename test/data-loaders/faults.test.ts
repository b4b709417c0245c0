/**
 * Bad days, end to end: a mutating loopback proxy in front of the simulator injects one defect per run. Every bad
 * run must fail (non-zero exit / rejected run) naming what is wrong, with the live warehouse, published files and
 * last-run.json byte-identical. Also: a failing swap, two concurrent runs, a stale lock, leftovers of a crashed run,
 * trailing whitespace (valid answers always stage), --scb-rate 3/1.
 */
import {createHash} from "node:crypto";
import {spawnSync} from "node:child_process";
import {existsSync, readdirSync, readFileSync, statSync} from "node:fs";
import {mkdir, mkdtemp, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {loadConfig, type PipelineConfig} from "../../data-loaders/lib/config.js";
import {setQuiet} from "../../data-loaders/lib/log.js";
import {lockPath} from "../../data-loaders/lib/run-lock.js";
import {KOLADA_KPIS} from "../../data-loaders/kolada/kpis.js";
import {runPipeline, type RunOptions} from "../../data-loaders/pipeline.js";
import {allInputs} from "../../indicators/index.js";
import {startSim, type Sim} from "../helpers/api-sim.js";
import {rewriteJson, startProxy, type Proxy} from "../helpers/mutating-proxy.js";

setQuiet(true);

/** sha256 of every live file: the warehouse, last-run.json and each published file. */
function liveSnapshot(c: PipelineConfig): Record<string, string> {
  const out: Record<string, string> = {};
  const add = (f: string, name: string) => (out[name] = createHash("sha256").update(readFileSync(f)).digest("hex"));
  add(join(c.dataDir, "warehouse.duckdb"), "warehouse.duckdb");
  add(join(c.dataDir, "last-run.json"), "last-run.json");
  for (const e of readdirSync(c.publishDir, {recursive: true, withFileTypes: true})) {
    if (e.isFile()) add(join(e.parentPath, e.name), `pub/${join(e.parentPath, e.name).slice(c.publishDir.length + 1)}`);
  }
  return out;
}

/** Files a crashed or failed run could leave behind. */
function leftovers(dir: string): string[] {
  return readdirSync(dir, {recursive: true, withFileTypes: true})
    .filter((e) => /\.(tmp|old|new)(\.wal)?$|\.commit-|swap-journal/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

const UNUSED_KPI = KOLADA_KPIS.find((k) => !allInputs().includes(`kolada:${k}`))!;

describe("fault runs through a mutating proxy", () => {
  let sim: Sim;
  let proxy: Proxy;
  let dir: string;
  let live: PipelineConfig;
  let before: Record<string, string>;
  const run = (o: Partial<RunOptions>, config = live) =>
    runPipeline({command: "all", scope: "county", offline: false, refresh: false, only: [], config, retryBaseMs: 10, ...o});

  beforeAll(async () => {
    sim = await startSim();
    proxy = await startProxy(sim.url);
    dir = await mkdtemp(join(tmpdir(), "faults-"));
    live = loadConfig({koladaBase: proxy.kolada, scbBase: proxy.scb, dataDir: join(dir, "data"), publishDir: join(dir, "pub"), maxRetries: 3});
    const r = await run({});
    expect(r.ok).toBe(true);
    before = liveSnapshot(live);
  });
  afterAll(async () => {
    await proxy.close();
    await sim.stop();
    await rm(dir, {recursive: true, force: true});
  });

  /** A bad run: rejected with a message matching every pattern, nothing live changed, no temp files left. */
  async function refused(o: Partial<RunOptions>, patterns: RegExp[]): Promise<string> {
    const err = await run(o).then(
      () => new Error("the run succeeded"),
      (e: unknown) => e as Error
    );
    for (const p of patterns) expect(err.message).toMatch(p);
    expect(liveSnapshot(live)).toEqual(before);
    expect(leftovers(dir)).toEqual([]);
    // The raw layer keeps what the server sent (raw is raw): fetch the clean answers again for the next test.
    proxy.mutate = {};
    if (o.refresh) await run({command: "fetch", refresh: true, only: o.only ?? []});
    before = liveSnapshot(live);
    return err.message;
  }

  it("negated SCB counts for one RegSO: refused with table, area, year, URL and JSON path", async () => {
    proxy.mutate = rewriteJson(/\/tables\/TAB6572\/data/, (j: {value: (number | null)[]; size: number[]}) => {
      const perRegion = j.size.slice(1).reduce((a, b) => a * b, 1);
      j.value = j.value.map((v, i) => (i < perRegion && v !== null ? -v : v));
      return j;
    });
    await refused({refresh: true, only: ["scb:regso_population_birthregion"]}, [
      /plausibility: \[scb scb:regso_population_birthregion\] region 06\d\dR\d{3}, .* year \d{4}: value -\d+ outside the plausible range \[0,/,
      /url: http:\/\/127\.0\.0\.1:\d+\/scb\/api\/v2\/tables\/TAB6572\/data/,
      /at \$\.value\[\d+\]/
    ]);
  });

  it("a negative share in a used KPI: refused naming KPI, area, year, gender and JSON path", async () => {
    proxy.mutate = rewriteJson(/\/data\/kpi\/[^/]*N02926[^/]*\/municipality\//, (j: {values: {kpi: string; values: {value: number | null}[]}[]}) => {
      const row = j.values.find((r) => r.kpi === "N02926");
      if (row) row.values[0]!.value = -5;
      return j;
    });
    await refused({refresh: true, only: ["kolada"]}, [/KPI N02926, area \d{4}, year \d{4}, gender [KMT]: value -5 outside the plausible range \[0, 100\]/, /at \$\.values\[\d+\]\.values\[0\]\.value/]);
  });

  it("1e308 and a duplicated row in a KPI no indicator uses: both reported together", async () => {
    expect(UNUSED_KPI).toBeDefined();
    proxy.mutate = rewriteJson(new RegExp(`/data/kpi/.*${UNUSED_KPI}`), (j: {count: number; values: {kpi: string; values: {value: number | null}[]}[]}) => {
      const rows = j.values.filter((r) => r.kpi === UNUSED_KPI);
      if (rows.length >= 2) {
        rows[0]!.values[0]!.value = 1e308;
        j.values.push(structuredClone(rows[1]!));
        j.count = j.values.length;
      }
      return j;
    });
    await refused({refresh: true, only: ["kolada"]}, [
      new RegExp(`KPI ${UNUSED_KPI}, .*value 1e\\+308 outside the plausible range`),
      new RegExp(`KPI ${UNUSED_KPI}, .*: 2 values for one key`)
    ]);
  });

  it("a series losing most of its areas: refused unless --accept-coverage-drop, which the report records", async () => {
    const keep = new Set(["0000", "0006", "0680", "0687"]);
    proxy.mutate = rewriteJson(/\/data\/kpi\/[^/]*N02926[^/]*\/municipality\//, (j: {count: number; values: {kpi: string; municipality: string}[]}) => {
      j.values = j.values.filter((r) => r.kpi !== "N02926" || keep.has(r.municipality));
      j.count = j.values.length;
      return j;
    });
    // The indicators' own expected-area checks may also fire; the coverage check must be among the failures.
    const msg = await refused({refresh: true, only: ["kolada"]}, [/\[kolada\] N02926: areas with values \d+ → 4 since the previous run \(a sharp drop in coverage/]);
    expect(msg).toMatch(/--accept-coverage-drop/);
  });

  it("Retry-After: 3600 fails at once with a clear message instead of waiting an hour", async () => {
    const asked: string[] = [];
    proxy.mutate = {
      intercept: (ex) => {
        if (!ex.path.includes("/data/kpi/")) return undefined;
        asked.push(ex.path);
        return {status: 429, headers: {"retry-after": "3600"}, body: Buffer.from("slow down")};
      }
    };
    await refused({refresh: true, only: ["kolada"]}, [/HTTP 429 with Retry-After: 3600 \(3600 s\), longer than the cap of 120 s: not waiting/]);
    // Not waited and not retried: each data URL was asked for once.
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.length).toBe(new Set(asked).size);
  });

  it("a redirect to another host is refused, not followed", async () => {
    proxy.mutate = {intercept: (ex) => (ex.path.includes("/data/kpi/") ? {status: 302, headers: {location: `http://127.0.0.2:9${ex.path}`}, body: Buffer.alloc(0)} : undefined)};
    await refused({refresh: true, only: ["kolada"]}, [/HTTP 302 redirect to another host refused: http:\/\/127\.0\.0\.2:9/]);
  });

  it("a failing swap (disk full on the third rename) leaves everything as it was", async () => {
    proxy.mutate = {};
    await refused(
      {
        swapHook: ({index}) => {
          if (index === 3) throw Object.assign(new Error("ENOSPC: no space left on device (simulated)"), {code: "ENOSPC"});
        }
      },
      [/ENOSPC/]
    );
  });

  it("two concurrent runs on one data directory: the second refuses clearly", async () => {
    proxy.mutate = {};
    const first = run({command: "stage"});
    // The lock is taken synchronously when the first run starts.
    expect(existsSync(lockPath(live.dataDir))).toBe(true);
    await expect(run({command: "stage"})).rejects.toThrow(/another pipeline run holds .*pipeline\.lock \(pid \d+ on .*, started .*\)/);
    expect((await first).ok).toBe(true);
    expect(existsSync(lockPath(live.dataDir))).toBe(false);
    before = liveSnapshot(live);
  });

  it("a stale lock (dead pid) is taken over and named in the report", async () => {
    const dead = spawnSync(process.execPath, ["-e", "0"]).pid!;
    await writeFile(lockPath(live.dataDir), JSON.stringify({pid: dead, host: (await import("node:os")).hostname(), started_at: "2026-01-01T00:00:00Z", command: "all"}));
    const r = await run({command: "stage"});
    expect(r.recovered?.stale_lock).toMatchObject({pid: dead});
    before = liveSnapshot(live);
  });

  it("removes the temp files a crashed run left (warehouse, published copy, raw bodies)", async () => {
    const crashed = [
      join(live.dataDir, "warehouse.duckdb.99999.1700000000000.tmp"),
      join(live.dataDir, "warehouse.duckdb.99999.1700000000000.tmp.wal"),
      join(live.dataDir, "last-run.json.99999.new"),
      join(live.dataDir, "raw", "kolada", "values", "x-p0001.json.99999-1.new"),
      join(live.dataDir, "raw", "kolada", "values", "x-p0001.json.99999.tmp")
    ];
    for (const f of crashed) await writeFile(f, "left by a killed run");
    await mkdir(`${live.publishDir}.99999.tmp`, {recursive: true});
    await writeFile(join(`${live.publishDir}.99999.tmp`, "a.csv"), "x");
    const r = await run({command: "stage"});
    expect(r.recovered?.temp_files_removed).toBe(6);
    expect(leftovers(dir)).toEqual([]);
    before = liveSnapshot(live);
  });

  it("valid answers ending in whitespace always stage (ten runs in a row)", async () => {
    proxy.mutate = {rewrite: (_ex, a) => (a.status === 200 ? {...a, body: Buffer.concat([a.body, Buffer.from("\n \r\n\t\n")])} : a)};
    const ws = loadConfig({...live, dataDir: join(dir, "ws"), publishDir: join(dir, "ws-pub")});
    expect((await run({command: "fetch", refresh: true}, ws)).ok).toBe(true);
    expect((await run({command: "stage"}, ws)).ok).toBe(true);
    const raw = readdirSync(join(ws.dataDir, "raw", "kolada", "values")).find((f) => f.endsWith(".json"))!;
    expect(readFileSync(join(ws.dataDir, "raw", "kolada", "values", raw), "utf8")).toMatch(/\}\n \r\n\t\n$/);
    for (let i = 0; i < 9; i++) expect((await run({command: "stage"}, ws)).ok).toBe(true);
    proxy.mutate = {};
    // Eleven pipeline runs: 22–24 s beside a CPU burner, 60 s when the machine was busier still. The timeout only
    // catches a hang; speed is measured by the bench.
  }, 240_000);
});

describe("--scb-rate 3/1 against a simulator limiting to 3 calls per second", () => {
  it("fetches every SCB table without one 429", async () => {
    const sim = await startSim({scbRate: "3/1"});
    const dir = await mkdtemp(join(tmpdir(), "scb-rate-"));
    try {
      const config = loadConfig({koladaBase: sim.kolada, scbBase: sim.scb, dataDir: dir, publishDir: join(dir, "pub")});
      const r = await runPipeline({command: "fetch", scope: "county", offline: false, refresh: false, only: [], config, scbRate: {calls: 3, windowMs: 1000}, retryBaseMs: 10});
      expect(r.ok).toBe(true);
      expect(sim.log.filter((l) => / 429 /.test(l))).toEqual([]);
      const scbRequests = r.datasets.filter((d) => d.id.startsWith("scb:")).reduce((n, d) => n + d.files, 0);
      expect(scbRequests).toBeGreaterThan(10);
      // Every attempt succeeded the first time: the limiter kept us within the server's window.
      expect(r.requests.attempts).toBe(r.requests.network);
    } finally {
      await sim.stop();
      await rm(dir, {recursive: true, force: true});
    }
  });
});
