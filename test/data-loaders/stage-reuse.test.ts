/**
 * Reuse of a stage group's tables (data-loaders/lib/stage-reuse.ts) on invented tables (not statistics): the input
 * fingerprint sees every change of content, column type, table set and scope, and not the order rows were written
 * in; copying from the previous warehouse keeps each table's definition and rows; the record round-trips.
 */
import {afterEach, beforeEach, describe, expect, it} from "vitest";
import {copyFromPrevious, inputFingerprint, previousStage, recordStage, STAGE_REUSE_TABLE, tablesOf} from "../../data-loaders/lib/stage-reuse.js";
import {query} from "../../data-loaders/lib/duckdb.js";
import {freshDb} from "../helpers/db.js";

let db: Awaited<ReturnType<typeof freshDb>>;
beforeEach(async () => {
  db = await freshDb({schema: false});
});
afterEach(() => db.close());

/** Invented staged rows: two areas, two years. */
async function stage(order: "asc" | "desc", value = 41.5): Promise<void> {
  await db.conn.run(`CREATE OR REPLACE TABLE stg_values (area_code VARCHAR, year INTEGER, value DOUBLE)`);
  const rows = [["'0680'", 2021, 40.25], ["'0680'", 2022, value], ["'0682'", 2021, 38.0], ["'0682'", 2022, 39.75]];
  if (order === "desc") rows.reverse();
  for (const r of rows) await db.conn.run(`INSERT INTO stg_values VALUES (${r.join(", ")})`);
}

describe("inputFingerprint", () => {
  it("is the same for the same rows written in another order, and differs for any change of the inputs", async () => {
    await stage("asc");
    const base = await inputFingerprint(db.conn, "county");
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    await stage("desc");
    expect(await inputFingerprint(db.conn, "county")).toBe(base);
    // another scope
    expect(await inputFingerprint(db.conn, "sweden")).not.toBe(base);
    // one value revised
    await stage("asc", 41.6);
    expect(await inputFingerprint(db.conn, "county")).not.toBe(base);
    // the same values in a column of another type
    await stage("asc");
    await db.conn.run(`ALTER TABLE stg_values ALTER year TYPE BIGINT`);
    expect(await inputFingerprint(db.conn, "county")).not.toBe(base);
    // one table more
    await stage("asc");
    await db.conn.run(`CREATE TABLE stg_more (x INTEGER)`);
    expect(await inputFingerprint(db.conn, "county")).not.toBe(base);
    // a row deleted
    await db.conn.run(`DROP TABLE stg_more`);
    await db.conn.run(`DELETE FROM stg_values WHERE area_code = '0682' AND year = 2021`);
    expect(await inputFingerprint(db.conn, "county")).not.toBe(base);
  });

  it("over a given list of tables: the same as over all when the list is all, blind to tables made later", async () => {
    await stage("asc");
    const all = await inputFingerprint(db.conn, "county");
    const before = await tablesOf(db.conn);
    expect(await inputFingerprint(db.conn, "county", before)).toBe(all);
    // what the stage group makes while its inputs are fingerprinted beside it
    await db.conn.run(`CREATE TABLE mart_made AS SELECT 1 AS x`);
    expect(await inputFingerprint(db.conn, "county", before)).toBe(all);
    expect(await inputFingerprint(db.conn, "county")).not.toBe(all);
  });

  it("ignores temp tables and attached databases (only the warehouse's own tables are inputs)", async () => {
    await stage("asc");
    const base = await inputFingerprint(db.conn, "county");
    await db.conn.run(`CREATE TEMP TABLE tmp_work AS SELECT 1 AS x`);
    await db.conn.run(`ATTACH ':memory:' AS prev`);
    await db.conn.run(`CREATE TABLE prev.main.mart_x AS SELECT 2 AS y`);
    expect(await inputFingerprint(db.conn, "county")).toBe(base);
    expect(await tablesOf(db.conn)).toEqual(["stg_values"]);
  });
});

describe("copyFromPrevious, recordStage, previousStage", () => {
  it("copies each recorded table with its definition and rows, and reads back what the previous warehouse recorded", async () => {
    await db.conn.run(`ATTACH ':memory:' AS prev`);
    await db.conn.run(`USE prev`);
    await db.conn.run(`CREATE TABLE mart_a (id VARCHAR NOT NULL PRIMARY KEY, n INTEGER)`);
    await db.conn.run(`INSERT INTO mart_a VALUES ('x', 1), ('y', 2)`);
    await db.conn.run(`CREATE TABLE mart_b AS SELECT range AS i FROM range(1000)`);
    const fingerprint = "ab".repeat(32);
    await recordStage(db.conn, {stage: "compute", fingerprint, tables: ["mart_a", "mart_b"]});
    await db.conn.run(`USE memory`);

    expect(await previousStage(db.conn, "compute", "prev.duckdb")).toEqual({stage: "compute", fingerprint, tables: ["mart_a", "mart_b"]});
    expect(await previousStage(db.conn, "other", "prev.duckdb")).toBeUndefined();
    expect(await copyFromPrevious(db.conn, ["mart_a", "mart_b"])).toEqual({tables: 2, rows: 1002});
    expect(await query(db.conn, `SELECT * FROM main.mart_a ORDER BY id`)).toEqual([{id: "x", n: 1}, {id: "y", n: 2}]);
    const defs = await query<{db: string; sql: string}>(
      db.conn,
      `SELECT database_name AS db, sql FROM duckdb_tables() WHERE table_name = 'mart_a' ORDER BY database_name`
    );
    expect(defs.map((d) => d.db)).toEqual(["memory", "prev"]);
    expect(defs[0]!.sql).toBe(defs[1]!.sql);
    expect(defs[0]!.sql).toContain("PRIMARY KEY");
    // the primary key came along: a duplicate is refused
    await expect(db.conn.run(`INSERT INTO main.mart_a VALUES ('x', 3)`)).rejects.toThrow(/PRIMARY KEY|Duplicate key/i);
  });

  it("names recorded tables the previous warehouse lacks, and copies nothing then", async () => {
    await db.conn.run(`ATTACH ':memory:' AS prev`);
    await db.conn.run(`CREATE TABLE prev.main.mart_a AS SELECT 1 AS x`);
    await expect(copyFromPrevious(db.conn, ["mart_a", "mart_gone"])).rejects.toThrow(`${STAGE_REUSE_TABLE}: the previous warehouse lacks the recorded tables mart_gone`);
    expect(await tablesOf(db.conn)).toEqual([]);
  });

  it("finds no record in a previous warehouse without the table (an older warehouse)", async () => {
    await db.conn.run(`ATTACH ':memory:' AS prev`);
    expect(await previousStage(db.conn, "compute", "prev.duckdb")).toBeUndefined();
  });
});
