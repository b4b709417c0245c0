/**
 * Golden-file harness, generic over an indicator list: computes the indicators on staging fixtures
 * in a fresh in-memory DuckDB and compares, per indicator, the mart values with
 * test/golden/indicators/<id>.csv and the summary with <id>.summary.csv. A mismatch writes
 * <name>-changed.csv under test/.output/golden/; UPDATE_GOLDEN=1 rewrites the golden files instead.
 * Point it at the real registry with `runGolden({indicators: INDICATORS, stage: <loader of fixtures>})`.
 */
import {existsSync} from "node:fs";
import {mkdir, readFile, writeFile} from "node:fs/promises";
import {join} from "node:path";
import type {DuckDBConnection} from "@duckdb/node-api";
import {PROJECT_ROOT} from "../../data-loaders/lib/config.js";
import {query} from "../../data-loaders/lib/duckdb.js";
import type {Scope} from "../../data-loaders/lib/types.js";
import {formatCsv, type Cell} from "../../data-loaders/publish/csv.js";
import {computeIndicators} from "../../indicators/compute.js";
import type {Indicator} from "../../indicators/define.js";
import {SUMMARY_COLUMNS} from "../../indicators/published.js";
import {freshDb} from "../helpers/db.js";

export const GOLDEN_DIR = join(PROJECT_ROOT, "test", "golden", "indicators");
export const CHANGED_DIR = join(PROJECT_ROOT, "test", ".output", "golden");

export interface GoldenOptions {
  indicators: Indicator[];
  /** Fill the staging tables of a fresh database with fixtures. */
  stage: (conn: DuckDBConnection) => Promise<void>;
  scope?: Scope;
  goldenDir?: string;
  changedDir?: string;
  /** Rewrite the golden files (default: UPDATE_GOLDEN=1). */
  update?: boolean;
}

export interface GoldenOutcome {
  /** Golden file name, e.g. "<id>.csv" or "<id>.summary.csv". */
  file: string;
  status: "same" | "changed" | "missing" | "written";
  /** Where the new output went when it differs. */
  changed?: string;
  /** First differing line, for the failure message. */
  diff?: string;
}

const VALUE_COLUMNS = ["indicator_id", "area_code", "year", "sex", "group", "value", "status"] as const;

/** Compute the indicators on the fixtures and compare every output with its golden file. */
export async function runGolden(opts: GoldenOptions): Promise<GoldenOutcome[]> {
  const goldenDir = opts.goldenDir ?? GOLDEN_DIR;
  const changedDir = opts.changedDir ?? CHANGED_DIR;
  const update = opts.update ?? process.env.UPDATE_GOLDEN === "1";
  const db = await freshDb();
  try {
    await opts.stage(db.conn);
    await computeIndicators(db.conn, opts.indicators, {scope: opts.scope ?? "county"});
    const outcomes: GoldenOutcome[] = [];
    for (const ind of opts.indicators) {
      const values = await table(db.conn, VALUE_COLUMNS, "mart_indicator_values", ind.id, `area_code, "group", sex, year`);
      const summary = await table(db.conn, SUMMARY_COLUMNS, "mart_indicator_summary", ind.id, `area_code, "group", sex`);
      outcomes.push(await compare(`${ind.id}.csv`, values, goldenDir, changedDir, update));
      outcomes.push(await compare(`${ind.id}.summary.csv`, summary, goldenDir, changedDir, update));
    }
    return outcomes;
  } finally {
    db.close();
  }
}

async function table(conn: DuckDBConnection, columns: readonly string[], from: string, id: string, orderBy: string): Promise<string> {
  const cols = columns.map((c) => `"${c}"`).join(", ");
  const rows = await query<Record<string, Cell>>(conn, `SELECT ${cols} FROM ${from} WHERE indicator_id = $id ORDER BY ${orderBy}`, {id});
  return formatCsv(
    columns,
    rows.map((r) => columns.map((c) => r[c] ?? null))
  );
}

async function compare(file: string, text: string, goldenDir: string, changedDir: string, update: boolean): Promise<GoldenOutcome> {
  const golden = join(goldenDir, file);
  if (update) {
    await mkdir(goldenDir, {recursive: true});
    await writeFile(golden, text);
    return {file, status: "written"};
  }
  const expected = existsSync(golden) ? await readFile(golden, "utf8") : null;
  if (expected === text) return {file, status: "same"};
  await mkdir(changedDir, {recursive: true});
  const changed = join(changedDir, file.replace(/\.csv$/, "-changed.csv"));
  await writeFile(changed, text);
  if (expected === null) return {file, status: "missing", changed, diff: `no golden file ${golden} (run with UPDATE_GOLDEN=1)`};
  return {file, status: "changed", changed, diff: firstDifference(expected, text)};
}

function firstDifference(expected: string, actual: string): string {
  const a = expected.split("\n");
  const b = actual.split("\n");
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) return `line ${i + 1}:\n  golden: ${a[i] ?? "(none)"}\n  now:    ${b[i] ?? "(none)"}`;
  }
  return "same lines, different bytes";
}
