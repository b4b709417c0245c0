/**
 * One DuckDB COPY writes one file per indicator (PARTITION_BY) into a scratch directory; each file is
 * then moved to its published name. One COPY per file cost ~8–10 ms each, most of the publish budget.
 */
import {existsSync} from "node:fs";
import {mkdir, readdir, readFile, rename, rm, writeFile} from "node:fs/promises";
import {join} from "node:path";
import type {DuckDBConnection} from "@duckdb/node-api";
import type {Params} from "../lib/duckdb.js";

export interface PartitionedCopy {
  /** A SELECT with a `_id` column (the partition, dropped from the files) and an ORDER BY giving the row order. */
  select: string;
  params?: Params;
  /** COPY options besides PARTITION_BY, e.g. `FORMAT parquet, COMPRESSION zstd`. */
  options: string;
  /** Partition id → the file's path; every id must get exactly one file. */
  targets: ReadonlyMap<string, string>;
  /** Bytes written before the file's content (the Excel files' byte order mark, which DuckDB cannot write alone). */
  prefix?: Uint8Array;
}

/**
 * Run the COPYs into `scratch` (removed afterwards) and move each partition file to its target.
 * Returns every problem at once (a missing partition, or one split into several files); moves nothing when there is one.
 */
export async function copyPartitioned(conn: DuckDBConnection, scratch: string, copies: readonly PartitionedCopy[]): Promise<string[]> {
  // preserve_insertion_order is a global setting: two branches' COPYs (pipeline.ts runs some publish steps side by
  // side) take turns, so one never switches it off under the other.
  const turn = queue.then(() => copyPartitionedNow(conn, scratch, copies));
  // The queue only orders the turns; the caller gets this turn's error from `turn` itself.
  queue = turn.then(
    () => undefined,
    () => undefined
  );
  return turn;
}

let queue: Promise<void> = Promise.resolve();

async function copyPartitionedNow(conn: DuckDBConnection, scratch: string, copies: readonly PartitionedCopy[]): Promise<string[]> {
  await rm(scratch, {recursive: true, force: true});
  await mkdir(scratch, {recursive: true});
  const dirs = copies.map((_, i) => join(scratch, String(i)));
  try {
    // With ORDER BY and preserve_insertion_order, DuckDB writes each partition as one file in that order (checked
    // below: a partition split into several files is a problem, never silently concatenated).
    await conn.run("SET preserve_insertion_order = true");
    try {
      for (const [i, c] of copies.entries()) await conn.run(`COPY (${c.select}) TO $partition_dir (${c.options}, PARTITION_BY (_id))`, {...c.params, partition_dir: dirs[i]!});
    } finally {
      await conn.run("SET preserve_insertion_order = false");
    }
    const found = await Promise.all(
      copies.flatMap((c, i) =>
        [...c.targets].map(async ([id, target]) => {
          const dir = join(dirs[i]!, `_id=${id}`);
          const parts = existsSync(dir) ? await readdir(dir) : [];
          return {file: parts.length === 1 ? join(dir, parts[0]!) : null, target, prefix: c.prefix, problem: `${target}: ${parts.length} partition file(s) in ${dir}`};
        })
      )
    );
    const problems = found.flatMap((f) => (f.file === null ? [f.problem] : []));
    if (problems.length) return problems;
    await Promise.all(
      found.map(async (f) => {
        if (f.prefix) await writeFile(f.target, Buffer.concat([f.prefix, await readFile(f.file!)]));
        else await rename(f.file!, f.target);
      })
    );
    return [];
  } finally {
    // the partition directories are (nearly) empty: remove them in parallel (a recursive rm goes one by one)
    const partitionDirs = (await Promise.all(dirs.filter((d) => existsSync(d)).map(async (d) => (await readdir(d)).map((n) => join(d, n))))).flat();
    await Promise.all(partitionDirs.map((d) => rm(d, {recursive: true, force: true})));
    await rm(scratch, {recursive: true, force: true});
  }
}
