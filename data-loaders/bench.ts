/**
 * `npm run bench`: prints figures, asserts nothing. For each scope: cold runs (empty raw layer,
 * everything fetched from the simulator) and warm runs (raw cache reused), medians of several, each run in its own
 * process so wall time and peak RSS are the pipeline's own; the simulator is another process.
 */
import {spawn} from "node:child_process";
import {existsSync, readFileSync} from "node:fs";
import {mkdtemp, readFile, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {setTimeout} from "node:timers/promises";
import {parseArgs} from "node:util";
import {PROJECT_ROOT} from "./lib/config.js";
import {startSim} from "./lib/simulator.js";
import type {RunReport} from "./report.js";

const {values} = parseArgs({options: {scope: {type: "string", multiple: true, default: ["county", "sweden"]}, "no-site": {type: "boolean", default: false}}});

interface Row {
  scope: string;
  run: string;
  wall_s: number;
  rss_mb: number;
  rss_after_stage_mb: number;
  requests: number;
  attempts: number;
  rows: number;
  stages: Record<string, number>;
  cpu: Record<string, number>;
  /** The share of the machine's CPU time its host took (steal) during the run, %; null without /proc/stat. */
  steal_pct: number | null;
}

async function runOnce(scope: string, dataDir: string, pubDir: string, env: Record<string, string>): Promise<Row & {report: RunReport}> {
  const t0 = performance.now();
  const c0 = cpuCounters();
  const code = await new Promise<number>((resolve, reject) => {
    const child = spawn(join(PROJECT_ROOT, "node_modules", ".bin", "tsx"), [join(PROJECT_ROOT, "data-loaders", "cli.ts"), "all", "--scope", scope], {
      cwd: PROJECT_ROOT,
      env: {...process.env, ...env, PIPELINE_DATA_DIR: dataDir, PIPELINE_PUBLISH_DIR: pubDir, PIPELINE_QUIET: "1"},
      stdio: ["ignore", "inherit", "pipe"]
    });
    let err = "";
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.on("error", reject);
    child.on("exit", (c) => {
      if (c !== 0) process.stderr.write(err);
      resolve(c ?? 1);
    });
  });
  const wall = (performance.now() - t0) / 1000;
  const c1 = cpuCounters();
  const steal = c0 && c1 && c1.total > c0.total ? Math.round((100 * (c1.steal - c0.steal)) / (c1.total - c0.total)) : null;
  if (code !== 0) throw new Error(`pipeline (${scope}) exited with ${code}`);
  const report = JSON.parse(await readFile(join(dataDir, "last-run.json"), "utf8")) as RunReport;
  return {
    scope,
    run: "",
    wall_s: Math.round(wall * 100) / 100,
    rss_mb: report.peak_rss_mb,
    rss_after_stage_mb: report.peak_rss_after_mb.stage ?? 0,
    requests: report.requests.network,
    attempts: report.requests.attempts,
    rows: report.datasets.reduce((n, d) => n + d.rows, 0),
    stages: report.timings_ms,
    cpu: report.cpu_ms,
    steal_pct: steal,
    report
  };
}

const ms = (r: Row, ...names: string[]) => names.reduce((n, k) => n + (r.stages[k] ?? 0), 0);
/**
 * The "indicators + publish" budget: everything after staging that depends on the indicator data, as wall time. The
 * indicators stage runs beside the areas and peers stages (pipeline.ts), so it is the "compute" group's wall time plus
 * publish's, never the sum of the overlapping stages.
 */
const computeMs = (r: Row) => ms(r, "compute", "publish");

/** The machine's CPU counters (/proc/stat's first line): busy, steal and total jiffies; null where there is none. */
function cpuCounters(): {steal: number; total: number} | null {
  if (!existsSync("/proc/stat")) return null;
  const f = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal guest guest_nice; guest time is already in user
  return {steal: f[7] ?? 0, total: f.slice(0, 8).reduce((a, b) => a + b, 0)};
}

const rows: Row[] = [];
/** The SCB rate limit's window (tools/api-sim/README.md: 30 calls per 10 s, as PxWebApi's appsettings), with a margin. */
const SCB_RATE_WINDOW_MS = 11_000;
// The machine is a shared VM: its host takes CPU time from it (steal) at times, and a run then takes up to twice as
// long. Each figure is the median of several runs, and each row says how much of the machine's CPU time the host took.
const REPEATS: Record<string, {cold: number; warm: number}> = {county: {cold: 3, warm: 5}, sweden: {cold: 3, warm: 3}};
const median = (runs: Row[]) => [...runs].sort((a, b) => computeMs(a) - computeMs(b))[Math.floor(runs.length / 2)]!;
/** The median run of several, with every run's budget time and host steal, and the highest peak RSS of them. */
const summarise = (kind: string, runs: Row[]): Row => ({
  ...median(runs),
  rss_mb: Math.max(...runs.map((r) => r.rss_mb)),
  run: `${kind} (median of ${runs.length}: ${runs.map((w) => `${computeMs(w)} ms${w.steal_pct === null ? "" : ` at ${w.steal_pct} % steal`}`).join(", ")})`
});
for (const scope of values.scope) {
  const sim = await startSim({scope: scope as "county" | "sweden"});
  const dir = await mkdtemp(join(tmpdir(), `bench-${scope}-`));
  const repeats = REPEATS[scope] ?? {cold: 1, warm: 1};
  try {
    const env = {KOLADA_BASE_URL: sim.kolada, SCB_BASE_URL: sim.scb, BOUNDARIES_SOURCE: "reference"};
    // cold: each run in an empty data and publish directory (everything fetched, nothing to reuse)
    const cold: Row[] = [];
    for (let i = 0; i < repeats.cold; i++) {
      // SCB's rate limit (and the simulator's) is a fixed window of 10 s per client: a cold run straight after another
      // would wait out the first one's calls (429, Retry-After). Each cold run starts in a fresh window, as a first run does.
      if (i > 0) await setTimeout(SCB_RATE_WINDOW_MS);
      cold.push(await runOnce(scope, join(dir, `cold-${i}`, "data"), join(dir, `cold-${i}`, "pub"), env));
    }
    rows.push(summarise("cold", cold));
    // warm: again and again on the last cold run's directories (raw layer reused, unchanged data)
    const last = join(dir, `cold-${repeats.cold - 1}`);
    const warm: Row[] = [];
    for (let i = 0; i < repeats.warm; i++) warm.push(await runOnce(scope, join(last, "data"), join(last, "pub"), env));
    rows.push(summarise("warm", warm));
  } finally {
    await sim.stop();
    await rm(dir, {recursive: true, force: true});
  }
}

const header = [
  "scope", "run", "host steal %", "wall s", "fetch+stage ms", "peak RSS after stage MB", "indicators+publish ms", "indicators+publish CPU ms", "peak RSS MB (highest)",
  "requests", "attempts", "rows", "fetch", "stage", "shapes", "compute", "indicators", "areas", "peers", "publish"
];
const table = rows.map((r) => [
  r.scope, r.run, r.steal_pct === null ? "" : String(r.steal_pct), r.wall_s.toFixed(2), String(ms(r, "fetch", "stage")), String(r.rss_after_stage_mb),
  // the area indicators are computed in their own stage (before publish) since publish only writes files
  String(computeMs(r)), String((r.cpu.compute ?? 0) + (r.cpu.publish ?? 0)), String(r.rss_mb), String(r.requests), String(r.attempts), String(r.rows),
  ...["fetch", "stage", "shapes", "compute", "indicators", "areas", "peers", "publish"].map((k) => String(r.stages[k] ?? ""))
]);
process.stdout.write(`\nPipeline benchmark (simulator on loopback; each run in its own process; ${new Date().toISOString()})\n`);
process.stdout.write("wall s includes process start (tsx); stage columns are in ms; RSS is the pipeline process's peak;\n");
process.stdout.write("compute is the wall time of indicators beside areas → peers (they overlap); CPU is the process's (all threads) in that window\n\n");
process.stdout.write(`| ${header.join(" | ")} |\n|${header.map(() => "---").join("|")}|\n`);
for (const t of table) process.stdout.write(`| ${t.join(" | ")} |\n`);
process.stdout.write("\nPublish steps (ms):\n");
for (const r of rows) {
  const steps = Object.entries(r.stages).filter(([k]) => k.startsWith("publish."));
  process.stdout.write(`  ${r.scope} ${r.run.split(" ")[0]}: ${steps.map(([k, v]) => `${k.slice("publish.".length)} ${v}`).join(", ")}\n`);
}

if (!values["no-site"]) {
  const {benchSite} = await import("./bench-site.js");
  process.stdout.write(`\n${(await benchSite()).join("\n")}\n`);
}
