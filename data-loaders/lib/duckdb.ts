/** DuckDB helpers: open a database, run SQL with named $params, read rows as JSON-safe objects. */
import {DuckDBInstance, type DuckDBConnection, type DuckDBValue} from "@duckdb/node-api";

export type Params = Record<string, DuckDBValue>;

/** Open (or create) a DuckDB database; ":memory:" for tests. */
export async function openDb(path = ":memory:"): Promise<{instance: DuckDBInstance; conn: DuckDBConnection; close: () => void}> {
  const instance = await DuckDBInstance.create(path);
  const conn = await instance.connect();
  return {
    instance,
    conn,
    close: () => {
      conn.closeSync();
      instance.closeSync();
    }
  };
}

/** Run SQL and return rows as plain objects (numbers as JS numbers, dates as strings). */
export async function query<T = Record<string, unknown>>(conn: DuckDBConnection, sql: string, params?: Params): Promise<T[]> {
  const reader = params ? await conn.runAndReadAll(sql, params) : await conn.runAndReadAll(sql);
  return reader.getRowObjectsJS() as T[];
}

/** Whether the database `catalog` (e.g. "prev"; default the current one) has a table `table` in its main schema. */
export async function hasTable(conn: DuckDBConnection, table: string, catalog?: string): Promise<boolean> {
  const [r] = await query<{n: number}>(
    conn,
    `SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE database_name = coalesce($catalog, current_database()) AND schema_name = 'main' AND table_name = $t`,
    {catalog: catalog ?? null, t: table}
  );
  return (r?.n ?? 0) > 0;
}

/** DuckDB's version and build, e.g. "v1.4.1 b390a7c376": part of every fingerprint of what DuckDB writes or computes. */
export async function duckdbVersion(conn: DuckDBConnection): Promise<string> {
  const [v] = await query<{v: string}>(conn, `SELECT library_version || ' ' || source_id AS v FROM pragma_version()`);
  return v?.v ?? "";
}

/** Run one or more statements (no params) or one statement with params. */
export async function exec(conn: DuckDBConnection, sql: string, params?: Params): Promise<void> {
  if (params) await conn.run(sql, params);
  else await conn.run(sql);
}

/** DuckDB type names a batch insert may declare (a list as ["VARCHAR"]). */
export type JsonColumnType = "VARCHAR" | "DOUBLE" | "INTEGER" | "BOOLEAN" | ["VARCHAR"];

/**
 * Insert rows in one statement: the rows travel as one JSON parameter, read back with from_json
 * (one INSERT per row costs 1–2 ms in DuckDB's node API; 400 of them were a fifth of the publish stage).
 * Table and column names are ours (code), never data; the values are bound.
 */
export async function insertRows(
  conn: DuckDBConnection,
  table: string,
  columns: readonly (readonly [string, JsonColumnType])[],
  rows: readonly Record<string, unknown>[]
): Promise<void> {
  if (rows.length === 0) return;
  const structure = JSON.stringify([Object.fromEntries(columns.map(([name, type]) => [name, type]))]);
  const names = columns.map(([name]) => `"${name}"`);
  await conn.run(
    `INSERT INTO ${table} (${names.join(", ")})
     SELECT ${names.map((n) => `r.${n}`).join(", ")} FROM (SELECT unnest(from_json($rows, '${structure}')) AS r)`,
    {rows: JSON.stringify(rows.map((row) => Object.fromEntries(columns.map(([name]) => [name, row[name] ?? null]))))}
  );
}
