/**
 * Reuse of a stage group's tables when nothing it reads changed, as OWID's etl reruns a step only when the checksum of
 * its inputs changed, and dbt builds only modified models. The compute group (indicators beside areas → peers) is a
 * function of the warehouse's tables when it starts (staged data, raw-file provenance, the map shapes), of the run's
 * scope and of the code. Its fingerprint covers all three: every table's columns, row count and sum of row hashes;
 * the scope; every source file under indicators/ and data-loaders/, package-lock.json and DuckDB's version. When the
 * previous warehouse recorded the same fingerprint, the tables the group made there are copied, definitions and rows,
 * instead of made again; the checks they passed then would pass again on the same inputs with the same code.
 * The fingerprint is conservative: a re-fetch (--refresh) changes the raw files' retrieval times, so it recomputes.
 */
import {createHash} from "node:crypto";
import {readdirSync, readFileSync} from "node:fs";
import {join, relative} from "node:path";
import {listValue, type DuckDBConnection} from "@duckdb/node-api";
import {z} from "zod";
import {PROJECT_ROOT} from "./config.js";
import {duckdbVersion, hasTable, query} from "./duckdb.js";
import {validate} from "./validate.js";

/** The warehouse table that records, per reusable stage group, its fingerprint and the tables it made. */
export const STAGE_REUSE_TABLE = "meta_stage_reuse";

const Recorded = z.strictObject({stage: z.string().min(1), fingerprint: z.string().regex(/^[0-9a-f]{64}$/), tables: z.array(z.string().min(1))});
export type RecordedStage = z.infer<typeof Recorded>;

/** The code a stage's output can depend on: every .ts and .sql file under these folders, and the locked dependencies. */
const CODE_DIRS = ["indicators", "data-loaders"];

let codeKey: string | undefined;

/** One hash of the code (CODE_DIRS' files by path and content, package-lock.json) and of DuckDB's version. */
async function codeFingerprint(conn: DuckDBConnection): Promise<string> {
  if (codeKey === undefined) {
    const files = CODE_DIRS.flatMap((d) => sourceFiles(join(PROJECT_ROOT, d))).sort();
    const h = createHash("sha256").update(`duckdb ${await duckdbVersion(conn)}\n`);
    for (const f of [...files, join(PROJECT_ROOT, "package-lock.json")]) h.update(`${relative(PROJECT_ROOT, f)}\n`).update(readFileSync(f)).update("\n");
    codeKey = h.digest("hex");
  }
  return codeKey;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, {withFileTypes: true}).flatMap((e) => {
    if (e.name.startsWith(".") || e.name === "node_modules") return [];
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.(ts|sql)$/.test(e.name) ? [path] : [];
  });
}

/** The main schema's tables of the warehouse being built (not the attached previous one, not temp tables), by name. */
export async function tablesOf(conn: DuckDBConnection): Promise<string[]> {
  const rows = await query<{t: string}>(
    conn,
    `SELECT table_name AS t FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = 'main' ORDER BY table_name`
  );
  return rows.map((r) => r.t);
}

/**
 * The fingerprint of a stage group's inputs: the given tables (by default every table now in the warehouse), the scope
 * and the code.
 */
export async function inputFingerprint(conn: DuckDBConnection, scope: string, only?: readonly string[]): Promise<string> {
  const tables = only ? [...only].sort() : await tablesOf(conn);
  const h = createHash("sha256").update(`${await codeFingerprint(conn)}\nscope ${scope}\n`);
  if (tables.length === 0) return h.digest("hex");
  const columns = await query<{t: string; cols: string}>(
    conn,
    `SELECT table_name AS t, string_agg(column_name || ' ' || data_type, ', ' ORDER BY column_index) AS cols
     FROM duckdb_columns() WHERE database_name = current_database() AND schema_name = 'main' GROUP BY table_name ORDER BY table_name`
  );
  // one statement for all tables; the sum of row hashes does not depend on the order the rows are read in
  const contents = await query<{t: string; n: number; h: string | null}>(
    conn,
    tables.map((t) => `SELECT '${t.replace(/'/g, "''")}' AS t, count(*)::BIGINT::DOUBLE AS n, sum(hash(r))::VARCHAR AS h FROM main."${t.replace(/"/g, '""')}" AS r`).join("\nUNION ALL\n")
  );
  const byTable = new Map(contents.map((c) => [c.t, c]));
  for (const c of columns.filter((x) => byTable.has(x.t))) {
    const content = byTable.get(c.t);
    h.update(`${c.t}(${c.cols}) ${content?.n ?? "?"} ${content?.h ?? ""}\n`);
  }
  return h.digest("hex");
}

/** What the warehouse attached as `prev` recorded for the stage group, or undefined (none, or an older warehouse). */
export async function previousStage(conn: DuckDBConnection, stage: string, file: string): Promise<RecordedStage | undefined> {
  if (!(await hasTable(conn, STAGE_REUSE_TABLE, "prev"))) return undefined;
  const rows = await query(conn, `SELECT stage, fingerprint, tables FROM prev.main.${STAGE_REUSE_TABLE} WHERE stage = $stage`, {stage});
  return validate(Recorded.array().max(1), rows, {source: "pipeline", dataset: STAGE_REUSE_TABLE, file})[0];
}

/**
 * Copy the recorded tables from `prev` into the warehouse being built: each table's own CREATE statement (its
 * constraints with it), then its rows, all in one transaction.
 */
export async function copyFromPrevious(conn: DuckDBConnection, tables: readonly string[]): Promise<{tables: number; rows: number}> {
  const defs = await query<{t: string; sql: string}>(
    conn,
    `SELECT table_name AS t, sql FROM duckdb_tables() WHERE database_name = 'prev' AND schema_name = 'main' AND list_contains($tables, table_name)`,
    {tables: listValue([...tables])}
  );
  const byName = new Map(defs.map((d) => [d.t, d.sql]));
  const missing = tables.filter((t) => !byName.has(t));
  if (missing.length) throw new Error(`${STAGE_REUSE_TABLE}: the previous warehouse lacks the recorded tables ${missing.join(", ")}`);
  let rows = 0;
  await conn.run("BEGIN TRANSACTION");
  try {
    for (const t of tables) {
      await conn.run(byName.get(t)!);
      rows += Number((await conn.run(`INSERT INTO main."${t.replace(/"/g, '""')}" SELECT * FROM prev.main."${t.replace(/"/g, '""')}"`)).rowsChanged);
    }
    await conn.run("COMMIT");
  } catch (e) {
    await conn.run("ROLLBACK");
    throw e;
  }
  return {tables: tables.length, rows};
}

/** Record the stage group's fingerprint and the tables it made, for the next run. */
export async function recordStage(conn: DuckDBConnection, stage: RecordedStage): Promise<void> {
  await conn.run(`CREATE TABLE IF NOT EXISTS ${STAGE_REUSE_TABLE} (stage VARCHAR NOT NULL PRIMARY KEY, fingerprint VARCHAR NOT NULL, tables VARCHAR[] NOT NULL)`);
  await conn.run(`INSERT OR REPLACE INTO ${STAGE_REUSE_TABLE} VALUES ($stage, $fingerprint, $tables)`, {
    stage: stage.stage,
    fingerprint: stage.fingerprint,
    tables: listValue([...stage.tables])
  });
}
