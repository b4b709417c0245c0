/**
 * Crashes of the real CLI process: a killed --refresh of paged series leaves each series all old or all new
 * (never mixed) after the next run's recovery, and SIGTERM still writes a run report and frees the lock. The
 * proxy holds one request open, so the kill happens at a known point without any sleep.
 */
import {spawn} from "node:child_process";
import {once} from "node:events";
import {existsSync, readdirSync, readFileSync} from "node:fs";
import {mkdtemp, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {loadConfig, PROJECT_ROOT} from "../../data-loaders/lib/config.js";
import {setQuiet} from "../../data-loaders/lib/log.js";
import {lockPath} from "../../data-loaders/lib/run-lock.js";
import {runPipeline} from "../../data-loaders/pipeline.js";
import {startSim, type Sim} from "../helpers/api-sim.js";
import {startProxy, type Proxy} from "../helpers/mutating-proxy.js";

setQuiet(true);
// One process (node with tsx's loader), so the pid we signal is the pipeline's own.
const NODE_TSX = [process.execPath, "--import", "tsx"] as const;
const CLI = join(PROJECT_ROOT, "data-loaders", "cli.ts");
const PER_PAGE = 500;

describe("crashed and interrupted runs", () => {
  let sim: Sim;
  let proxy: Proxy;
  let dir: string;
  const env = (name: string) => ({
    ...process.env,
    KOLADA_BASE_URL: proxy.kolada,
    SCB_BASE_URL: proxy.scb,
    PIPELINE_DATA_DIR: join(dir, name),
    PIPELINE_PUBLISH_DIR: join(dir, `${name}-pub`),
    KOLADA_PER_PAGE: String(PER_PAGE),
    PIPELINE_QUIET: "1"
  });
  const config = (name: string) =>
    loadConfig({koladaBase: proxy.kolada, scbBase: proxy.scb, dataDir: join(dir, name), publishDir: join(dir, `${name}-pub`), koladaPerPage: PER_PAGE});

  beforeAll(async () => {
    sim = await startSim();
    proxy = await startProxy(sim.url);
    dir = await mkdtemp(join(tmpdir(), "crash-"));
  });
  afterAll(async () => {
    await proxy.close();
    await sim.stop();
    await rm(dir, {recursive: true, force: true});
  });

  /** Hold (never answer) the first request matching `re`; resolves once it arrived. */
  function holdFirst(re: RegExp): Promise<void> {
    let held = false;
    return new Promise((arrived) => {
      proxy.mutate = {
        intercept: (ex) => {
          if (held || !re.test(ex.path)) return undefined;
          held = true;
          arrived();
          return new Promise(() => undefined);
        }
      };
    });
  }

  it("a killed --refresh of paged series: after the next run every series is all old or all new pages", async () => {
    const c = config("paged");
    proxy.mutate = {};
    expect((await runPipeline({command: "fetch", scope: "county", offline: false, refresh: false, only: [], config: c})).ok).toBe(true);
    const valuesDir = join(c.dataDir, "raw", "kolada", "values");
    const fetchedAt = () =>
      Object.fromEntries(
        readdirSync(valuesDir)
          .filter((f) => f.endsWith(".meta.json"))
          .map((f) => [f, (JSON.parse(readFileSync(join(valuesDir, f), "utf8")) as {fetched_at: string}).fetched_at])
      );
    const old = fetchedAt();
    expect(Object.keys(old).filter((f) => /-p0003\.json/.test(f)).length).toBeGreaterThan(0);
    // Page 3 of a series is held: pages 1 and 2 of that series are already written (as temporary files).
    const held = holdFirst(/\/data\/kpi\/.*page=3/);
    const child = spawn(NODE_TSX[0], [...NODE_TSX.slice(1), CLI, "fetch", "--refresh", "--only", "kolada"], {env: env("paged"), stdio: "ignore", cwd: PROJECT_ROOT});
    await held;
    child.kill("SIGKILL");
    await once(child, "exit");
    proxy.mutate = {};
    const r = await runPipeline({command: "stage", scope: "county", offline: false, refresh: false, only: [], config: c});
    expect(r.ok).toBe(true);
    expect(r.recovered!.temp_files_removed).toBeGreaterThanOrEqual(4);
    expect(readdirSync(valuesDir).filter((f) => /\.new$|\.commit-/.test(f))).toEqual([]);
    const now = fetchedAt();
    const series = new Map<string, Set<boolean>>();
    for (const [f, at] of Object.entries(now)) {
      const key = f.replace(/-p\d{4}\.json\.meta\.json$/, "");
      if (!series.has(key)) series.set(key, new Set());
      series.get(key)!.add(at === old[f]);
    }
    // Each series is uniform: all its pages kept their old sidecar, or all were replaced.
    for (const [key, kinds] of series) expect(kinds.size, key).toBe(1);
    expect([...series.values()].some((k) => k.has(true))).toBe(true);
    // Its lock is not left behind to block later runs: the dead pid's lock was taken over.
    expect(r.recovered!.stale_lock).not.toBeNull();
  });

  it("SIGTERM during a run still writes a report, frees the lock and changes no live file", async () => {
    const held = holdFirst(/\/data\/kpi\//);
    const child = spawn(NODE_TSX[0], [...NODE_TSX.slice(1), CLI, "all"], {env: env("interrupted"), stdio: ["ignore", "ignore", "pipe"], cwd: PROJECT_ROOT});
    let stderr = "";
    child.stderr!.on("data", (b: Buffer) => (stderr += b.toString()));
    await held;
    child.kill("SIGTERM");
    const [code] = (await once(child, "exit")) as [number | null];
    proxy.mutate = {};
    expect(code).toBe(143);
    expect(stderr).toMatch(/pipeline interrupted by SIGTERM; report written to/);
    const runs = join(dir, "interrupted", "runs");
    const reports = readdirSync(runs).map((f) => JSON.parse(readFileSync(join(runs, f), "utf8")) as {ok: boolean; error: string});
    expect(reports).toEqual([expect.objectContaining({ok: false, error: "interrupted by SIGTERM"})]);
    expect(existsSync(lockPath(join(dir, "interrupted")))).toBe(false);
    expect(existsSync(join(dir, "interrupted", "warehouse.duckdb"))).toBe(false);
    expect(existsSync(join(dir, "interrupted", "last-run.json"))).toBe(false);
  });
});
