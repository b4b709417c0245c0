/**
 * HTTP with timeouts, retries (exponential backoff + jitter; Retry-After honoured) and
 * validation inside the retry loop: a truncated body or an HTML page sent with status 200
 * is retried like a 5xx, and only at the retry cap does the last error stop the run.
 */
import {setTimeout as sleep} from "node:timers/promises";
import {USER_AGENT} from "./config.js";
import {HttpError, ParseError, PipelineError, SchemaError, type ErrorOrigin} from "./errors.js";
import type {RateLimiter} from "./rate-limit.js";

export interface HttpOptions {
  timeoutMs: number;
  /** Retries after the first attempt. */
  maxRetries: number;
  /** Base of the exponential backoff (ms). */
  retryBaseMs?: number;
  /** Upper bound of one backoff wait (ms). */
  retryMaxMs?: number;
  limiter?: RateLimiter | undefined;
  /** Longest Retry-After we wait for (ms); a server asking for more fails the request (default 120 s). */
  retryAfterCapMs?: number;
  /** Called once per attempt (for request counting in reports and benchmarks). */
  onAttempt?: (info: {url: string; attempt: number; status: number | null; error?: string}) => void;
}

export interface RequestSpec {
  origin: ErrorOrigin & {url: string};
  method?: "GET" | "POST";
  /** JSON body for POST. */
  json?: unknown;
  headers?: Record<string, string>;
}

export interface HttpResponse<T> {
  url: string;
  status: number;
  contentType: string | null;
  /** The body exactly as received. */
  body: Buffer;
  data: T;
  attempts: number;
  fetchedAt: string;
}

/** Statuses worth another try: throttling, server errors, gateway timeouts; every other 4xx is permanent. */
const RETRYABLE_STATUS = new Set([408, 429, 500, 502, 503, 504]);

/** A server asking us to wait longer than this is treated as a failure (the run must not stall for hours). */
export const RETRY_AFTER_CAP_MS = 120_000;

/** Same-host redirects followed per request. */
const MAX_REDIRECTS = 5;

/** Fetch a URL and parse/validate its body; retry transient failures; throw a PipelineError at the cap. */
export async function fetchValidated<T>(
  spec: RequestSpec,
  parse: (body: Buffer, contentType: string | null) => T,
  opts: HttpOptions
): Promise<HttpResponse<T>> {
  const {origin} = spec;
  const base = opts.retryBaseMs ?? 250;
  const maxWait = opts.retryMaxMs ?? 8_000;
  const capMs = opts.retryAfterCapMs ?? RETRY_AFTER_CAP_MS;
  let lastError: PipelineError | undefined;
  for (let attempt = 1; attempt <= opts.maxRetries + 1; attempt++) {
    if (opts.limiter) await opts.limiter.acquire();
    let retryAfterMs: number | undefined;
    try {
      const res = await fetchSameHost(spec, opts);
      const body = Buffer.from(await res.arrayBuffer());
      const contentType = res.headers.get("content-type");
      opts.onAttempt?.({url: origin.url, attempt, status: res.status});
      if (!res.ok) {
        const detail = body.toString("utf8").slice(0, 300).trim();
        const err = new HttpError(origin, res.status, `HTTP ${res.status}${detail ? `: ${detail}` : ""}`, attempt);
        if (!RETRYABLE_STATUS.has(res.status)) throw err;
        lastError = err;
        const header = res.headers.get("retry-after");
        retryAfterMs = parseRetryAfter(header);
        if (retryAfterMs !== undefined && retryAfterMs > capMs) {
          throw new HttpError(
            origin,
            res.status,
            `HTTP ${res.status} with Retry-After: ${header} (${Math.round(retryAfterMs / 1000)} s), longer than the cap of ${capMs / 1000} s: not waiting; try again later`,
            attempt,
            {cause: PERMANENT}
          );
        }
      } else {
        try {
          const data = parse(body, contentType);
          return {url: origin.url, status: res.status, contentType, body, data, attempts: attempt, fetchedAt: new Date().toISOString()};
        } catch (e) {
          // Parse/validation failures are retried: faults like truncation are transient. A schema
          // mismatch that repeats word for word is the API's real shape: retrying cannot help.
          if (e instanceof SchemaError && lastError instanceof SchemaError && lastError.message === e.message) {
            throw new StopRetrying(annotateCap(e, attempt, "the same schema mismatch twice in a row: not retried"));
          }
          if (e instanceof ParseError || e instanceof SchemaError) lastError = e;
          else throw e;
        }
      }
    } catch (e) {
      if (e instanceof StopRetrying) throw e.error;
      if (e instanceof HttpError && e.cause === PERMANENT) throw e;
      if (e instanceof HttpError && !RETRYABLE_STATUS.has(e.status ?? 0)) throw e;
      if (e instanceof PipelineError) lastError = e;
      else {
        const msg = describeNetworkError(e);
        opts.onAttempt?.({url: origin.url, attempt, status: null, error: msg});
        lastError = new HttpError(origin, null, msg, attempt, {cause: e});
      }
    }
    if (attempt <= opts.maxRetries) {
      const backoff = Math.min(maxWait, base * 2 ** (attempt - 1));
      const jitter = Math.random() * backoff * 0.5;
      await sleep(Math.max(retryAfterMs ?? 0, backoff + jitter));
    }
  }
  // lastError is always set here: every failed attempt assigns it before looping.
  throw annotateCap(lastError!, opts.maxRetries + 1);
}

function annotateCap(err: PipelineError, attempts: number, why?: string): PipelineError {
  err.message = `${err.message}\n  (gave up after ${attempts} attempts${why ? `: ${why}` : ""})`;
  return err;
}

/** Marks an error that must not be retried (the cause of an HttpError). */
const PERMANENT = Symbol("permanent");

/** Carries a permanent error out of the retry loop's catch. */
class StopRetrying {
  constructor(readonly error: PipelineError) {}
}

/**
 * fetch without following redirects blindly: a redirect on the same host is followed, one to
 * another host (or scheme) is refused, because our provenance and limits are per host.
 */
async function fetchSameHost(spec: RequestSpec, opts: HttpOptions): Promise<Response> {
  const {origin} = spec;
  let url = origin.url;
  for (let hop = 0; ; hop++) {
    const res = await fetch(url, {
      method: spec.method ?? "GET",
      headers: {
        "user-agent": USER_AGENT,
        accept: "application/json",
        ...(spec.json !== undefined ? {"content-type": "application/json"} : {}),
        ...spec.headers
      },
      body: spec.json !== undefined ? JSON.stringify(spec.json) : null,
      redirect: "manual",
      signal: AbortSignal.timeout(opts.timeoutMs)
    });
    if (res.status < 300 || res.status > 399 || res.status === 304) return res;
    await res.arrayBuffer();
    const location = res.headers.get("location");
    const fail = (msg: string) => new HttpError(origin, res.status, msg, 1, {cause: PERMANENT});
    if (!location) throw fail(`HTTP ${res.status} redirect without a Location header`);
    const next = new URL(location, url);
    const from = new URL(url);
    if (next.host !== from.host || next.protocol !== from.protocol) {
      throw fail(`HTTP ${res.status} redirect to another host refused: ${next.origin} (from ${from.origin}); if the API moved, change its base URL`);
    }
    if (hop >= MAX_REDIRECTS) throw fail(`more than ${MAX_REDIRECTS} redirects`);
    url = next.href;
  }
}

/**
 * Retry-After as seconds or an HTTP date → milliseconds; a date in the past means now, an
 * unreadable value is ignored. The caller compares the result with its cap (far-future dates fail there).
 */
export function parseRetryAfter(v: string | null, now = Date.now()): number | undefined {
  if (!v) return undefined;
  const t = v.trim();
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t) * 1000;
  const date = Date.parse(t);
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}

function describeNetworkError(e: unknown): string {
  if (e instanceof Error) {
    if (e.name === "TimeoutError" || e.name === "AbortError") return "request timed out";
    const cause = (e as {cause?: {code?: string; message?: string}}).cause;
    if (cause?.code) return `network error: ${cause.code}${cause.message ? ` (${cause.message})` : ""}`;
    return `network error: ${e.message}`;
  }
  return `network error: ${String(e)}`;
}

/** Parse a JSON body, turning HTML pages and truncated bodies into a ParseError naming the origin. */
export function parseJsonBody(origin: ErrorOrigin, body: Buffer, contentType: string | null): unknown {
  const text = body.toString("utf8");
  if (contentType && /text\/html/i.test(contentType)) {
    throw new ParseError(origin, `expected JSON, got an HTML page (content-type ${contentType}): ${text.slice(0, 80)}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new ParseError(origin, `body is not valid JSON (${(e as Error).message}; ${body.length} bytes)`);
  }
}
