/**
 * The pipeline: fetch → stage → indicators → publish. One run per data directory (a lock file).
 * Nothing live changes until everything passed: the warehouse is built in a temporary file and the
 * published files in a temporary directory; both, with last-run.json, are swapped into place in one
 * undoable step at the very end (lib/swap.ts). Leftovers of crashed runs are cleaned up first.
 */
import {existsSync, mkdirSync, rmSync, writeFileSync} from "node:fs";
import {mkdir, rm, writeFile, readdir, rename} from "node:fs/promises";
import {basename, dirname, join, relative} from "node:path";
import type {DuckDBConnection} from "@duckdb/node-api";
import {KOLADA_KPIS} from "./kolada/kpis.js";
import {fetchKolada} from "./kolada/client.js";
import {stageKolada} from "./kolada/stage.js";
import {fetchStructural, stageStructural} from "./kolada/structural.js";
import {fetchScb} from "./scb/client.js";
import {stageScb} from "./scb/stage.js";
import {SCB_TABLES} from "./scb/tables/index.js";
import {publishAreas} from "./publish/areas.js";
import {publishBoundaries} from "./publish/boundaries.js";
import {computeShapes} from "./boundaries/mart.js";
import {publishPeers} from "./publish/peers.js";
import {computePeers} from "../indicators/peers.js";
import {fetchDesoBoundaries} from "./boundaries/deso-2025.js";
import {stageBoundaries} from "./boundaries/stage.js";
import {publishIndicators, startBulkZipRefresh, TIDY_CSV} from "./publish/index.js";
import type {BulkZip} from "./publish/zip.js";
import {readPreviousManifest, writeTidyManifest, type PreviousTidy, type PublishedTidyFile} from "./publish/reuse.js";
import {publishReports} from "./publish/report.js";
import {computeIndicators} from "../indicators/compute.js";
import {computeAreas} from "../indicators/omraden/compute.js";
import {GOALS, OVERALL_GOAL, VISION} from "../indicators/goals.js";
import {INDICATORS} from "../indicators/index.js";
import {createContext, settleAll, type FetchContext} from "./lib/fetcher.js";
import {loadConfig, PROJECT_ROOT, type PipelineConfig, type RateSpec} from "./lib/config.js";
import {log, warn} from "./lib/log.js";
import {recoverRaw} from "./lib/raw-cache.js";
import {allOrErrors, CheckError, PipelineError} from "./lib/errors.js";
import {checkPlausibility, describeDrop} from "./plausibility/check.js";
import {acquireLock, type RunLock} from "./lib/run-lock.js";
import {recoverSwap, removeLeftovers, swapInto, type SwapHook} from "./lib/swap.js";
import type {FetchedDataset, Scope} from "./lib/types.js";
import {attachPrevious, beginWarehouse, warehousePath, withPrevious, type WarehouseBuild} from "./warehouse.js";
import {copyFromPrevious, inputFingerprint, previousStage, recordStage, tablesOf} from "./lib/stage-reuse.js";
import {compareWithPrevious, formatReport, indicatorChanges, previousRetrieved, summarizeTables, type RunReport} from "./report.js";
import type {RunNews} from "../indicators/report/input.js";

const ALL_SCB_KEYS = SCB_TABLES.map((t) => t.key);

export type Command = "fetch" | "stage" | "all";

export interface RunOptions {
  command: Command;
  scope: Scope;
  offline: boolean;
  refresh: boolean;
  /** Datasets to (re)fetch: "kolada", "scb", or "scb:<table_key>"; the others are read from the raw layer. */
  only: string[];
  config?: PipelineConfig;
  /** Backoff base for retries (tests shorten it). */
  retryBaseMs?: number;
  /** --scb-rate: our own SCB call limit (overrides the config's). */
  scbRate?: RateSpec;
  /** --accept-coverage-drop: publish although series lost areas or years (recorded in the report). */
  acceptCoverageDrop?: boolean;
  /** The CLI: on SIGINT/SIGTERM write the report, clean up and exit (tests call runPipeline without it). */
  handleSignals?: boolean;
  /** Tests only: called before each rename of the final swap (throw to simulate a failing disk). */
  swapHook?: SwapHook;
}

/** Run the pipeline; returns the report (also written to data/runs/). Throws after reporting a failure. */
export async function runPipeline(opts: RunOptions): Promise<RunReport> {
  const config = {...(opts.config ?? loadConfig()), ...(opts.scbRate ? {scbRate: opts.scbRate} : {})};
  const started = new Date();
  const report: RunReport = {
    run_id: started.toISOString().replace(/[:.]/g, "-"),
    command: opts.command,
    scope: opts.scope,
    started_at: started.toISOString(),
    finished_at: started.toISOString(),
    ok: false,
    requests: {network: 0, attempts: 0, reused_raw_files: 0, bytes: 0},
    datasets: [],
    tables: [],
    changes: null,
    timings_ms: {},
    started_ms: {},
    cpu_ms: {},
    peak_rss_after_mb: {},
    peak_rss_mb: 0
  };
  const runStarted = performance.now();
  const time = async <T>(name: string, f: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    report.started_ms[name] = Math.round(t0 - runStarted);
    const c0 = process.cpuUsage();
    try {
      return await f();
    } finally {
      const c = process.cpuUsage(c0);
      report.cpu_ms[name] = Math.round((c.user + c.system) / 1000);
      report.timings_ms[name] = Math.round(performance.now() - t0);
      report.peak_rss_after_mb[name] = Math.round(process.resourceUsage().maxRSS / 1024);
    }
  };

  const contexts: FetchContext[] = [];
  let build: WarehouseBuild | undefined;
  let pubTmp: string | undefined;
  let lock: RunLock | undefined;
  const finalize = () => {
    for (const c of contexts.splice(0)) {
      report.requests.network += c.stats.requests;
      report.requests.attempts += c.stats.attempts;
      report.requests.reused_raw_files += c.stats.reused;
      report.requests.bytes += c.stats.bytes;
    }
    report.finished_at = new Date().toISOString();
    report.peak_rss_mb = Math.round(process.resourceUsage().maxRSS / 1024);
  };
  // An interrupted run still reports: the handler runs synchronously and exits.
  const onSignal = (signal: NodeJS.Signals) => {
    report.error = `interrupted by ${signal}`;
    finalize();
    try {
      writeReportSync(config.dataDir, report);
      if (build) for (const f of [build.tmpPath, `${build.tmpPath}.wal`]) rmSync(f, {force: true});
      if (pubTmp) rmSync(pubTmp, {recursive: true, force: true});
      recoverSwap(config.dataDir);
    } finally {
      lock?.release();
      process.stderr.write(`\npipeline interrupted by ${signal}; report written to ${join(config.dataDir, "runs", `${report.run_id}.json`)}\n`);
      process.exit(signal === "SIGINT" ? 130 : 143);
    }
  };
  // A second run on the same data directory refuses here, before touching anything.
  lock = acquireLock(config.dataDir, opts.command);
  if (opts.handleSignals) for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, onSignal);
  try {
    report.recovered = await recover(config, lock);
    const datasets = await time("fetch", () => fetchAll(config, opts, contexts));
    report.datasets = datasets.map((d) => ({id: d.id, files: d.files.length, rows: d.rows, reused: d.files.filter((f) => f.reused).length}));
    if (opts.command !== "fetch") {
      build = await beginWarehouse(config.dataDir);
      const conn = build.conn;
      await time("stage", () => stageAll(conn, datasets, opts.scope, config));
      await time("plausibility", () => plausibility(conn, datasets, config, opts, report));
      if (opts.command === "all") {
        const side = await build.connect();
        const ctx = {scope: opts.scope, config};
        for (const group of LATER_STAGES) {
          const run = async () => {
            const branches = group.branches.map(async (branch, i) => {
              for (const stage of branch) await time(stage.name, () => stage.run(i === 0 ? conn : side, ctx));
            });
            await allOrErrors(branches);
          };
          if (group.reusable) {
            const step = <T,>(name: string, f: () => Promise<T>) => time(`${group.name}.${name}`, f);
            const reused = await time(group.name, () => runOrReuse({conn, connect: () => build!.connect(), dataDir: config.dataDir, name: group.name, scope: opts.scope, run, step}));
            if (reused) (report.reused_stages ??= []).push(group.name);
          } else await (group.branches.length > 1 ? time(group.name, run) : run());
        }
        pubTmp = `${config.publishDir}.${process.pid}.tmp`;
        await rm(pubTmp, {recursive: true, force: true});
        await mkdir(pubTmp, {recursive: true});
        const dir = pubTmp;
        const previous = await previousTidy(conn, config);
        const published = await time("publish", () =>
          publishAll(conn, side, {outDir: dir, scope: opts.scope, generatedAt: started.toISOString(), dataDir: config.dataDir, previous}, (step, f) => time(`publish.${step}`, f))
        );
        // what the next run may copy instead of writing again (publish/reuse.ts)
        await writeTidyManifest(conn, published.tidy);
        report.published_files = published.files;
        report.published_tidy_reused = published.reused;
        report.indicator_changes = published.news?.indicators ?? null;
      }
      report.tables = await summarizeTables(conn);
      report.changes = (await withPrevious(conn, config.dataDir, () => compareWithPrevious(conn))) ?? null;
      await build.finish();
      // Everything passed: warehouse, published files and last-run.json go live in one undoable step.
      report.ok = true;
      finalize();
      const lastRunTmp = join(config.dataDir, `last-run.json.${process.pid}.new`);
      await writeFile(lastRunTmp, JSON.stringify(report, null, 2));
      const items = [
        {fresh: build.tmpPath, live: warehousePath(config.dataDir)},
        ...(pubTmp ? [{fresh: pubTmp, live: config.publishDir}] : []),
        {fresh: lastRunTmp, live: join(config.dataDir, "last-run.json")}
      ];
      let swap;
      try {
        swap = swapInto(config.dataDir, items, opts.swapHook);
      } catch (e) {
        report.ok = false;
        await rm(lastRunTmp, {force: true});
        throw e;
      }
      build = undefined;
      pubTmp = undefined;
      swap.done();
      if (opts.command === "all") await clearFrameworkCache();
    } else {
      report.ok = true;
      finalize();
      const tmp = join(config.dataDir, `last-run.json.${process.pid}.new`);
      await writeFile(tmp, JSON.stringify(report, null, 2));
      await rename(tmp, join(config.dataDir, "last-run.json"));
    }
  } catch (e) {
    report.ok = false;
    report.error = e instanceof Error ? e.message : String(e);
    throw e;
  } finally {
    if (opts.handleSignals) for (const sig of ["SIGINT", "SIGTERM"] as const) process.off(sig, onSignal);
    try {
      if (build) await build.abort();
      if (pubTmp) await rm(pubTmp, {recursive: true, force: true});
      finalize();
      await writeReport(config.dataDir, report);
      log(formatReport(report));
    } finally {
      lock.release();
    }
  }
  return report;
}

/** Under the lock, before anything reads: undo a half-done swap, finish or drop half-written raw files, remove temp files. */
async function recover(config: PipelineConfig, lock: RunLock): Promise<NonNullable<RunReport["recovered"]>> {
  const swap = recoverSwap(config.dataDir);
  const raw = await recoverRaw(join(config.dataDir, "raw"));
  const removed = [
    ...removeLeftovers(warehousePath(config.dataDir)),
    ...removeLeftovers(join(config.dataDir, "last-run.json")),
    ...removeLeftovers(config.publishDir)
  ];
  const out = {
    stale_lock: lock.tookOver,
    undid_swap: swap,
    raw_commits_finished: raw.finished,
    temp_files_removed: removed.length + raw.removed
  };
  if (lock.tookOver) warn(`took over the stale lock of pid ${lock.tookOver.pid} (started ${lock.tookOver.started_at}), which no longer runs`);
  if (swap) warn("undid the half-done swap of a crashed run: the live files are those of the last good run");
  if (out.temp_files_removed) log(`removed ${out.temp_files_removed} temporary file(s) left by crashed runs`);
  return out;
}

/** Fetch every source; sources outside --only are read from the raw layer (offline). */
async function fetchAll(config: PipelineConfig, opts: RunOptions, contexts: FetchContext[]): Promise<FetchedDataset[]> {
  // `stage` re-validates the raw layer and never touches the network.
  const offlineAll = opts.offline || opts.command === "stage";
  const selected = (source: string) => opts.only.length === 0 || opts.only.some((o) => o === source || o.startsWith(`${source}:`));
  const ctxFor = (source: string) => {
    const ctx = createContext(config, {
      offline: offlineAll || !selected(source),
      refresh: opts.refresh && selected(source) && !offlineAll,
      ...(opts.retryBaseMs !== undefined ? {retryBaseMs: opts.retryBaseMs} : {})
    });
    contexts.push(ctx);
    return ctx;
  };
  // --only scb:<key>: those tables from the network, the rest of SCB from the raw layer.
  const scbOnly = opts.only.filter((o) => o.startsWith("scb:")).map((o) => o.slice(4));
  const scbRest = scbOnly.length ? ALL_SCB_KEYS.filter((k) => !scbOnly.includes(k)) : [];
  // The two APIs are independent hosts: fetch them concurrently (each context has its own limiter).
  const koladaCtx = ctxFor("kolada");
  // settleAll: a failed run waits for every request in flight before it fails (nothing writes after the error).
  const [kolada, structural, scb, scbCached, geodata] = await settleAll<FetchedDataset[]>([
    fetchKolada(koladaCtx, {scope: opts.scope, kpis: KOLADA_KPIS}),
    fetchStructural(koladaCtx).then((d) => [d]),
    fetchScb(ctxFor("scb"), scbOnly.length ? {only: scbOnly} : {}),
    scbRest.length ? fetchScb(ctxFor("scb-cached"), {only: scbRest}) : Promise.resolve([]),
    fetchDesoBoundaries(ctxFor("geodata"))
  ]);
  // The DeSO→RegSO key comes with every fetchScb call: keep one copy.
  const seen = new Set<string>();
  const scbAll = [...scb!, ...scbCached!].filter((d) => (seen.has(d.id) ? false : (seen.add(d.id), true)));
  return [...kolada!, ...structural!, ...scbAll, ...geodata!];
}

/** The warehouse boundary: every fetched series is plausible, or the run stops with every failure listed. */
async function plausibility(conn: DuckDBConnection, datasets: FetchedDataset[], config: PipelineConfig, opts: RunOptions, report: RunReport): Promise<void> {
  const prev = await attachPrevious(conn, config.dataDir);
  let result;
  try {
    result = await checkPlausibility(conn, datasets, {prev});
  } finally {
    if (prev) await conn.run("DETACH prev");
  }
  const drops = result.coverageDrops.map(describeDrop);
  report.coverage_drops = {drops, accepted: Boolean(opts.acceptCoverageDrop)};
  const failures = [...result.failures];
  if (drops.length && !opts.acceptCoverageDrop) {
    failures.push(...drops.map((d) => `${d} (a sharp drop in coverage: if it is real, run again with --accept-coverage-drop; the report records it)`));
  } else if (drops.length) for (const d of drops) warn(`accepted coverage drop: ${d}`);
  if (failures.length) throw new CheckError(failures.map((f) => `plausibility: ${f}`));
}

/** Load every dataset into the staging tables and record the provenance of each raw file. */
async function stageAll(conn: DuckDBConnection, datasets: FetchedDataset[], scope: Scope, config: PipelineConfig): Promise<void> {
  await stageKolada(conn, datasets.filter((d) => d.source === "kolada"), {scope});
  await stageScb(conn, datasets.filter((d) => d.source !== "kolada"));
  await stageBoundaries(conn, datasets);
  await stageStructural(conn, datasets);
  const app = await conn.createAppender("meta_raw_files");
  for (const d of datasets) {
    for (const f of d.files) {
      app.appendVarchar(d.id);
      app.appendVarchar(d.source);
      app.appendVarchar(relative(config.dataDir, f.file));
      app.appendVarchar(f.url);
      app.appendVarchar(f.fetched_at);
      app.appendVarchar(f.sha256);
      app.appendVarchar(f.publisher);
      app.appendVarchar(f.licence);
      app.endRow();
    }
  }
  app.closeSync();
}

interface StageContext {
  scope: Scope;
  config: PipelineConfig;
}

interface LaterStage {
  name: string;
  run: (conn: DuckDBConnection, ctx: StageContext) => Promise<unknown>;
}

const STAGE = {
  // the map geometry: DeSO polygons and their RegSO unions, from the staged geodata and keys (no indicator data)
  shapes: {name: "shapes", run: (conn) => computeShapes(conn)},
  indicators: {name: "indicators", run: (conn, ctx) => computeIndicators(conn, INDICATORS, {scope: ctx.scope})},
  areas: {name: "areas", run: (conn) => computeAreas(conn)},
  peers: {name: "peers", run: (conn) => computePeers(conn)}
} satisfies Record<string, LaterStage>;

/**
 * Stages after staging, in groups one after another. Within a group each branch (its stages in order) runs beside
 * the others on its own connection, as dbt runs independent models on several threads: the neighbourhood and peer
 * stages read only SCB and structural tables, never the indicator marts, so they overlap the indicator SQL (the
 * 2-core machine's second core, and JS while DuckDB works). The first branch uses the main connection.
 */
const LATER_STAGES: {name: string; branches: LaterStage[][]; reusable?: boolean}[] = [
  {name: "shapes", branches: [[STAGE.shapes]]},
  // reusable: when nothing it reads changed, its tables are copied from the previous warehouse (lib/stage-reuse.ts)
  {name: "compute", branches: [[STAGE.indicators], [STAGE.areas, STAGE.peers]], reusable: true}
];

/**
 * Run a stage group, or copy its tables from the previous warehouse when that recorded the same input fingerprint;
 * either way record the fingerprint and the group's tables for the next run. Returns whether the tables were copied.
 * Without a previous record there is nothing to decide: the fingerprint of the tables the group starts from is then
 * taken beside the group on a connection of its own (snapshot reads), not before it.
 */
async function runOrReuse(o: {
  conn: DuckDBConnection;
  connect: () => Promise<DuckDBConnection>;
  dataDir: string;
  name: string;
  scope: Scope;
  run: () => Promise<void>;
  step: <T>(name: string, f: () => Promise<T>) => Promise<T>;
}): Promise<boolean> {
  const {conn, dataDir, name, scope, step} = o;
  const before = await tablesOf(conn);
  // with a previous record: the fingerprint first, and the tables copied when it is the same
  const checked = await withPrevious(conn, dataDir, async () => {
    const previous = await previousStage(conn, name, warehousePath(dataDir));
    if (!previous) return undefined;
    const fingerprint = await step("fingerprint", () => inputFingerprint(conn, scope, before));
    if (previous.fingerprint !== fingerprint) return {fingerprint, reused: false};
    const copied = await step("copy", () => copyFromPrevious(conn, previous.tables));
    log(`${name}: inputs and code unchanged since the last run: ${copied.tables} tables (${copied.rows} rows) copied from its warehouse`);
    return {fingerprint, reused: true};
  });
  if (checked?.reused) {
    // the same record again: the same fingerprint, the same tables
    await recordStage(conn, {stage: name, fingerprint: checked.fingerprint, tables: await tablesMadeSince(conn, before)});
    return true;
  }
  const fingerprinted = checked
    ? Promise.resolve(checked.fingerprint)
    : o.connect().then((own) => step("fingerprint", () => inputFingerprint(own, scope, before)));
  await allOrErrors([o.run(), fingerprinted]);
  await recordStage(conn, {stage: name, fingerprint: await fingerprinted, tables: await tablesMadeSince(conn, before)});
  return false;
}

/** The warehouse's tables that are not among `before`, by name. */
async function tablesMadeSince(conn: DuckDBConnection, before: readonly string[]): Promise<string[]> {
  return (await tablesOf(conn)).filter((t) => !before.includes(t));
}

/** Write every published file into outDir; returns the number of files. */
async function publishAll(
  conn: DuckDBConnection,
  side: DuckDBConnection,
  opts: {outDir: string; scope: Scope; generatedAt: string; dataDir: string; previous: PreviousTidy | undefined},
  step: <T>(name: string, f: () => Promise<T>) => Promise<T>
): Promise<{files: number; news: RunNews; tidy: PublishedTidyFile[]; reused: number}> {
  // The indicator files on the main connection; beside them, on the side connection, first the run news (it reads
  // the marts and the previous warehouse), then the files that read no indicator mart (as LATER_STAGES' branches).
  // Once summary.csv and the catalogue are written, the reports (JS) are made from them and the news while DuckDB
  // writes the tidy files and the neighbourhood files; bulk.zip starts with the tidy CSV files and deflates them on
  // Node's thread pool meanwhile, and finish() adds the rest.
  // The reports' "Nytt sedan förra uppdateringen" compares every mart with the previous warehouse.
  const newsMade = step("news", () => runNews(side, opts.dataDir));
  const sideFiles = (async () => {
    await newsMade;
    await step("areas", () => publishAreas(side, {outDir: opts.outDir, generatedAt: opts.generatedAt}));
    await step("boundaries", () => publishBoundaries(side, {outDir: opts.outDir, generatedAt: opts.generatedAt}));
    await step("peers", () => publishPeers(side, {outDir: opts.outDir, generatedAt: opts.generatedAt}));
  })();
  let news: RunNews = null;
  let zip: BulkZip | undefined;
  const beside = async (tidyCsv: Promise<boolean>) => {
    // bulk.zip starts with the tidy CSV files (nine tenths of its bytes) as soon as they are there (copied from the
    // previous run, at once), deflating on the thread pool while the other files are made; finish() adds the rest.
    const zipStarted = (async () => {
      if (await tidyCsv) zip = await startBulkZipRefresh(opts.outDir, (name) => !TIDY_CSV(name));
    })();
    try {
      // if the news failed, sideFiles carries that error to allOrErrors below, and no report is made
      if (!(await newsMade.then(() => true, () => false))) return;
      news = await newsMade;
      await step("reports", () => publishReports(opts.outDir, news));
    } finally {
      // never left running when this fails: the caller cancels the archive it sees in `zip`
      await zipStarted;
    }
  };
  const indicatorsPublished = step("indicators", () =>
    publishIndicators(conn, {
      outDir: opts.outDir,
      indicators: INDICATORS,
      goals: GOALS,
      vision: VISION,
      overallGoal: OVERALL_GOAL,
      scope: opts.scope,
      generatedAt: opts.generatedAt,
      bulkZip: false,
      beside,
      previous: opts.previous
    })
  );
  try {
    await allOrErrors([indicatorsPublished, sideFiles]);
  } catch (e) {
    // Stop the archive before the caller deletes the directory; a failure of its own is reported beside e.
    if (zip) await allOrErrors([Promise.reject(e), zip.cancel()]);
    throw e;
  }
  // The part of the archive after the tidy files: the Parquet files, and what was not deflated yet.
  const started = zip;
  if (!started) throw new PipelineError({source: "publish"}, "bulk.zip was not started although every step passed");
  await step("zip", () => started.finish());
  const published = await indicatorsPublished;
  return {files: await countFiles(opts.outDir), news, tidy: published.tidy_manifest, reused: published.tidy_reused.length};
}

/**
 * The previous run's tidy files: the live published directory and the manifest the live warehouse recorded of it
 * (they went live in one swap). Undefined without either.
 */
async function previousTidy(conn: DuckDBConnection, config: PipelineConfig): Promise<PreviousTidy | undefined> {
  if (!existsSync(config.publishDir)) return undefined;
  return withPrevious(conn, config.dataDir, async () => ({dir: config.publishDir, files: await readPreviousManifest(conn, warehousePath(config.dataDir))}));
}

/** Per indicator and area, what is new or revised since the previous warehouse (null without one). */
async function runNews(conn: DuckDBConnection, dataDir: string): Promise<RunNews> {
  return (await withPrevious(conn, dataDir, async () => ({previous_retrieved: await previousRetrieved(conn), indicators: await indicatorChanges(conn)}))) ?? null;
}

async function countFiles(dir: string): Promise<number> {
  let n = 0;
  for (const e of await readdir(dir, {withFileTypes: true, recursive: true})) if (e.isFile()) n++;
  return n;
}

/** Framework re-runs a loader only when the loader file changes: drop its cache after new data. */
async function clearFrameworkCache(): Promise<void> {
  await rm(join(PROJECT_ROOT, "src", ".observablehq", "cache"), {recursive: true, force: true});
}

async function writeReport(dataDir: string, report: RunReport): Promise<void> {
  const dir = join(dataDir, "runs");
  await mkdir(dir, {recursive: true});
  await writeFile(join(dir, `${report.run_id}.json`), JSON.stringify(report, null, 2));
}

function writeReportSync(dataDir: string, report: RunReport): void {
  const dir = join(dataDir, "runs");
  mkdirSync(dir, {recursive: true});
  writeFileSync(join(dir, `${report.run_id}.json`), JSON.stringify(report, null, 2));
}
