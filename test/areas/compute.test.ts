/** The area engine on the INVENTED fixtures of test/fixtures/areas: sums, suppression, comparisons. */
import {readFile} from "node:fs/promises";
import {join} from "node:path";
import {csvParse} from "d3-dsv";
import {afterEach, beforeEach, describe, expect, it} from "vitest";
import {exec, query} from "../../data-loaders/lib/duckdb.js";
import {CheckError} from "../../data-loaders/lib/errors.js";
import {computeAreas} from "../../indicators/omraden/compute.js";
import {SUPPRESSION_MIN_BASE} from "../../indicators/omraden/define.js";
import {AREA_FIXTURE_DIR, FIXTURE_GROUPS, fixtureDb} from "./helpers/staging.js";

type Db = Awaited<ReturnType<typeof fixtureDb>>;

interface ValueRow {
  area_code: string;
  year: number;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  value_exact: number | null;
  status: string;
  reason: string;
}

async function fixtureCsv(name: string) {
  const text = await readFile(join(AREA_FIXTURE_DIR, `${name}.csv`), "utf8");
  return csvParse(text.slice(text.indexOf("\n") + 1));
}

describe("area engine on fixtures", () => {
  let db: Db;
  beforeEach(async () => {
    db = await fixtureDb();
  });
  afterEach(() => db.close());

  const values = (id: string) =>
    query<ValueRow>(db.conn, `select * from mart_area_values where indicator_id = $id order by area_code, year`, {id});
  const one = async (id: string, area: string, year: number) => {
    const r = (await values(id)).find((v) => v.area_code === area && v.year === year);
    if (!r) throw new Error(`no ${id} row for ${area} ${year}`);
    return r;
  };

  it("sums DeSO counts to RegSO so that they add up", async () => {
    await computeAreas(db.conn, {groups: FIXTURE_GROUPS});
    const areas = await fixtureCsv("stg_areas");
    const parent = new Map(areas.filter((a) => a.level === "deso").map((a) => [a.area_code!, a.parent_code!]));

    // Foreign background: 'foreign' over 'total' (never 'foreign' + 'swedish' + 'total').
    const bg = await fixtureCsv("stg_scb__deso_population_background");
    const age = await fixtureCsv("stg_scb__deso_population_age");
    const young = new Set(["0-4", "5-9", "10-14", "15-19"]);
    for (const regso of ["0698R001", "0698R002", "0699R001", "0699R002"]) {
      const desos = [...parent].filter(([, p]) => p === regso).map(([d]) => d);
      const sum = (rows: typeof bg, pick: (r: (typeof bg)[number]) => boolean) =>
        rows.filter((r) => desos.includes(r.region_code!) && pick(r)).reduce((n, r) => n + Number(r.persons), 0);
      const fb = await one("utlandsk-bakgrund-andel-regso", regso, 2022);
      expect(fb.numerator).toBe(sum(bg, (r) => r.background === "foreign"));
      expect(fb.denominator).toBe(sum(bg, (r) => r.background === "total"));
      const y = await one("unga-0-19-andel-regso", regso, 2022);
      expect(y.numerator).toBe(sum(age, (r) => young.has(r.age_group!)));
      expect(y.denominator).toBe(sum(age, (r) => r.age_group === "total"));
    }
    expect((await one("utlandsk-bakgrund-andel-regso", "0698R001", 2022)).value).toBe(52.4); // 1100 / 2100
    expect((await one("utlandsk-bakgrund-andel-regso", "0699R001", 2022)).value).toBe(62.5); // 650 / 1040
    // The RegSO population from DeSO equals the RegSO table's total for 2022 (the fixture keeps them equal).
    expect((await one("utlandsk-bakgrund-andel-regso", "0698R001", 2022)).denominator).toBe(
      (await one("utrikes-fodda-andel-regso", "0698R001", 2022)).denominator
    );
  });

  it("makes a RegSO missing when one of its DeSO or one category lacks a count, never a partial sum", async () => {
    await computeAreas(db.conn, {groups: FIXTURE_GROUPS});
    const hh = await one("personer-per-hushall-regso", "0699R001", 2022); // 0699C0020 households '..'
    expect(hh).toMatchObject({denominator: null, value: null, status: "missing", reason: "no value in the source"});
    const tenure = await one("hyresratter-andel-regso", "0698R002", 2020); // category 'missing' '..'
    expect(tenure).toMatchObject({numerator: 80 - 20, denominator: null, status: "missing"});
    expect((await one("utrikes-fodda-andel-regso", "0699R002", 2021)).status).toBe("missing");
    // Pools containing a missing area are missing too.
    const pools = await query<{kind: string; code: string; value: number | null; status: string}>(
      db.conn,
      `select kind, code, value, status from mart_area_aggregates
       where indicator_id = 'personer-per-hushall-regso' and year = 2022 order by kind, code`
    );
    expect(pools.filter((p) => p.status === "missing").map((p) => `${p.kind}:${p.code}`).sort()).toEqual(
      ["area_type:1", "county:0006", "municipality:0699"]
    );
  });

  it(`suppresses a value whose base is below ${SUPPRESSION_MIN_BASE}, with the reason`, async () => {
    await computeAreas(db.conn, {groups: FIXTURE_GROUPS});
    expect(SUPPRESSION_MIN_BASE).toBe(50);
    for (const year of [2020, 2021, 2022, 2023]) {
      const r = await one("utrikes-fodda-andel-regso", "0698R003", year);
      expect(r.status).toBe("suppressed");
      expect(r.value).toBeNull();
    }
    expect((await one("utrikes-fodda-andel-regso", "0698R003", 2023)).reason).toBe("base below 50: 48 persons");
    expect((await one("personer-per-hushall-regso", "0698R003", 2022)).reason).toBe("base below 50: 30 households");
    expect((await one("hyresratter-andel-regso", "0698R003", 2023)).reason).toBe("base below 50: 20 dwellings");
    expect((await one("medianinkomst-deso", "0698A0040", 2022))).toMatchObject({status: "suppressed", value: null, reason: "base below 50: 35 persons"});
    // The mean wage income has no base in its table: it is never suppressed.
    expect((await one("medelloneinkomst-regso", "0698R003", 2023))).toMatchObject({status: "", value: 283});
    // The suppressed area's counts still count in its pools: type 3 = (165 + 13) / (1530 + 48).
    const [t3] = await query<{value: number; numerator: number; denominator: number}>(
      db.conn,
      `select value, numerator, denominator from mart_area_aggregates
       where indicator_id = 'utrikes-fodda-andel-regso' and year = 2023 and kind = 'area_type' and code = '3'`
    );
    expect(t3).toEqual({value: 11.3, numerator: 178, denominator: 1578});
  });

  it("shows a value whose base is exactly the threshold", async () => {
    await exec(db.conn, `update stg_scb__regso_population_birthregion set persons = 50 where region_code = '0698R003' and year = 2023 and birth_region = 'total'`);
    await computeAreas(db.conn, {groups: FIXTURE_GROUPS});
    expect(await one("utrikes-fodda-andel-regso", "0698R003", 2023)).toMatchObject({status: "", value: 30, denominator: 50}); // 15 / 50
  });

  it("compares each RegSO with its municipality, county and pooled area type from counts", async () => {
    await computeAreas(db.conn, {groups: FIXTURE_GROUPS});
    const cmp = await query<Record<string, unknown>>(
      db.conn,
      `select * from mart_area_comparisons where indicator_id = 'utrikes-fodda-andel-regso' and year = 2023 order by area_code`
    );
    const norr = cmp.find((c) => c.area_code === "0698R001")!;
    expect(norr).toMatchObject({
      value: 44.1, // 970 / 2200
      municipality_value: 30.4, // (970 + 165 + 13) / (2200 + 1530 + 48)
      county_value: 30.8, // 1743 / 5658
      // type 1 without the area itself: the other type-1 RegSO, 545 / 1060; never (970 + 545) / (2200 + 1060) = 46.5
      same_type_value: 51.4,
      same_type_n: 1,
      diff_municipality: 13.7,
      diff_county: 13.3,
      diff_same_type: -7.3,
      change_from_year: 2020,
      change: 4.1, // 44.1 − 40.0
      rank: 2,
      rank_of: 4,
      base: 2200,
      status: ""
    });
    // Söder (type 3) is compared with Holmen only and Holmen with Söder: an area is never in its own comparator.
    const soder = cmp.find((c) => c.area_code === "0698R002")!;
    const holmen = cmp.find((c) => c.area_code === "0698R003")!;
    expect(soder.same_type_n).toBe(1);
    expect(holmen.same_type_n).toBe(1);
    expect(soder.same_type_value).not.toBe(holmen.same_type_value);
    // Ranking: 1 = highest value; the suppressed area is not ranked.
    expect(Object.fromEntries(cmp.map((c) => [c.area_code, c.rank]))).toEqual({
      "0698R001": 2, "0698R002": 3, "0698R003": null, "0699R001": 1, "0699R002": 4
    });
    // Change only on the latest year's row.
    const [c2022] = await query<{change: number | null; change_from_year: number | null}>(
      db.conn,
      `select change, change_from_year from mart_area_comparisons
       where indicator_id = 'utrikes-fodda-andel-regso' and year = 2022 and area_code = '0698R001'`
    );
    expect(c2022).toEqual({change: null, change_from_year: null});
    // A neighbourhood group spanning two RegSO is pooled the same way.
    const [group] = await query<{value: number; n_areas: number}>(
      db.conn,
      `select value, n_areas from mart_area_aggregates where indicator_id = 'utrikes-fodda-andel-regso' and year = 2023 and kind = 'group' and code = 'soder'`
    );
    expect(group).toEqual({value: 11.3, n_areas: 2});
  });

  it("compares means and medians by value and rank only, and never aggregates them", async () => {
    await computeAreas(db.conn, {groups: FIXTURE_GROUPS});
    const [agg] = await query<{n: number}>(
      db.conn,
      `select cast(count(*) as integer) as n from mart_area_aggregates where indicator_id in ('medelloneinkomst-regso', 'medianinkomst-deso')`
    );
    expect(agg!.n).toBe(0);
    const wage = await query<Record<string, unknown>>(
      db.conn,
      `select area_code, value, rank, rank_of, municipality_value, county_value, same_type_value, comparison_note
       from mart_area_comparisons where indicator_id = 'medelloneinkomst-regso' and year = 2023 order by rank`
    );
    expect(wage.map((w) => [w.area_code, w.rank])).toEqual([
      ["0699R002", 1], ["0698R002", 2], ["0698R003", 3], ["0698R001", 4], ["0699R001", 5]
    ]);
    for (const w of wage) {
      expect([w.municipality_value, w.county_value, w.same_type_value]).toEqual([null, null, null]);
      expect(w.comparison_note).toMatch(/no municipal, county or area-type value/);
    }
    const median = await values("medianinkomst-deso");
    expect(new Set(median.map((m) => m.area_code.length))).toEqual(new Set([9])); // DeSO codes only
    const [regsoMedian] = await query<{n: number}>(
      db.conn,
      `select cast(count(*) as integer) as n from mart_area_values where indicator_id = 'medianinkomst-deso' and area_level <> 'deso'`
    );
    expect(regsoMedian!.n).toBe(0);
  });

  it("gives tied values the same rank", async () => {
    await exec(db.conn, `update stg_scb__deso_median_income set median_income_tkr = 350.0 where region_code = '0699C0010'`);
    await computeAreas(db.conn, {groups: FIXTURE_GROUPS});
    const ranks = await query<{area_code: string; rank: number}>(
      db.conn,
      `select area_code, rank from mart_area_comparisons where indicator_id = 'medianinkomst-deso' and rank <= 3 order by rank, area_code`
    );
    expect(ranks).toEqual([
      {area_code: "0699A0030", rank: 1}, {area_code: "0699C0010", rank: 1}, {area_code: "0698C0030", rank: 3}
    ]);
  });

  it("fails, naming every problem, on unknown areas and absent staging tables", async () => {
    await exec(db.conn, `insert into stg_scb__deso_population_background values ('0698C9999', 'total', 2022, 10, null)`);
    await expect(computeAreas(db.conn, {groups: FIXTURE_GROUPS})).rejects.toThrow(/0698C9999 is not a deso in stg_areas/);
    await exec(db.conn, `drop table stg_scb__deso_households`);
    await exec(db.conn, `drop table stg_scb__deso_education`);
    const err = await computeAreas(db.conn, {groups: FIXTURE_GROUPS}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CheckError);
    expect((err as CheckError).failures).toEqual([
      "personer-per-hushall-regso: input scb:deso_households has no staging table stg_scb__deso_households",
      "forgymnasial-utbildning-andel-regso: input scb:deso_education has no staging table stg_scb__deso_education"
    ]);
  });
});
