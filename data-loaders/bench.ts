/**
 * `npm run bench`: prints figures, asserts nothing. For each scope: a cold run (empty raw layer,
 * everything fetched from the simulator) and a warm run (raw cache reused), each in its own
 * process so wall time and peak RSS are the pipeline's own; the simulator is another process.
 */
import {spawn} from "node:child_process";
import {mkdtemp, readFile, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
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
}

async function runOnce(scope: string, dataDir: string, pubDir: string, env: Record<string, string>): Promise<Row & {report: RunReport}> {
  const t0 = performance.now();
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

const rows: Row[] = [];
for (const scope of values.scope) {
  const sim = await startSim({scope: scope as "county" | "sweden"});
  const dir = await mkdtemp(join(tmpdir(), `bench-${scope}-`));
  try {
    const env = {KOLADA_BASE_URL: sim.kolada, SCB_BASE_URL: sim.scb, BOUNDARIES_SOURCE: "reference"};
    const pub = join(dir, "pub");
    const cold = await runOnce(scope, join(dir, "data"), pub, env);
    rows.push({...cold, run: "cold"});
    // The machine is a shared VM whose speed varies by ±30 % from run to run: county's warm run is repeated five times and the median kept.
    const repeats = scope === "county" ? 5 : 1;
    const warm: Row[] = [];
    for (let i = 0; i < repeats; i++) warm.push(await runOnce(scope, join(dir, "data"), pub, env));
    const total = computeMs;
    warm.sort((a, b) => total(a) - total(b));
    const median = warm[Math.floor(warm.length / 2)]!;
    rows.push({...median, run: repeats > 1 ? `warm (median of ${repeats}: ${warm.map((w) => total(w)).join(", ")} ms)` : "warm"});
  } finally {
    await sim.stop();
    await rm(dir, {recursive: true, force: true});
  }
}

const header = [
  "scope", "run", "wall s", "fetch+stage ms", "peak RSS after stage MB", "indicators+publish ms", "indicators+publish CPU ms", "peak RSS MB",
  "requests", "attempts", "rows", "fetch", "stage", "shapes", "compute", "indicators", "areas", "peers", "publish"
];
const table = rows.map((r) => [
  r.scope, r.run, r.wall_s.toFixed(2), String(ms(r, "fetch", "stage")), String(r.rss_after_stage_mb),
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
