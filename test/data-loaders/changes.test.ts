/** The run report's "changes since the last run": added, removed and changed rows per table, over batches of partitions. */
import {afterEach, beforeEach, describe, expect, it} from "vitest";
import {batchBy, compareWithPrevious} from "../../data-loaders/report.js";
import {freshDb} from "../helpers/db.js";

describe("batchBy", () => {
  it("groups consecutive items up to the limit; an item over the limit stands alone", () => {
    const items = [{p: "a", n: 3}, {p: "b", n: 4}, {p: "c", n: 9}, {p: "d", n: 1}, {p: "e", n: 2}];
    expect(batchBy(items, 8).map((b) => b.map((x) => x.p))).toEqual([["a", "b"], ["c"], ["d", "e"]]);
    expect(batchBy([], 8)).toEqual([]);
  });
});

describe("compareWithPrevious", () => {
  let db: Awaited<ReturnType<typeof freshDb>>;
  beforeEach(async () => {
    db = await freshDb();
    await db.conn.run(`ATTACH ':memory:' AS prev`);
    await db.conn.run(`CREATE TABLE prev.main.stg_kolada__values AS SELECT * FROM main.stg_kolada__values LIMIT 0`);
  });
  afterEach(() => db.close());

  it("counts added, removed and changed rows over many KPIs (several batches in sweden scope)", async () => {
    // Invented values, not statistics: 400 KPIs × 500 rows before (over one batch of 150 000 rows).
    await db.conn.run(`INSERT INTO prev.main.stg_kolada__values
      SELECT 'K' || lpad(k::VARCHAR, 3, '0'), lpad(a::VARCHAR, 4, '0'), 2020, 'T', k + a, NULL FROM range(400) t(k), range(500) u(a)`);
    await db.conn.run(`INSERT INTO main.stg_kolada__values SELECT * FROM prev.main.stg_kolada__values`);
    // now: K000 gets a year (+500 rows), K399 loses area 0000 (−1), K200 changes two values, one of them to missing
    await db.conn.run(`INSERT INTO main.stg_kolada__values SELECT kpi, area_code, 2021, gender, value, status FROM main.stg_kolada__values WHERE kpi = 'K000'`);
    await db.conn.run(`DELETE FROM main.stg_kolada__values WHERE kpi = 'K399' AND area_code = '0000'`);
    await db.conn.run(`UPDATE main.stg_kolada__values SET value = -1 WHERE kpi = 'K200' AND area_code = '0007'`);
    await db.conn.run(`UPDATE main.stg_kolada__values SET value = NULL, status = 'missing' WHERE kpi = 'K200' AND area_code = '0008'`);
    const changes = await compareWithPrevious(db.conn);
    expect(changes.find((c) => c.table === "stg_kolada__values")).toEqual({table: "stg_kolada__values", previous_rows: 200_000, added: 500, removed: 1, changed: 2});
  });
});
