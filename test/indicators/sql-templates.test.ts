/**
 * Every indicator's SQL on a fresh in-memory DuckDB loaded with the INVENTED staging fixture
 * (test/fixtures/staging/kolada_values.csv): the output columns and types, the declared groups and sexes,
 * the gap arithmetic, 'missing' rows (never 0), election years, and 'break' on the first value after a break.
 */
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {PROJECT_ROOT} from "../../data-loaders/lib/config.js";
import {query} from "../../data-loaders/lib/duckdb.js";
import type {Indicator} from "../../indicators/define.js";
import {INDICATORS} from "../../indicators/index.js";
import {RowStatus} from "../../indicators/published.js";
import {freshDb} from "../helpers/db.js";

const FIXTURE = join(PROJECT_ROOT, "test", "fixtures", "staging", "kolada_values.csv");

interface Row {
  area_code: string;
  year: number;
  sex: string;
  group: string;
  value: number | null;
  status: string;
}

/** A fresh database with the staging schema and the fixture rows. */
async function fixtureDb() {
  const db = await freshDb();
  await db.conn.run(
    `insert into stg_kolada__values
     select * from read_csv($file, header = true, delim = ',', quote = '"', comment = '#', auto_detect = false,
       columns = {'kpi': 'VARCHAR', 'area_code': 'VARCHAR', 'year': 'INTEGER', 'gender': 'VARCHAR', 'value': 'DOUBLE', 'status': 'VARCHAR'})`,
    {file: FIXTURE}
  );
  return db;
}

/** Run one indicator's SQL with its params on a fresh fixture database. */
async function run(indicator: Indicator): Promise<{rows: Row[]; columns: [string, string][]}> {
  const db = await fixtureDb();
  try {
    const reader = await db.conn.runAndReadAll(indicator.sql, indicator.params);
    const columns = reader.columnNames().map((name, i) => [name, String(reader.columnTypes()[i])] as [string, string]);
    return {rows: reader.getRowObjectsJS() as unknown as Row[], columns};
  } finally {
    db.close();
  }
}

function byId(id: string): Indicator {
  const indicator = INDICATORS.find((i) => i.id === id);
  if (!indicator) throw new Error(`no indicator ${id}`);
  return indicator;
}

const find = (rows: Row[], area: string, year: number, sex: string, group: string) =>
  rows.filter((r) => r.area_code === area && r.year === year && r.sex === sex && r.group === group);

describe("every indicator's SQL on the fixture", () => {
  it("loads the invented fixture", async () => {
    const db = await fixtureDb();
    const [count] = await query<{n: number}>(db.conn, "select count(*)::integer as n from stg_kolada__values");
    db.close();
    expect(count?.n).toBeGreaterThan(500);
  });

  it.each(INDICATORS.map((i) => [i.id, i] as const))("%s returns typed rows of its declared groups and sexes", async (_id, indicator) => {
    const {rows, columns} = await run(indicator);
    expect(columns).toEqual([
      ["area_code", "VARCHAR"],
      ["year", "INTEGER"],
      ["sex", "VARCHAR"],
      ["group", "VARCHAR"],
      ["value", "DOUBLE"],
      ["status", "VARCHAR"]
    ]);
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.group))).toEqual(new Set(indicator.groups));
    expect(new Set(rows.map((r) => r.sex))).toEqual(new Set(indicator.sexes));
    expect(new Set(rows.map((r) => r.area_code))).toEqual(new Set(["0680", "0687"]));
    for (const row of rows) {
      expect(RowStatus.safeParse(row.status).success, JSON.stringify(row)).toBe(true);
      expect(row.status === "missing", JSON.stringify(row)).toBe(row.value === null);
    }
    if (indicator.series_breaks.length === 0) expect(rows.filter((r) => r.status === "break")).toEqual([]);
    const keys = rows.map((r) => `${r.area_code} ${r.year} ${r.sex} ${r.group}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe("kolada_gap", () => {
  it("gives foreign-born, the comparison group and their difference in percentage points", async () => {
    const {rows} = await run(byId("sysselsattningsgrad-utrikes-fodda"));
    expect(find(rows, "0680", 2022, "T", "foreign_born")[0]?.value).toBe(71.3);
    expect(find(rows, "0680", 2022, "T", "all")[0]?.value).toBe(82.5);
    expect(find(rows, "0680", 2022, "T", "gap")[0]?.value).toBe(-11.2);
    expect(find(rows, "0680", 2018, "K", "gap")[0]?.value).toBe(-16);
    expect(find(rows, "0687", 2022, "M", "gap")[0]?.value).toBe(-14.8);
  });

  it("makes every gap value the difference of its two inputs", async () => {
    const {rows} = await run(byId("sysselsattningsgrad-utrikes-fodda"));
    const gaps = rows.filter((r) => r.group === "gap" && r.value !== null);
    expect(gaps.length).toBe(16);
    for (const gap of gaps) {
      const foreign = find(rows, gap.area_code, gap.year, gap.sex, "foreign_born")[0]?.value as number;
      const all = find(rows, gap.area_code, gap.year, gap.sex, "all")[0]?.value as number;
      expect(gap.value).toBeCloseTo(foreign - all, 9);
    }
  });

  it("gives the gap status 'missing' and no value, never 0, when an input is absent or NULL", async () => {
    const {rows} = await run(byId("sysselsattningsgrad-utrikes-fodda"));
    // 0687 K 2019: no N02268 row at all.
    expect(find(rows, "0687", 2019, "K", "foreign_born")).toEqual([]);
    expect(find(rows, "0687", 2019, "K", "gap")).toEqual([
      {area_code: "0687", year: 2019, sex: "K", group: "gap", value: null, status: "missing"}
    ]);
    // 0687 M 2018: N02267 is NULL in staging.
    expect(find(rows, "0687", 2018, "M", "all")[0]).toMatchObject({value: null, status: "missing"});
    expect(find(rows, "0687", 2018, "M", "gap")[0]).toMatchObject({value: null, status: "missing"});
    expect(rows.filter((r) => r.group === "gap" && r.value === 0)).toEqual([]);
  });

  it("labels the comparison group 'born_in_sweden' and keeps election years only in the election variant", async () => {
    const {rows} = await run(byId("valdeltagande-utrikes-och-inrikes-fodda"));
    expect([...new Set(rows.map((r) => r.year))].sort()).toEqual([2018, 2022]);
    expect(find(rows, "0680", 2022, "T", "born_in_sweden")[0]?.value).toBe(86);
    expect(find(rows, "0680", 2022, "T", "gap")[0]?.value).toBe(-31);
    expect(find(rows, "0687", 2018, "K", "gap")[0]?.value).toBe(-24);
  });
});

describe("series breaks", () => {
  it("marks the first value at or after the break year 'break', per area, sex and group", async () => {
    const {rows} = await run(byId("forvarvsarbetande-utrikes-fodda-rams"));
    const statuses = (area: string, sex: string, group: string) =>
      rows.filter((r) => r.area_code === area && r.sex === sex && r.group === group).map((r) => [r.year, r.status]);
    expect(statuses("0680", "T", "foreign_born")).toEqual([[2017, ""], [2018, ""], [2019, "break"], [2020, ""]]);
    expect(statuses("0680", "K", "gap")).toEqual([[2017, ""], [2018, ""], [2019, "break"], [2020, ""]]);
    // 0687 T has no foreign-born value in 2019: its first value after the break is 2020, and so is the gap's.
    expect(statuses("0687", "T", "foreign_born")).toEqual([[2017, ""], [2018, ""], [2019, "missing"], [2020, "break"]]);
    expect(statuses("0687", "T", "gap")).toEqual([[2017, ""], [2018, ""], [2019, "missing"], [2020, "break"]]);
    expect(statuses("0687", "T", "all")).toEqual([[2017, ""], [2018, ""], [2019, "break"], [2020, ""]]);
  });
});

describe("kolada_two_groups and kolada_election_single", () => {
  it("puts two KPIs side by side as their groups, with no gap", async () => {
    const indicator = byId("behoriga-yrkesprogram-utan-nyinvandrade");
    const {rows} = await run(indicator);
    expect(new Set(rows.map((r) => r.group))).toEqual(new Set(["all", "excl_newly_arrived"]));
    const db = await fixtureDb();
    const expected = await query<{kpi: string; n: number}>(
      db.conn,
      "select kpi, count(*)::integer as n from stg_kolada__values where kpi in ('N15436', 'N15564') group by kpi order by kpi"
    );
    db.close();
    expect(expected.map((e) => e.n)).toEqual([
      rows.filter((r) => r.group === "all").length,
      rows.filter((r) => r.group === "excl_newly_arrived").length
    ]);
  });

  it("drops the years between elections", async () => {
    const {rows} = await run(byId("valdeltagande-i-valdistriktet-med-lagst-deltagande"));
    expect([...new Set(rows.map((r) => r.year))].sort()).toEqual([2018, 2022]);
  });
});
