/**
 * One DuckDB COPY writes one file per indicator (PARTITION_BY) into a scratch directory; each file is
 * then moved to its published name. One COPY per file cost ~8–10 ms each, most of the publish budget.
 * A partitioned COPY does not keep the row order; copySplit writes CSV files in order.
 */
import {createReadStream, existsSync} from "node:fs";
import {mkdir, open, readdir, readFile, rename, rm, writeFile, type FileHandle} from "node:fs/promises";
import {join} from "node:path";
import {listValue, type DuckDBConnection} from "@duckdb/node-api";
import type {Params} from "../lib/duckdb.js";
import {CheckError} from "../lib/errors.js";

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
  return inOrderedTurn(conn, () => copyPartitionedNow(conn, scratch, copies));
}

let queue: Promise<void> = Promise.resolve();

/**
 * Run `f` in its turn with preserve_insertion_order on. The setting is global: two branches' COPYs (pipeline.ts runs
 * some publish steps side by side) take turns, so one never switches it off under the other.
 */
export function inOrderedTurn<T>(conn: DuckDBConnection, f: () => Promise<T>): Promise<T> {
  const turn = queue.then(async () => {
    await conn.run("SET preserve_insertion_order = true");
    try {
      return await f();
    } finally {
      await conn.run("SET preserve_insertion_order = false");
    }
  });
  // The queue only orders the turns; the caller gets this turn's error from `turn` itself.
  queue = turn.then(
    () => undefined,
    () => undefined
  );
  return turn;
}

async function copyPartitionedNow(conn: DuckDBConnection, scratch: string, copies: readonly PartitionedCopy[]): Promise<string[]> {
  await rm(scratch, {recursive: true, force: true});
  await mkdir(scratch, {recursive: true});
  const dirs = copies.map((_, i) => join(scratch, String(i)));
  try {
    // With preserve_insertion_order, DuckDB writes each partition as one file (checked below: a partition split into
    // several files is a problem, never silently concatenated). Not always in the ORDER BY order: a chunk holding one
    // partition is written at once, pieces of mixed chunks later (duckdb/duckdb#14349; reproduced on one thread too).
    // Callers that need the order check it (publish/index.ts) or use copySplit.
    for (const [i, c] of copies.entries()) await conn.run(`COPY (${c.select}) TO $partition_dir (${c.options}, PARTITION_BY (_id))`, {...c.params, partition_dir: dirs[i]!});
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

export interface SplitCopy {
  /** The rows in file order, without the id: e.g. `SELECT * EXCLUDE (_id, _ord) FROM t ORDER BY _ord`. */
  select: string;
  params?: Params;
  /** COPY options of a CSV dialect with a header row; every line must end in "\n" (LF or CRLF). */
  options: string;
  /** Each id with its number of rows, in the order of the rows; each id's rows are one run of lines. */
  counts: readonly {id: string; n: number}[];
  /** Id → the file's path. */
  targets: ReadonlyMap<string, string>;
  prefix?: Uint8Array;
}

/**
 * CSV files in their ORDER BY order: one ordered COPY to a single file (DuckDB keeps the order of a COPY without
 * PARTITION_BY), split into one file per id by counting lines, each with the header row. A partitioned COPY does not
 * keep the order (duckdb/duckdb#14349; a test reproduces it). No cell may contain a line break (the caller checks).
 * Returns every problem at once; writes no target when there is one.
 */
export async function copySplit(conn: DuckDBConnection, scratch: string, copies: readonly SplitCopy[]): Promise<string[]> {
  return inOrderedTurn(conn, () => copySplitNow(conn, scratch, copies));
}

/** One file per COPY, each written in its ORDER BY order (no PARTITION_BY), the prefix first. Slow per file: a fallback. */
export async function copyEach(
  conn: DuckDBConnection,
  copies: readonly {select: string; params?: Params; options: string; target: string; prefix?: Uint8Array}[]
): Promise<void> {
  return inOrderedTurn(conn, async () => {
    for (const c of copies) {
      await conn.run(`COPY (${c.select}) TO $file (${c.options})`, {...c.params, file: c.target});
      if (c.prefix) await writeFile(c.target, Buffer.concat([c.prefix, await readFile(c.target)]));
    }
  });
}

async function copySplitNow(conn: DuckDBConnection, scratch: string, copies: readonly SplitCopy[]): Promise<string[]> {
  await rm(scratch, {recursive: true, force: true});
  await mkdir(scratch, {recursive: true});
  try {
    const files = copies.map((_, i) => join(scratch, `${i}.csv`));
    for (const [i, c] of copies.entries()) await conn.run(`COPY (${c.select}) TO $file (${c.options})`, {...c.params, file: files[i]!});
    // Each file is cut into parts in the scratch directory, read in chunks (sweden scope: ~55 MB per file; read whole,
    // with a concatenated copy of every part, they took ~220 MB); the parts are moved to their targets only when
    // every file's cuts hold.
    const problems: string[] = [];
    const parts: {part: string; target: string}[] = [];
    for (const [i, c] of copies.entries()) {
      const cut = await cutByLines(files[i]!, c, join(scratch, `${i}.parts`));
      problems.push(...cut.problems);
      parts.push(...cut.parts);
      const missing = [...c.targets.keys()].filter((id) => !c.counts.some((x) => x.id === id && x.n > 0));
      for (const id of missing) problems.push(`${c.targets.get(id)}: no rows for ${id}`);
    }
    if (problems.length) return problems;
    await Promise.all(parts.map((p) => rename(p.part, p.target)));
    return [];
  } finally {
    await rm(scratch, {recursive: true, force: true});
  }
}

/**
 * Cut a CSV file with a header row into one part per id of `c.counts`, in order, each part the prefix, the header and
 * the id's n lines, written under partDir. Reads the file in chunks of 1 MB, so memory does not grow with the file.
 */
async function cutByLines(file: string, c: SplitCopy, partDir: string): Promise<{parts: {part: string; target: string}[]; problems: string[]}> {
  await mkdir(partDir);
  const problems: string[] = [];
  const parts: {part: string; target: string}[] = [];
  const headerPieces: Buffer[] = [];
  let header: Buffer | null = null;
  let next = 0; // index of the id whose lines come next
  let left = 0; // lines still to come for the current id
  let current: {id: string; out: {handle: FileHandle; part: string} | null} | null = null;
  let extra = 0;
  try {
    for await (const chunk of createReadStream(file, {highWaterMark: 1 << 20}) as AsyncIterable<Buffer>) {
      let at = 0;
      if (header === null) {
        const nl = chunk.indexOf(0x0a);
        if (nl < 0) {
          headerPieces.push(chunk);
          continue;
        }
        header = Buffer.concat([...headerPieces, chunk.subarray(0, nl + 1)]);
        at = nl + 1;
      }
      while (at < chunk.length) {
        if (current === null) {
          while (next < c.counts.length && c.counts[next]!.n === 0) next++;
          if (next === c.counts.length) {
            extra += chunk.length - at;
            break;
          }
          const {id, n} = c.counts[next++]!;
          const target = c.targets.get(id);
          left = n;
          if (target === undefined) {
            problems.push(`${file}: rows of ${id}, which has no target`);
            current = {id, out: null};
          } else {
            const part = join(partDir, String(parts.length));
            parts.push({part, target});
            const handle = await open(part, "w");
            current = {id, out: {handle, part}};
            await writeAll(handle, [...(c.prefix ? [c.prefix] : []), header], part);
          }
        }
        let end = at;
        while (left > 0) {
          const nl = chunk.indexOf(0x0a, end);
          if (nl < 0) {
            end = chunk.length;
            break;
          }
          end = nl + 1;
          left--;
        }
        if (current.out) await writeAll(current.out.handle, [chunk.subarray(at, end)], current.out.part);
        at = end;
        if (left === 0) {
          const done = current.out;
          current = null;
          await done?.handle.close();
        }
      }
    }
  } finally {
    await current?.out?.handle.close();
  }
  const unfinished = current?.id ?? c.counts.slice(next).find((x) => x.n > 0)?.id;
  if (unfinished !== undefined) problems.push(`${file}: fewer lines than the ${c.counts.find((x) => x.id === unfinished)!.n} rows of ${unfinished}`);
  if (extra) problems.push(`${file}: ${extra} bytes after the rows counted`);
  return {parts, problems};
}

/** Write all of `pieces` at the handle's position: writev may write less than asked (a signal, a full disk). */
async function writeAll(handle: FileHandle, pieces: Uint8Array[], file: string): Promise<void> {
  const total = pieces.reduce((n, p) => n + p.byteLength, 0);
  let written = (await handle.writev(pieces)).bytesWritten;
  while (written < total) {
    const rest = Buffer.concat(pieces).subarray(written);
    const {bytesWritten} = await handle.write(rest);
    if (bytesWritten === 0) throw new Error(`publish: ${file}: wrote ${written} of ${total} bytes`);
    written += bytesWritten;
  }
}

/**
 * The Parquet files among `paths` whose rows are not in the order of `key` (an SQL expression over the file's
 * columns, strictly increasing within each file): a partitioned COPY does not always keep the order (above).
 */
export async function parquetOutOfOrder(conn: DuckDBConnection, paths: readonly string[], key: string, params: Params = {}): Promise<string[]> {
  if (paths.length === 0) return [];
  const reader = await conn.runAndReadAll(
    `WITH
     cells AS (
       SELECT filename AS file, file_row_number AS i, ${key} AS k
       FROM read_parquet($paths, filename = true, file_row_number = true)
     ),
     paired AS (
       SELECT file, k, lag(k) OVER (PARTITION BY file ORDER BY i) AS previous FROM cells
     )
     SELECT DISTINCT file FROM paired WHERE previous IS NOT NULL AND k <= previous ORDER BY file`,
    {...params, paths: listValue([...paths])}
  );
  return (reader.getColumnsJS()[0] ?? []) as string[];
}

/**
 * Parquet files in order: one partitioned COPY (copyPartitioned), then each file whose order `key` finds broken is
 * written again on its own by `rewrite`. Returns the partition problems (copyPartitioned); throws if a file is out of
 * order even when written alone.
 */
export async function copyParquetInOrder(
  conn: DuckDBConnection,
  scratch: string,
  copy: PartitionedCopy,
  check: {key: string; params?: Params},
  rewrite: (ids: readonly string[]) => readonly {select: string; params?: Params; options: string; target: string}[]
): Promise<string[]> {
  const problems = await copyPartitioned(conn, scratch, [copy]);
  if (problems.length) return problems;
  const unordered = await parquetOutOfOrder(conn, [...copy.targets.values()], check.key, check.params);
  const ids = [...copy.targets].filter(([, target]) => unordered.includes(target)).map(([id]) => id);
  await copyEach(conn, rewrite(ids));
  const still = await parquetOutOfOrder(conn, unordered, check.key, check.params);
  if (still.length) throw new CheckError(still.map((f) => `publish: ${f}: rows not in reading order after writing it alone`));
  return [];
}
