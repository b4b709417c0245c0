/**
 * One request through the raw layer: reuse the raw file unless --refresh, never touch the
 * network with --offline, otherwise fetch (with retries and validation) and keep the body verbatim.
 */
import {existsSync} from "node:fs";
import {relative} from "node:path";
import {OfflineMissingError, type ErrorOrigin} from "./errors.js";
import {fetchValidated, type HttpOptions} from "./http.js";
import {RateLimiter} from "./rate-limit.js";
import {readRaw, stageRaw, writeRaw, type RawMeta, type StagedRaw} from "./raw-cache.js";
import type {PipelineConfig} from "./config.js";

export interface RunStats {
  requests: number;
  attempts: number;
  reused: number;
  bytes: number;
}

export interface FetchContext {
  config: PipelineConfig;
  offline: boolean;
  refresh: boolean;
  stats: RunStats;
  /** Per-host limiters; set by a client that learned the host's limits. */
  limiters: Map<string, RateLimiter>;
  /** Backoff base; tests shorten it. */
  retryBaseMs?: number;
}

/** A fresh context with zeroed statistics. */
export function createContext(config: PipelineConfig, opts: {offline?: boolean; refresh?: boolean; retryBaseMs?: number} = {}): FetchContext {
  return {
    config,
    offline: opts.offline ?? false,
    refresh: opts.refresh ?? false,
    stats: {requests: 0, attempts: 0, reused: 0, bytes: 0},
    limiters: new Map(),
    ...(opts.retryBaseMs !== undefined ? {retryBaseMs: opts.retryBaseMs} : {})
  };
}

export interface RawRequest {
  origin: ErrorOrigin & {url: string};
  /** Where the body is kept. */
  file: string;
  method?: "GET" | "POST";
  json?: unknown;
  publisher: string;
  licence: string;
  /** Part of a series (pages, parts): the new body is staged here and made live with the rest by commitRaw. */
  batch?: StagedRaw[];
}

/** Get a validated body via the raw layer. `parse` validates and throws ParseError/SchemaError. */
export async function getRaw<T>(
  ctx: FetchContext,
  req: RawRequest,
  parse: (body: Buffer, contentType: string | null, origin: ErrorOrigin) => T
): Promise<{data: T; meta: RawMeta; reused: boolean}> {
  if (!ctx.refresh) {
    const cached = await readRaw(req.file);
    if (cached) {
      ctx.stats.reused++;
      // A cached file is validated again: the schema may have changed since it was fetched.
      const data = parse(cached.body, cached.meta.content_type, {...req.origin, url: cached.meta.url, file: req.file});
      return {data, meta: cached.meta, reused: true};
    }
  }
  if (ctx.offline) {
    throw new OfflineMissingError(
      {...req.origin, file: req.file},
      `--offline: no raw copy of this request (expected ${relative(process.cwd(), req.file)}${existsSync(req.file) ? " without its sidecar" : ""}); run once without --offline to fetch it`
    );
  }
  const host = new URL(req.origin.url).host;
  const httpOpts: HttpOptions = {
    timeoutMs: ctx.config.timeoutMs,
    maxRetries: ctx.config.maxRetries,
    limiter: ctx.limiters.get(host),
    onAttempt: () => {
      ctx.stats.attempts++;
    },
    ...(ctx.retryBaseMs !== undefined ? {retryBaseMs: ctx.retryBaseMs} : {})
  };
  const res = await fetchValidated(
    {origin: req.origin, method: req.method ?? "GET", json: req.json},
    (body, ct) => parse(body, ct, req.origin),
    httpOpts
  );
  ctx.stats.requests++;
  ctx.stats.bytes += res.body.length;
  const write = req.batch ? stageRaw : writeRaw;
  const written = await write(req.file, res.body, {
    source: req.origin.source,
    dataset: req.origin.dataset ?? "",
    url: res.url,
    method: req.method ?? "GET",
    query: req.json,
    http_status: res.status,
    content_type: res.contentType,
    fetched_at: res.fetchedAt,
    publisher: req.publisher,
    licence: req.licence,
    attempts: res.attempts
  });
  let meta: RawMeta;
  if ("renames" in written) {
    req.batch!.push(written);
    meta = written.meta;
  } else meta = written;
  return {data: res.data, meta, reused: false};
}

/**
 * Like Promise.all, but rejects only after every promise settled: when a run fails, no request or raw-file
 * commit of it is still in flight (a later run would otherwise meet its half-done writes).
 */
export async function settleAll<T>(promises: readonly Promise<T>[]): Promise<T[]> {
  const settled = await Promise.allSettled(promises);
  const failed = settled.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failed) throw failed.reason;
  return settled.map((r) => (r as PromiseFulfilledResult<T>).value);
}
