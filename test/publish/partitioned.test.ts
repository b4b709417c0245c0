/** copyPartitioned: one COPY, one file per id in the query's order; a missing or split partition is reported and nothing moves. */
import {existsSync} from "node:fs";
import {mkdtemp, readFile, readdir, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterEach, beforeEach, describe, expect, it} from "vitest";
import {copyPartitioned} from "../../data-loaders/publish/partitioned.js";
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

  it("writes each id's rows to its target in the ORDER BY order, without _id, with the prefix", async () => {
    const targets = new Map([["a", join(dir, "a.csv")], ["b", join(dir, "b.csv")]]);
    const problems = await copyPartitioned(db.conn, join(dir, "scratch"), [
      {select: `${ROWS} ORDER BY _id, year DESC`, options: "FORMAT csv, HEADER", targets, prefix: new Uint8Array([0x23, 0x0a])}
    ]);
    expect(problems).toEqual([]);
    expect(await readFile(join(dir, "a.csv"), "utf8")).toBe("#\nyear,value\n2,11.0\n1,10.5\n");
    expect(await readFile(join(dir, "b.csv"), "utf8")).toBe("#\nyear,value\n2,8.0\n1,7.0\n");
    expect(existsSync(join(dir, "scratch"))).toBe(false);
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
