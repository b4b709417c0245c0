/** A fresh in-memory DuckDB per test, with the staging contract created. */
import {readFile} from "node:fs/promises";
import {join} from "node:path";
import {PROJECT_ROOT} from "../../data-loaders/lib/config.js";
import {openDb} from "../../data-loaders/lib/duckdb.js";

/** Open :memory: and create the staging tables of data-loaders/staging-schema.sql. */
export async function freshDb(opts: {schema?: boolean} = {}) {
  const db = await openDb(":memory:");
  if (opts.schema !== false) {
    await db.conn.run(await readFile(join(PROJECT_ROOT, "data-loaders", "staging-schema.sql"), "utf8"));
  }
  return db;
}
