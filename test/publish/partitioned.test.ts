/**
 * copyPartitioned: one COPY, one file per id; a missing or split partition is reported and nothing moves.
 * copySplit: CSV files in the ORDER BY order, also from a large source DuckDB reads on several threads.
 * copyParquetInOrder: Parquet files in key order (files the partitioned COPY scrambled are written again).
 */
import {existsSync} from "node:fs";
import {mkdtemp, readFile, readdir, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterEach, beforeEach, describe, expect, it} from "vitest";
import {listValue} from "@duckdb/node-api";
import {copyParquetInOrder, copyPartitioned, copySplit, parquetOutOfOrder} from "../../data-loaders/publish/partitioned.js";
import {freshDb} from "../helpers/db.js";

// Invented rows (not statistics): two ids, written in the reverse of their insertion order.
const ROWS = `SELECT * FROM (VALUES ('a', 1, 10.5), ('b', 1, 7.0), ('a', 2, 11.0), ('b', 2, 8.0)) AS t(_id, year, value)`;

describe("copyPartitioned", () => {
  let dir: string;
  let db: Awaited<ReturnType<typeof freshDb>>;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "partitioned-"));
    db = await freshDb({schema: false});
  });
  afterEach(async () => {
    db.close();
    await rm(dir, {recursive: true, force: true});
  });

  it("writes each id's rows to its target (one chunk: in the ORDER BY order), without _id, with the prefix", async () => {
    const targets = new Map([["a", join(dir, "a.csv")], ["b", join(dir, "b.csv")]]);
    const problems = await copyPartitioned(db.conn, join(dir, "scratch"), [
      {select: `${ROWS} ORDER BY _id, year DESC`, options: "FORMAT csv, HEADER", targets, prefix: new Uint8Array([0x23, 0x0a])}
    ]);
    expect(problems).toEqual([]);
    expect(await readFile(join(dir, "a.csv"), "utf8")).toBe("#\nyear,value\n2,11.0\n1,10.5\n");
    expect(await readFile(join(dir, "b.csv"), "utf8")).toBe("#\nyear,value\n2,8.0\n1,7.0\n");
    expect(existsSync(join(dir, "scratch"))).toBe(false);
  });

  // DuckDB's partitioned COPY does not keep the ORDER BY order (duckdb/duckdb#14349): sweden scope's largest tidy
  // file (63 000 rows) came out with a block of rows moved. copySplit writes one ordered file and splits it.
  it("copySplit keeps the ORDER BY order in every file of a large source read on several threads, with header and prefix", async () => {
    await db.conn.run("SET threads = 4");
    await db.conn.run(`CREATE TABLE facts AS SELECT i AS ord, i % 3 AS k, (i * 7919) % 1000003 AS v FROM range(600000) AS r(i)`);
    await db.conn.run(`CREATE TABLE names AS SELECT * FROM (VALUES (0, 'a'), (1, 'b'), (2, 'c')) AS n(k, _id)`);
    const targets = new Map(["a", "b", "c"].map((id) => [id, join(dir, `${id}.csv`)]));
    // grouped by id, then in ord order within each: the order a partitioned COPY scrambles
    const select = `SELECT f.ord, f.v FROM facts AS f JOIN names AS n USING (k) ORDER BY n._id, f.ord`;
    const counts = ["a", "b", "c"].map((id) => ({id, n: 200000}));
    const problems = await copySplit(db.conn, join(dir, "scratch"), [{select, options: "FORMAT csv, HEADER", counts, targets, prefix: new Uint8Array([0x23, 0x0a])}]);
    expect(problems).toEqual([]);
    for (const [k, id] of ["a", "b", "c"].entries()) {
      const lines = (await readFile(join(dir, `${id}.csv`), "utf8")).trim().split("\n");
      expect(lines.slice(0, 2)).toEqual(["#", "ord,v"]);
      const ords = lines.slice(2).map((line) => Number(line.split(",")[0]));
      expect(ords).toHaveLength(200000);
      expect(ords.every((o) => o % 3 === k), `${id}.csv holds only its rows`).toBe(true);
      expect(ords.findIndex((o, i) => i > 0 && o <= ords[i - 1]!), `${id}.csv: first row out of order`).toBe(-1);
    }
    expect(existsSync(join(dir, "scratch"))).toBe(false);
  });

  it("copyParquetInOrder: every Parquet file in key order, also those the partitioned COPY scrambled (written again alone)", async () => {
    await db.conn.run("SET threads = 4");
    await db.conn.run(`CREATE TABLE facts AS SELECT i AS ord, i % 3 AS k, (i * 7919) % 1000003 AS v FROM range(600000) AS r(i)`);
    await db.conn.run(`CREATE TABLE names AS SELECT * FROM (VALUES (0, 'a'), (1, 'b'), (2, 'c')) AS n(k, _id)`);
    const targets = new Map(["a", "b", "c"].map((id) => [id, join(dir, `${id}.parquet`)]));
    const options = "FORMAT parquet";
    const asked: string[] = [];
    const problems = await copyParquetInOrder(
      db.conn,
      join(dir, "scratch"),
      {select: `SELECT f.ord, f.v, n._id FROM facts AS f JOIN names AS n USING (k) ORDER BY n._id, f.ord`, options, targets},
      {key: "ord"},
      (ids) => {
        asked.push(...ids);
        return ids.map((id) => ({select: `SELECT f.ord, f.v FROM facts AS f JOIN names AS n USING (k) WHERE n._id = $id ORDER BY f.ord`, params: {id}, options, target: targets.get(id)!}));
      }
    );
    expect(problems).toEqual([]);
    const files = [...targets.values()];
    expect(await parquetOutOfOrder(db.conn, files, "ord")).toEqual([]);
    // the check itself: a file written out of order is found
    const reversed = join(dir, "reversed.parquet");
    await db.conn.run(`COPY (SELECT ord, v FROM facts WHERE k = 0 ORDER BY ord DESC) TO '${reversed}' (FORMAT parquet)`);
    expect(await parquetOutOfOrder(db.conn, [...files, reversed], "ord")).toEqual([reversed]);
    const reader = await db.conn.runAndReadAll(`SELECT count(*)::INTEGER, count(DISTINCT filename)::INTEGER FROM read_parquet($p, filename = true)`, {p: listValue(files)});
    expect(reader.getRows()).toEqual([[600000, 3]]);
    // on several threads the partitioned COPY scrambles some file here, which is then written again alone
    expect(asked.every((id) => targets.has(id))).toBe(true);
    expect(existsSync(join(dir, "scratch"))).toBe(false);
  });

  it("copySplit reports counts that do not match the rows, and writes nothing", async () => {
    const targets = new Map([["a", join(dir, "a.csv")], ["b", join(dir, "b.csv")]]);
    const problems = await copySplit(db.conn, join(dir, "scratch"), [
      {select: `SELECT year, value FROM (${ROWS}) ORDER BY _id, year`, options: "FORMAT csv, HEADER", counts: [{id: "a", n: 2}, {id: "b", n: 3}], targets}
    ]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/fewer lines than the 3 rows of b/);
    expect(await readdir(dir)).toEqual([]);
  });

  it("copySplit reports every problem of every COPY at once, and writes no target, not even of a COPY that held", async () => {
    const select = `SELECT year, value FROM (${ROWS}) ORDER BY _id, year`;
    const problems = await copySplit(db.conn, join(dir, "scratch"), [
      // holds: its targets would be written if the others did
      {select, options: "FORMAT csv, HEADER", counts: [{id: "a", n: 2}, {id: "b", n: 2}], targets: new Map([["a", join(dir, "a.csv")], ["b", join(dir, "b.csv")]])},
      // a row more than counted ("2,8.0\n", 6 bytes), and an id without a target
      {select, options: "FORMAT csv, HEADER", counts: [{id: "a", n: 2}, {id: "x", n: 1}], targets: new Map([["a", join(dir, "a2.csv")], ["c", join(dir, "c.csv")]])}
    ]);
    expect(problems).toEqual([
      expect.stringMatching(/1\.csv: rows of x, which has no target$/),
      expect.stringMatching(/1\.csv: 6 bytes after the rows counted$/),
      expect.stringMatching(/c\.csv: no rows for c$/)
    ]);
    expect(await readdir(dir)).toEqual([]);
  });

  // A partition split into several files takes the same check (not exactly one file); DuckDB refuses every option
  // that would split one on purpose (FILE_SIZE_BYTES, ROW_GROUPS_PER_FILE, PER_THREAD_OUTPUT with PARTITION_BY).
  it("reports every id without exactly one file, across all COPYs, and moves nothing", async () => {
    const problems = await copyPartitioned(db.conn, join(dir, "scratch"), [
      {select: `${ROWS} ORDER BY _id, year`, options: "FORMAT csv, HEADER", targets: new Map([["a", join(dir, "a.csv")], ["c", join(dir, "c.csv")]])},
      {select: `${ROWS} ORDER BY _id, year`, options: "FORMAT parquet", targets: new Map([["b", join(dir, "b.parquet")], ["d", join(dir, "d.parquet")]])}
    ]);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/c\.csv: 0 partition file\(s\)/);
    expect(problems[1]).toMatch(/d\.parquet: 0 partition file\(s\)/);
    expect(await readdir(dir)).toEqual([]);
  });

  it("lets two connections' COPYs take turns (pipeline branches side by side), each with its rows", async () => {
    const other = await db.instance.connect();
    try {
      const [p1, p2] = await Promise.all([
        copyPartitioned(db.conn, join(dir, "s1"), [{select: `${ROWS} ORDER BY _id, year`, options: "FORMAT csv, HEADER", targets: new Map([["a", join(dir, "a.csv")]])}]),
        copyPartitioned(other, join(dir, "s2"), [{select: `${ROWS} ORDER BY _id, year DESC`, options: "FORMAT csv, HEADER", targets: new Map([["b", join(dir, "b.csv")]])}])
      ]);
      expect([p1, p2]).toEqual([[], []]);
      expect(await readFile(join(dir, "a.csv"), "utf8")).toBe("year,value\n1,10.5\n2,11.0\n");
      expect(await readFile(join(dir, "b.csv"), "utf8")).toBe("year,value\n2,8.0\n1,7.0\n");
    } finally {
      other.closeSync();
    }
  });
});
