/**
 * The warehouse file: a new warehouse is built in a temporary file next to the old one and swapped
 * into place together with the published files (lib/swap.ts) only after every stage and check passed,
 * so after any failure the previous warehouse is byte-identical.
 */
import {existsSync} from "node:fs";
import {mkdir, readFile, rm} from "node:fs/promises";
import {join} from "node:path";
import type {DuckDBConnection} from "@duckdb/node-api";
import {openDb} from "./lib/duckdb.js";

/** Path of the live warehouse. */
export function warehousePath(dataDir: string): string {
  return join(dataDir, "warehouse.duckdb");
}

export interface WarehouseBuild {
  conn: DuckDBConnection;
  tmpPath: string;
  /** Another connection to the same warehouse, for a stage branch that runs beside the main one; closed with it. */
  connect(): Promise<DuckDBConnection>;
  /** Checkpoint and close: the temporary file is then complete, ready to be swapped into place (lib/swap.ts). */
  finish(): Promise<void>;
  /** Close and delete the temporary file; the live warehouse is untouched. */
  abort(): Promise<void>;
}

/** Start a new warehouse in a temporary file, with the staging schema created. */
export async function beginWarehouse(dataDir: string): Promise<WarehouseBuild> {
  await mkdir(dataDir, {recursive: true});
  const live = warehousePath(dataDir);
  const tmpPath = `${live}.${process.pid}.${Date.now()}.tmp`;
  const db = await openDb(tmpPath);
  // DuckDB would otherwise cache up to 80 % of RAM. 300 MB ran out in sweden scope once the structural, boundary and
  // report data joined (bench 2026-12-01); 600 MB leaves room for what it limits.
  await db.conn.run(`SET memory_limit = '${process.env.PIPELINE_DUCKDB_MEMORY ?? "600MB"}'`);
  // Row order is set by ORDER BY where it matters; keeping insertion order costs memory.
  await db.conn.run("SET preserve_insertion_order = false");
  // Hand freed memory back to the OS after each task instead of keeping it for reuse.
  await db.conn.run(`SET allocator_flush_threshold = '${process.env.PIPELINE_DUCKDB_FLUSH ?? "16MB"}'`);
  if (process.env.PIPELINE_DUCKDB_THREADS) await db.conn.run(`SET threads = ${Number(process.env.PIPELINE_DUCKDB_THREADS)}`);
  await db.conn.run(await readFile(new URL("./staging-schema.sql", import.meta.url), "utf8"));
  let closed = false;
  const others: DuckDBConnection[] = [];
  const close = () => {
    if (!closed) {
      closed = true;
      for (const c of others.splice(0)) c.closeSync();
      db.close();
    }
  };
  return {
    conn: db.conn,
    tmpPath,
    connect: async () => {
      const c = await db.instance.connect();
      others.push(c);
      return c;
    },
    finish: async () => {
      await db.conn.run("CHECKPOINT");
      close();
      await rm(`${tmpPath}.wal`, {force: true});
    },
    abort: async () => {
      close();
      await rm(tmpPath, {force: true});
      await rm(`${tmpPath}.wal`, {force: true});
    }
  };
}

/** Attach the previous live warehouse read-only as `prev` (for the change report); false if none. */
export async function attachPrevious(conn: DuckDBConnection, dataDir: string): Promise<boolean> {
  const live = warehousePath(dataDir);
  if (!existsSync(live)) return false;
  // ATTACH takes no bound parameters; the path is ours, quoted as a SQL string literal.
  await conn.run(`ATTACH '${live.replace(/'/g, "''")}' AS prev (READ_ONLY)`);
  return true;
}

/** Run `f` with the previous live warehouse attached as `prev`, detached afterwards; undefined (f not run) if none. */
export async function withPrevious<T>(conn: DuckDBConnection, dataDir: string, f: () => Promise<T>): Promise<T | undefined> {
  if (!(await attachPrevious(conn, dataDir))) return undefined;
  try {
    return await f();
  } finally {
    await conn.run("DETACH prev");
  }
}
