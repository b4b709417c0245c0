/**
 * SCB PxWebApi 2.0 client: reads the API's limits from /config (and throttles to them), resolves
 * table ids, expands each declared selection to explicit codes from the metadata, splits the
 * data query along Region under maxDataCells, and checks every answer for completeness inside
 * the retry loop. Every body is kept verbatim in data/raw/scb/<table_key>/ with its sidecar.
 */
import pLimit, {type LimitFunction} from "p-limit";
import type {z} from "zod";
import type {RateSpec} from "../lib/config.js";
import {CompletenessError, HttpError, PipelineError, type ErrorOrigin} from "../lib/errors.js";
import {getRaw, settleAll, type FetchContext} from "../lib/fetcher.js";
import {parseJsonBody} from "../lib/http.js";
import {log, warn} from "../lib/log.js";
import {RateLimiter} from "../lib/rate-limit.js";
import {commitRaw, rawPath, requestKey, type RawMeta, type StagedRaw} from "../lib/raw-cache.js";
import type {FetchedDataset, RawFileRef} from "../lib/types.js";
import {validate} from "../lib/validate.js";
import {fetchDeso2025Key} from "../reference/deso-2025-key.js";
import {fetchDesoRegsoKey} from "../reference/deso-regso-key.js";
import {decodeScbData, type ScbCell} from "./jsonstat.js";
import {ScbConfig, ScbData, ScbMetadata, ScbTableSearch} from "./schemas.js";
import {buildSelection, cellCount, splitSelection, type Selection} from "./selection.js";
import {SCB_LICENCE, SCB_PUBLISHER, type ScbTable} from "./table.js";
import {SCB_TABLES} from "./tables/index.js";

const LANG = "sv";

/** Fetch the SCB tables (all, or those in `only`) plus the DeSO→RegSO key and the DeSO 2025 → 2018 mapping. */
export async function fetchScb(ctx: FetchContext, opts: {only?: readonly string[]} = {}): Promise<FetchedDataset[]> {
  const tables = pickTables(opts.only);
  const limits = await loadLimits(ctx);
  const run = pLimit(Math.max(1, ctx.config.concurrency));
  const settled = await Promise.allSettled([fetchDesoRegsoKey(ctx), fetchDeso2025Key(ctx), ...tables.map((t) => fetchScbTable(ctx, t, limits, run))]);
  const errors = settled.flatMap((s) => (s.status === "rejected" ? [s.reason as unknown] : []));
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) {
    const text = errors.map((e) => (e instanceof Error ? e.message : String(e))).join("\n");
    throw new AggregateError(errors, `${errors.length} SCB datasets failed:\n${text}`);
  }
  return settled.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
}

function pickTables(only: readonly string[] | undefined): readonly ScbTable[] {
  if (!only) return SCB_TABLES;
  const unknown = only.filter((k) => !SCB_TABLES.some((t) => t.key === k));
  if (unknown.length) throw new Error(`unknown SCB table key(s): ${unknown.join(", ")}; known: ${SCB_TABLES.map((t) => t.key).join(", ")}`);
  return SCB_TABLES.filter((t) => only.includes(t.key));
}

export interface ScbLimits {
  maxDataCells: number;
}

/** GET /config; register the host's rate limiter before any other SCB request. */
export async function loadLimits(ctx: FetchContext): Promise<ScbLimits> {
  const res = await scbRequest(ctx, {dataset: "scb:config", dir: "_api", name: "config.json", path: "/config"}, ScbConfig);
  const {maxCallsPerTimeWindow, timeWindow, maxDataCells} = res.data;
  const rate = stricterRate(maxCallsPerTimeWindow > 0 && timeWindow > 0 ? {calls: maxCallsPerTimeWindow, windowMs: timeWindow * 1000} : undefined, ctx.config.scbRate);
  if (rate) {
    const {calls} = rate;
    const limiter = new RateLimiter(calls, rate.windowMs);
    ctx.limiters.set(new URL(ctx.config.scbBase).host, limiter);
    // The /config attempts already counted against the server's window.
    if (!res.reused) for (let i = 0; i < Math.min(res.meta.attempts, calls); i++) await limiter.acquire();
  }
  return {maxDataCells};
}

/** The stricter of two limits (fewer calls per time; on a tie the smaller burst). */
export function stricterRate(a: RateSpec | undefined, b: RateSpec | undefined): RateSpec | undefined {
  if (!a || !b) return a ?? b;
  const ra = a.calls / a.windowMs;
  const rb = b.calls / b.windowMs;
  if (ra !== rb) return ra < rb ? a : b;
  return a.calls <= b.calls ? a : b;
}

/** Fetch one table: resolve its id, read its metadata, then its data in parts. */
export async function fetchScbTable(ctx: FetchContext, table: ScbTable, limits: ScbLimits, run: LimitFunction = pLimit(1)): Promise<FetchedDataset> {
  const dataset = `scb:${table.key}`;
  const files: RawFileRef[] = [];
  const keep = (r: {meta: RawMeta; reused: boolean; file: string}) => files.push(fileRef(r));

  let tableId: string;
  if ("id" in table.table) tableId = table.table.id;
  else {
    const resolved = await resolveTableId(ctx, table, run);
    keep(resolved);
    tableId = resolved.id;
  }

  const metaPath = `/tables/${encodeURIComponent(tableId)}/metadata?lang=${LANG}`;
  const meta = await run(() => scbRequest(ctx, {dataset, dir: table.key, name: `metadata-${tableId}.json`, path: metaPath, table}, ScbMetadata));
  keep(meta);
  const origin: ErrorOrigin = {source: "scb", dataset, url: meta.meta.url};
  const selection = buildSelection(table, meta.data, tableId, origin);
  const parts = splitSelection(selection, limits.maxDataCells, origin);

  const dataPath = `/tables/${encodeURIComponent(tableId)}/data?lang=${LANG}&outputFormat=json-stat2`;
  // The parts of one table go live together: a refetch replaces all of them or none.
  const batch: StagedRaw[] = [];
  const answers = (await settleAll(parts.map((part) => fetchSplitting(ctx, table, tableId, dataPath, part, batch, run)))).flat();
  await commitRaw(batch);
  answers.forEach(keep);
  const cells = answers.reduce((n, a) => n + a.data.length, 0);
  const present = answers.reduce((n, a) => n + a.data.filter((c) => c.value !== null).length, 0);
  if (present === 0) {
    const msg = `table ${tableId} (${table.key}): all ${cells} selected cells are missing`;
    if (!table.optional) throw new CompletenessError({source: "scb", dataset, url: ctx.config.scbBase + dataPath}, msg);
    warn(`${msg} (optional table, kept empty)`);
  }
  log(`scb ${table.key} (${tableId}): ${cells} cells (${cells - present} missing) in ${parts.length} request(s)`);
  return {id: dataset, source: "scb", files, rows: cells};
}

/**
 * One part, split further along Region when the server says it has too many cells: PxAPI-2.yml answers 403
 * for that, the reference server and our simulator 400 "Too many cells selected" (a /config that
 * understates the limit must not stop the run).
 */
type PartAnswer = {data: ScbCell[]; meta: RawMeta; reused: boolean; file: string};

async function fetchSplitting(ctx: FetchContext, table: ScbTable, tableId: string, path: string, part: Selection, batch: StagedRaw[], run: LimitFunction): Promise<PartAnswer[]> {
  try {
    return [await run(() => fetchPart(ctx, table, tableId, path, part, batch))];
  } catch (e) {
    const tooMany = e instanceof HttpError && (e.status === 403 || (e.status === 400 && /too many cells/i.test(e.message)));
    if (!tooMany) throw e;
    const region = part.find((s) => s.variableCode === "Region")!;
    if (region.valueCodes.length < 2) {
      throw new PipelineError((e as HttpError).origin, `table ${tableId} (${table.key}): HTTP ${(e as HttpError).status}, too many cells even for one region (${cellCount(part)} cells)`, {cause: e});
    }
    const half = Math.ceil(region.valueCodes.length / 2);
    const halves = [region.valueCodes.slice(0, half), region.valueCodes.slice(half)].map((codes) =>
      part.map((s) => (s === region ? {variableCode: "Region", valueCodes: codes} : s))
    );
    warn(`scb ${table.key}: the server refused ${cellCount(part)} cells (HTTP ${(e as HttpError).status}); splitting the request in two`);
    return (await settleAll(halves.map((h): Promise<PartAnswer[]> => fetchSplitting(ctx, table, tableId, path, h, batch, run)))).flat();
  }
}

/** POST one part of the selection; the answer is checked cell by cell inside the retry loop. */
function fetchPart(ctx: FetchContext, table: ScbTable, tableId: string, path: string, part: Selection, batch: StagedRaw[]) {
  const body = {selection: part};
  return scbRequest(
    ctx,
    {dataset: `scb:${table.key}`, dir: table.key, name: `data-${tableId}-${requestKey(path, body)}.json`, path, table, json: body, batch},
    ScbData,
    (data, origin): ScbCell[] => decodeScbData(data, body, table, tableId, origin)
  );
}

/** Find the table id by title search: exactly one current table must match. */
async function resolveTableId(ctx: FetchContext, table: ScbTable, run: LimitFunction) {
  if (!("query" in table.table)) throw new Error("resolveTableId needs a title query");
  const {query, title} = table.table;
  const path = `/tables?query=${encodeURIComponent(query)}&lang=${LANG}&pageSize=100`;
  const res = await run(() => scbRequest(ctx, {dataset: `scb:${table.key}`, dir: table.key, name: `search-${requestKey(path)}.json`, path, table}, ScbTableSearch));
  const origin: ErrorOrigin = {source: "scb", dataset: `scb:${table.key}`, url: res.meta.url};
  if (res.data.page.totalPages > 1) {
    throw new PipelineError(origin, `title search "${query}" found ${res.data.page.totalElements} tables (more than one page): make the query in data-loaders/scb/tables/${table.key}.ts narrower`);
  }
  const hits = res.data.tables.filter((t) => title.test(t.label) && t.discontinued !== true);
  if (hits.length !== 1) {
    const seen = res.data.tables.map((t) => `${t.id} "${t.label}"${t.discontinued ? " (discontinued)" : ""}`).join("; ") || "none";
    throw new PipelineError(origin, `title search "${query}" must find exactly one current table with a title matching ${title}, found ${hits.length} (search hits: ${seen})`);
  }
  return {...res, id: hits[0]!.id};
}

interface ScbRequestSpec {
  dataset: string;
  /** Folder under data/raw/scb/. */
  dir: string;
  name: string;
  /** Path and query below the base URL (also what the raw file name is derived from; never the host). */
  path: string;
  table?: ScbTable;
  json?: unknown;
  batch?: StagedRaw[];
}

/** One request through the raw layer; JSON is parsed and validated (and optionally checked further) inside the retry loop. */
async function scbRequest<S extends z.ZodType, T = z.infer<S>>(
  ctx: FetchContext,
  spec: ScbRequestSpec,
  schema: S,
  check?: (data: z.infer<S>, origin: ErrorOrigin) => T
): Promise<{data: T; meta: RawMeta; reused: boolean; file: string}> {
  const file = rawPath(ctx.config.dataDir, "scb", spec.dir, spec.name);
  const res = await getRaw(
    ctx,
    {
      origin: {source: "scb", dataset: spec.dataset, url: ctx.config.scbBase + spec.path},
      file,
      method: spec.json === undefined ? "GET" : "POST",
      json: spec.json,
      publisher: spec.table?.publisher ?? SCB_PUBLISHER,
      licence: spec.table?.licence ?? SCB_LICENCE,
      ...(spec.batch ? {batch: spec.batch} : {})
    },
    (body, contentType, origin) => {
      const data = validate(schema, parseJsonBody(origin, body, contentType), origin);
      return check ? check(data, origin) : (data as T);
    }
  );
  return {...res, file};
}

function fileRef(r: {meta: RawMeta; reused: boolean; file: string}): RawFileRef {
  return {file: r.file, url: r.meta.url, fetched_at: r.meta.fetched_at, sha256: r.meta.sha256, publisher: r.meta.publisher, licence: r.meta.licence, reused: r.reused};
}
