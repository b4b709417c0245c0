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

/** Run one or more statements (no params) or one statement with params. */
export async function exec(conn: DuckDBConnection, sql: string, params?: Params): Promise<void> {
  if (params) await conn.run(sql, params);
  else await conn.run(sql);
}
