/**
 * The area indicators on the real SCB data in ../shared/data/raw (read at test time). The staging
 * comes from the project's SCB client + staging when they exist, else straight from the CSVs
 * (see helpers/real-staging.ts for the switch).
 */
import {mkdtemp, readFile, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {csvParse} from "d3-dsv";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {query} from "../../data-loaders/lib/duckdb.js";
import {AreasCatalogue} from "../../data-loaders/publish/areas-contract.js";
import {publishAreas, type AreasPublishReport} from "../../data-loaders/publish/areas.js";
import {computeAreas} from "../../indicators/omraden/compute.js";
import {defineAreaIndicator} from "../../indicators/omraden/define.js";
import {AREA_INDICATORS} from "../../indicators/omraden/index.js";
import {HAS_SCB_STAGING, rawFile, realStagingDb} from "./helpers/real-staging.js";

/** A source CSV parsed as SCB exported it (BOM, CR-only or CRLF line ends). */
async function sourceCsv(rel: string) {
  return csvParse((await readFile(rawFile(rel), "utf8")).replace(/^\ufeff/, ""));
}

/** RegSO name "Kommun (Område)" → code, from the DeSO→RegSO key. */
async function regsoCodes(): Promise<Map<string, string>> {
  const key = await sourceCsv("scb-delmos-omradestyp-2022/koppling_deso2018_regso2020_lan06.csv");
  return new Map(key.map((k) => [`${k.Kommunnamn} (${k.RegSO_2020})`, k.RegSOkod_2020!]));
}

describe(`area indicators on real SCB data (staging ${HAS_SCB_STAGING ? "from data-loaders/scb" : "from the shared CSVs"})`, () => {
  let db: Awaited<ReturnType<typeof realStagingDb>>;
  let outDir: string;
  let report: AreasPublishReport;
  beforeAll(async () => {
    db = await realStagingDb();
    outDir = await mkdtemp(join(tmpdir(), "areas-real-pub-"));
    await computeAreas(db.conn);
    report = await publishAreas(db.conn, {outDir, generatedAt: "2026-11-25T00:00:00.000Z"});
  });
  afterAll(async () => {
    db.close();
    await rm(outDir, {recursive: true, force: true});
  });

  const values = (id: string, year: number) =>
    query<{area_code: string; numerator: number; denominator: number; value: number | null; value_exact: number}>(
      db.conn,
      `select area_code, numerator, denominator, value, value_exact from mart_area_values where indicator_id = $id and year = $year order by area_code`,
      {id, year}
    );

  it("covers all 130 RegSO and 209 DeSO of the county, with nothing missing and nothing suppressed", () => {
    for (const r of report.indicators) {
      expect(r.areas, r.id).toBe(r.level === "regso" ? 130 : 209);
      expect([r.missing, r.suppressed], r.id).toEqual([0, 0]);
    }
  });

  it("DeSO population summed to RegSO equals the RegSO population table exactly in 2022 (all 130 RegSO)", async () => {
    const regsoTotal = await values("utrikes-fodda-andel-regso", 2022); // TAB6572 total
    const fromAge = await values("unga-0-19-andel-regso", 2022); // TAB6574 'total', summed from DeSO
    const fromBackground = await values("utlandsk-bakgrund-andel-regso", 2022); // TAB6571 'total', summed from DeSO
    expect(regsoTotal).toHaveLength(130);
    expect(fromAge.map((r) => [r.area_code, r.denominator])).toEqual(regsoTotal.map((r) => [r.area_code, r.denominator]));
    expect(fromBackground.map((r) => [r.area_code, r.denominator])).toEqual(regsoTotal.map((r) => [r.area_code, r.denominator]));
    expect(regsoTotal.find((r) => r.area_code === "0680R024")!.denominator).toBe(6482); // Råslätt (PROVENANCE.md)
  });

  it("DeSO dwellings by tenure summed to RegSO equal TAB6258's RegSO rows exactly in 2022 (all 130 RegSO)", async () => {
    // Every tenure category, summed in SQL straight from staging.
    const mismatches = await query(
      db.conn,
      `with deso as (
         select a.parent_code as regso, d.tenure, sum(d.dwellings) as dwellings
         from stg_scb__dwellings_tenure d join stg_areas a on a.area_code = d.region_code and a.level = 'deso'
         where d.region_level = 'deso' and d.year = 2022 group by all
       ),
       regso as (
         select region_code as regso, tenure, dwellings from stg_scb__dwellings_tenure where region_level = 'regso' and year = 2022
       )
       select * from regso full outer join deso using (regso, tenure) where regso.dwellings is distinct from deso.dwellings`
    );
    expect(mismatches).toEqual([]);
    const [n] = await query<{n: number}>(db.conn, `select cast(count(distinct region_code) as integer) as n from stg_scb__dwellings_tenure where region_level = 'regso' and year = 2022`);
    expect(n!.n).toBe(130);

    // And through the engine's DeSO → RegSO path: a DeSO-sourced rental share equals the RegSO one.
    const hyresratter = AREA_INDICATORS.find((i) => i.id === "hyresratter-andel-regso")!;
    if (hyresratter.kind !== "ratio") throw new Error("hyresratter-andel-regso is a ratio");
    const fromDeso = defineAreaIndicator("file:///test/hyresratter-andel-fran-deso.ts", {
      ...hyresratter, source_level: "deso", params: {...hyresratter.params, region_level: "deso"},
      checks: {range: [0, 100], expect_years: [2022]} // TAB6258 has DeSO rows for 2022 only
    });
    try {
      await computeAreas(db.conn, {indicators: [hyresratter, fromDeso]});
      const a = await values("hyresratter-andel-regso", 2022);
      const b = await values("hyresratter-andel-fran-deso", 2022);
      expect(b).toHaveLength(130);
      expect(b.map((r) => [r.area_code, r.numerator, r.denominator])).toEqual(a.map((r) => [r.area_code, r.numerator, r.denominator]));
      expect(a.find((r) => r.area_code === "0680R024")!.numerator).toBe(2997); // Råslätt rental dwellings (PROVENANCE.md)
    } finally {
      await computeAreas(db.conn); // back to the full set for the other tests
    }
  });

  it("the foreign-born share of every RegSO and year is (total − born in Sweden) / total of the source CSV", async () => {
    const codes = await regsoCodes();
    const src = await sourceCsv("scb-regso-2020-2023/regso_population_by_birthregion_2020-2023_lan06.csv");
    const published = csvParse(await readFile(join(outDir, "areas", "utrikes-fodda-andel-regso.csv"), "utf8"));
    let checked = 0;
    for (const year of [2020, 2021, 2022, 2023]) {
      const mart = new Map((await values("utrikes-fodda-andel-regso", year)).map((r) => [r.area_code, r]));
      const pub = new Map(published.filter((r) => r.year === String(year)).map((r) => [r.area_code!, Number(r.value)]));
      for (const [name, code] of codes) {
        const cell = (region: string) => Number(src.find((r) => r.region === name && r["födelseregion"] === region)![`Antal ${year}`]);
        const expected = (100 * (cell("totalt") - cell("Sverige"))) / cell("totalt");
        expect(mart.get(code)!.value_exact, `${code} ${year}`).toBeCloseTo(expected, 9);
        expect(Math.abs(pub.get(code)! - expected), `${code} ${year}`).toBeLessThanOrEqual(0.05 + 1e-9);
        checked++;
      }
    }
    expect(checked).toBe(130 * 4);
  });

  it("ranks all 130 RegSO per measure and year, 1 = highest value", async () => {
    const ranks = await query<{indicator_id: string; year: number; rank_of: number; min_rank: number}>(
      db.conn,
      `select indicator_id, year, max(rank_of) as rank_of, min(rank) as min_rank
       from mart_area_comparisons where area_level = 'regso' group by all order by all`
    );
    for (const r of ranks) {
      expect(r.rank_of, `${r.indicator_id} ${r.year}`).toBe(130);
      expect(r.min_rank).toBe(1);
    }
    const [first] = await query<{area_code: string; value: number}>(
      db.conn,
      `select area_code, value from mart_area_comparisons where indicator_id = 'utrikes-fodda-andel-regso' and year = 2023 and rank = 1`
    );
    const [max] = await query<{m: number}>(db.conn, `select max(value) as m from mart_area_values where indicator_id = 'utrikes-fodda-andel-regso' and year = 2023`);
    expect(first!.value).toBe(max!.m);
  });

  it("the area types match the SCB/Delmos source", async () => {
    const codes = await regsoCodes();
    const src = await sourceCsv("scb-delmos-omradestyp-2022/regso_omradestyp_2022_lan06.csv");
    const cat = AreasCatalogue.parse(JSON.parse(await readFile(join(outDir, "areas", "catalogue.json"), "utf8")));
    const types = new Map(cat.areas.filter((a) => a.level === "regso").map((a) => [a.code, a.area_type]));
    expect(types.size).toBe(130);
    for (const row of src) expect(types.get(codes.get(row[""]!)!), row[""]).toBe(Number(row["2022"]));
    expect(cat.area_types.year).toBe(2022);
  });

  it("omradesgrupper.csv holds the five named RegSO with SCB's names and their area types", async () => {
    const og = csvParse(await readFile(join(outDir, "areas", "omradesgrupper.csv"), "utf8"));
    const areaRows = og.filter((r) => r["Indikator-id"] === "utrikes-fodda-andel-regso" && r["Jämförelse"] === "område");
    expect(areaRows.map((r) => [r["Områdesgrupp"], r["Område"], r["Kod"], r["Områdestyp"]])).toEqual([
      ["Råslätt", "Råslätt", "0680R024", "1"],
      ["Öxnehaga", "Öxnehaga", "0680R034", "3"],
      ["Öxnehaga", "Öxnehaga centrum", "0680R035", "1"],
      ["Österängen", "Österängen", "0680R033", "2"],
      ["Huskvarna söder", "Huskvarna söder", "0680R014", "3"]
    ]);
    const comparators = og.filter((r) => r["Indikator-id"] === "utrikes-fodda-andel-regso" && r["Jämförelse"] !== "område");
    expect(comparators.map((r) => [r["Jämförelse"], r["Kod"]])).toEqual([
      ["områdesgruppen sammanvägd", "0680R034+0680R035"],
      ["kommunen", "0680"],
      ["länet", "0006"],
      ["samma områdestyp i länet", "typ 1"],
      ["samma områdestyp i länet", "typ 2"],
      ["samma områdestyp i länet", "typ 3"]
    ]);
    expect(comparators.find((r) => r["Kod"] === "0680")!["Område"]).toBe("Jönköping");
    const raslatt = areaRows[0]!;
    expect([raslatt["Från år"], raslatt["Senaste år"]]).toEqual(["2020", "2023"]);
    // The DeSO median is never in the RegSO comparison file.
    expect(og.some((r) => r["Indikator-id"] === "medianinkomst-deso")).toBe(false);
  });
});
