/** Runtime configuration: base URLs and paths come from the environment; defaults are the real public APIs. */
import {fileURLToPath} from "node:url";
import {join, resolve} from "node:path";

export const PROJECT_ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));

/** Default base URLs of the real public APIs (production). */
export const DEFAULT_KOLADA_BASE = "https://api.kolada.se/v3";
export const DEFAULT_SCB_BASE = "https://statistikdatabasen.scb.se/api/v2";
/** SCB's geodata WFS (DeSO/RegSO boundaries, CC0). */
export const DEFAULT_GEODATA_BASE = "https://geodata.scb.se/geoserver/stat/wfs";

export const USER_AGENT =
  "jonkoping-integration-indicators/0.1 (open-data pipeline for Jönköping county's integration strategy)";

export interface PipelineConfig {
  koladaBase: string;
  scbBase: string;
  /** Directory for the raw layer, the warehouse and run reports (git-ignored). */
  dataDir: string;
  /** Directory the publish stage writes the site's static files to. */
  publishDir: string;
  /** Directory with reference files that no API serves (DeSO→RegSO key, boundaries). */
  referenceDir: string;
  /** SCB's geodata WFS, where production fetches the DeSO 2025 boundaries. */
  geodataBase: string;
  /**
   * Where the DeSO boundaries come from: "wfs" (production) or "reference" (the snapshot in the reference
   * directory, chosen explicitly, e.g. by the offline demo; never a fallback when the WFS fails).
   */
  boundariesSource: "wfs" | "reference";
  /** HTTP tuning. */
  timeoutMs: number;
  maxRetries: number;
  concurrency: number;
  /** Kolada page size (≤ 5000); tests force small pages. */
  koladaPerPage: number;
  /** Our own SCB call limit (--scb-rate, e.g. 3/1 as SCB's /config says); the stricter of it and /config applies. */
  scbRate?: RateSpec | undefined;
}

/** At most `calls` calls per `windowMs`. */
export interface RateSpec {
  calls: number;
  windowMs: number;
}

/** Parse "CALLS/SECONDS" (e.g. "3/1"); undefined for bad text. */
export function parseRate(text: string): RateSpec | undefined {
  const m = /^(\d+)\/(\d+(?:\.\d+)?)$/.exec(text.trim());
  if (!m) return undefined;
  const calls = Number(m[1]);
  const windowMs = Number(m[2]) * 1000;
  return calls > 0 && windowMs > 0 ? {calls, windowMs} : undefined;
}

/** Read the configuration from env, with overrides (tests pass explicit values). */
export function loadConfig(overrides: Partial<PipelineConfig> = {}): PipelineConfig {
  const env = process.env;
  const dataDir = resolve(env.PIPELINE_DATA_DIR ?? join(PROJECT_ROOT, "data"));
  return {
    koladaBase: stripSlash(env.KOLADA_BASE_URL ?? DEFAULT_KOLADA_BASE),
    scbBase: stripSlash(env.SCB_BASE_URL ?? DEFAULT_SCB_BASE),
    dataDir,
    publishDir: resolve(env.PIPELINE_PUBLISH_DIR ?? join(PROJECT_ROOT, "src", "data", "pub")),
    referenceDir: resolve(env.REFERENCE_DIR ?? join(PROJECT_ROOT, "..", "shared", "data", "raw")),
    geodataBase: stripSlash(env.SCB_GEODATA_URL ?? DEFAULT_GEODATA_BASE),
    boundariesSource: boundariesSource(env.BOUNDARIES_SOURCE),
    timeoutMs: Number(env.HTTP_TIMEOUT_MS ?? 30_000),
    maxRetries: Number(env.HTTP_MAX_RETRIES ?? 6),
    concurrency: Number(env.HTTP_CONCURRENCY ?? 4),
    koladaPerPage: Number(env.KOLADA_PER_PAGE ?? 5000),
    scbRate: env.SCB_RATE ? parseRate(env.SCB_RATE) : undefined,
    ...overrides
  };
}

function boundariesSource(v: string | undefined): "wfs" | "reference" {
  if (v === undefined || v === "wfs") return "wfs";
  if (v === "reference") return "reference";
  throw new Error(`BOUNDARIES_SOURCE must be "wfs" or "reference", got ${JSON.stringify(v)}`);
}

function stripSlash(s: string): string {
  return s.replace(/\/+$/, "");
}
