/** publishAreas on the INVENTED fixtures: golden files, file formats, neutralisation, failures. */
import {existsSync} from "node:fs";
import {mkdtemp, readFile, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {csvParse, dsvFormat} from "d3-dsv";
import {afterEach, beforeEach, describe, expect, it} from "vitest";
import {exec, query} from "../../data-loaders/lib/duckdb.js";
import {CheckError} from "../../data-loaders/lib/errors.js";
import {AreasCatalogue, OMRADESGRUPP_COLUMNS} from "../../data-loaders/publish/areas-contract.js";
import {formatCsv, formatExcelCsv} from "../../data-loaders/publish/areas-files.js";
import {neutralise} from "../../data-loaders/publish/csv.js";
import {publishAreas} from "../../data-loaders/publish/areas.js";
import {computeAreas} from "../../indicators/omraden/compute.js";
import {AREA_INDICATORS} from "../../indicators/omraden/index.js";
import {TIDY_COLUMNS} from "../../indicators/published.js";
import {expectGolden} from "./helpers/golden.js";
import {FIXTURE_GROUPS, fixtureDb} from "./helpers/staging.js";

const GENERATED_AT = "2026-11-25T12:00:00.000Z";

describe("publishAreas on fixtures", () => {
  let db: Awaited<ReturnType<typeof fixtureDb>>;
  let outDir: string;
  beforeEach(async () => {
    db = await fixtureDb();
    outDir = await mkdtemp(join(tmpdir(), "areas-pub-"));
  });
  afterEach(async () => {
    db.close();
    await rm(outDir, {recursive: true, force: true});
  });
  const read = (rel: string) => readFile(join(outDir, rel), "utf8");
  // The compute stage builds the marts; publish only writes them (data flows one way).
  const publish = async () => {
    await computeAreas(db.conn, {groups: FIXTURE_GROUPS});
    return publishAreas(db.conn, {outDir, generatedAt: GENERATED_AT, groups: FIXTURE_GROUPS});
  };

  it("writes every file and matches the golden files", async () => {
    const report = await publish();
    const expected = [
      ...AREA_INDICATORS.flatMap((i) => [`areas/${i.id}.csv`, `areas/${i.id}.parquet`]),
      "areas/comparisons.csv", "areas/omradesgrupper.csv", "areas/omradesgrupper.excel.csv", "areas/catalogue.json"
    ];
    expect(report.files.sort()).toEqual(expected.sort());
    for (const f of expected) expect(existsSync(join(outDir, f)), f).toBe(true);
    expect(report).toMatchObject({comparisons: 92, suppressed: 14, missing: 4});
    for (const ind of AREA_INDICATORS) await expectGolden(`${ind.id}.csv`, await read(`areas/${ind.id}.csv`));
    await expectGolden("comparisons.csv", await read("areas/comparisons.csv"));
    await expectGolden("omradesgrupper.csv", await read("areas/omradesgrupper.csv"));
    await expectGolden("catalogue.json", await read("areas/catalogue.json"));
  });

  it("writes tidy files with the municipal tidy columns, and Parquet with the same rows", async () => {
    await publish();
    for (const ind of AREA_INDICATORS) {
      const text = await read(`areas/${ind.id}.csv`);
      expect(text.slice(0, text.indexOf("\n"))).toBe(TIDY_COLUMNS.join(","));
      const csv = csvParse(text);
      const pq = await query<Record<string, unknown>>(db.conn, `select * from read_parquet($f)`, {f: join(outDir, "areas", `${ind.id}.parquet`)});
      expect(pq.length).toBe(csv.length);
      expect(Object.keys(pq[0]!)).toEqual([...TIDY_COLUMNS]);
      for (const [i, row] of csv.entries()) {
        const p = pq[i]!;
        expect([p.area_code, p.year, p.value, p.status]).toEqual([row.area_code, Number(row.year), row.value === "" ? null : Number(row.value), row.status]);
      }
      expect(new Set(csv.map((r) => r.area_level))).toEqual(new Set([ind.level]));
    }
    const suppressed = csvParse(await read("areas/utrikes-fodda-andel-regso.csv")).filter((r) => r.area_code === "0698R003");
    expect(suppressed.map((r) => [r.value, r.status])).toEqual(Array(4).fill(["", "suppressed"]));
  });

  it("writes comparisons.csv with suppression reasons and the omradesgrupper file for spreadsheets", async () => {
    await publish();
    const cmp = csvParse(await read("areas/comparisons.csv"));
    const holmen = cmp.find((r) => r.indicator_id === "hyresratter-andel-regso" && r.area_code === "0698R003" && r.year === "2023")!;
    expect(holmen).toMatchObject({value: "", suppressed: "true", status: "suppressed", reason: "base below 50: 20 dwellings", base: "20"});

    const og = csvParse(await read("areas/omradesgrupper.csv"));
    expect(og.columns).toEqual(OMRADESGRUPP_COLUMNS.map(([, h]) => h));
    const rows = og.filter((r) => r["Indikator-id"] === "utrikes-fodda-andel-regso");
    expect(rows.map((r) => [r["Jämförelse"], r["Område"], r["Värde från år"], r["Värde senaste år"], r["Förändring"]])).toEqual([
      ["område", "Norr", "40", "44.1", "4.1"],
      ["område", "Söder", "10", "10.8", "0.8"],
      ["område", "Holmen", "", "", ""],
      ["områdesgruppen sammanvägd", "Söder och Holmen (Söder + Holmen)", "10.4", "11.3", "0.9"],
      ["kommunen", "Ekeby", "27.1", "30.4", "3.3"],
      ["länet", "Testlän", "28.1", "30.8", "2.7"],
      ["samma områdestyp i länet", "Områdestyp 1: Områden med stora socioekonomiska utmaningar (2 RegSO i länet, sammanvägt)", "43.3", "46.5", "3.2"],
      ["samma områdestyp i länet", "Områdestyp 3: Socioekonomiskt blandade områden (2 RegSO i länet, sammanvägt)", "10.4", "11.3", "0.9"]
    ]);
    expect(rows[2]).toMatchObject({Status: "undertryckt", "Underlag senaste år": "48"});
    expect(rows[2]!["Anmärkning"]).toContain("mindre än 50");
    const wageMunicipality = og.find((r) => r["Indikator-id"] === "medelloneinkomst-regso" && r["Jämförelse"] === "kommunen")!;
    expect(wageMunicipality).toMatchObject({"Värde senaste år": "", Status: "ej beräkningsbar"});
    expect(og.some((r) => r["Indikator-id"] === "medianinkomst-deso")).toBe(false);

    // The Excel variant: BOM, semicolons, decimal comma, same rows.
    const excel = await read("areas/omradesgrupper.excel.csv");
    expect(excel.startsWith("\ufeffIndikator-id;Indikator;")).toBe(true);
    const ex = dsvFormat(";").parse(excel.slice(1));
    expect(ex.length).toBe(og.length);
    expect(ex[0]!["Värde senaste år"]).toBe("44,1");
    expect(ex.find((r) => r["Jämförelse"] === "samma områdestyp i länet")!["Skillnad mot kommunen"]).toBe("");
  });

  it("writes a valid catalogue with areas, area types, sources and the suppression rule", async () => {
    await publish();
    const cat = AreasCatalogue.parse(JSON.parse(await read("areas/catalogue.json")));
    expect(cat.suppression.min_base).toBe(50);
    expect(cat.indicators.map((i) => i.id)).toEqual(AREA_INDICATORS.map((i) => i.id));
    expect(cat.areas.filter((a) => a.level === "regso").map((a) => [a.code, a.short_name, a.area_type])).toEqual([
      ["0698R001", "Norr", 1], ["0698R002", "Söder", 3], ["0698R003", "Holmen", 3], ["0699R001", "Centrum", 1], ["0699R002", "Berga", 4]
    ]);
    expect(cat.areas.find((a) => a.code === "0699")).toMatchObject({level: "municipality", name: "Granås", parent_code: "0006"});
    expect(cat.area_types.year).toBe(2022);
    const hh = cat.indicators.find((i) => i.id === "personer-per-hushall-regso")!;
    expect(hh.sources.map((s) => [s.id, s.retrieved, s.licence])).toEqual([
      ["scb:TAB6574", "2026-11-20", "CC0 1.0 (SCB öppna data)"], ["scb:TAB6568", "2026-11-21", "CC0 1.0 (SCB öppna data)"]
    ]);
    // A ratio of counts summed from DeSO is our calculation, and says so.
    expect(csvParse(await read("areas/personer-per-hushall-regso.csv"))[0]).toMatchObject({
      source: "Beräknat av oss från SCB (tabellerna TAB6574 och TAB6568): summa av DeSO-antal, kvot av antal", retrieved: "2026-11-21"
    });
    // Public pages, never the API; SCB's own date where it gave one; a stand-in id is never published.
    const birth = cat.indicators.find((i) => i.id === "utrikes-fodda-andel-regso")!.sources[0]!;
    expect(birth).toMatchObject({
      code: "TAB6572", published: "2026-02-20",
      url: "https://www.statistikdatabasen.scb.se/pxweb/sv/ssd/START__BE__BE0101__BE0101Y/FolkmDesoLandKon/"
    });
    const wage = cat.indicators.find((i) => i.id === "medelloneinkomst-regso")!;
    expect(wage.sources[0]).toMatchObject({id: "scb:regso_mean_wage_income", code: null, published: null});
    expect(wage.sources[0]!.url).toMatch(/^https:\/\/www\.statistikdatabasen\.scb\.se\/pxweb\/sv\/ssd\/search\/\?searchquery=Medelinkomst/);
    expect(csvParse(await read("areas/medelloneinkomst-regso.csv"))[0]!.source).toBe("SCB, tabellen ”Medelinkomst för personer 20 år och äldre efter region (RegSO). År 2020–2023”");
    expect(JSON.stringify(cat)).not.toMatch(/SIM_|127\.0\.0\.1|localhost/);
  });

  it("neutralises text cells that start like a formula and leaves numbers alone", async () => {
    await exec(db.conn, `update stg_areas set name = '=HYPERLINK("http://x")', short_name = '+Norr' where area_code = '0698R001'`);
    await publish();
    const tidy = await read("areas/utrikes-fodda-andel-regso.csv");
    expect(tidy).toContain(`,"'=HYPERLINK(""http://x"")",regso,`);
    const og = csvParse(await read("areas/omradesgrupper.csv"));
    expect(og[0]!["Område"]).toBe("'+Norr");
    const cmp = csvParse(await read("areas/comparisons.csv"));
    expect(cmp.find((r) => r.indicator_id === "utrikes-fodda-andel-regso" && r.year === "2023" && r.area_code === "0698R001")!.diff_same_type).toBe("-7.3");
  });

  it("fails without writing anything when an input's provenance is missing", async () => {
    await exec(db.conn, `delete from meta_raw_files where dataset = 'scb:deso_households'`);
    const err = await publish().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CheckError);
    expect((err as Error).message).toMatch(/scb:deso_households: no raw file of dataset 'scb:deso_households' or 'scb:TAB6568' in meta_raw_files/);
    expect(existsSync(join(outDir, "areas"))).toBe(false);
  });

  it("fails without writing anything when an area indicator has no rows", async () => {
    await computeAreas(db.conn, {groups: FIXTURE_GROUPS});
    const [first] = AREA_INDICATORS;
    await exec(db.conn, `delete from mart_area_values where indicator_id = $id`, {id: first!.id});
    const err = await publishAreas(db.conn, {outDir, generatedAt: GENERATED_AT, groups: FIXTURE_GROUPS}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CheckError);
    expect((err as CheckError).failures).toEqual([`areas: ${first!.id} has no rows (an area indicator without rows writes no file)`]);
    expect(existsSync(join(outDir, "areas"))).toBe(false);
  });

  it("fails, naming each, when a named RegSO is absent or in another municipality", async () => {
    const bad = {municipality_code: "0698", groups: [{code: "x", name: "X", regso: ["0698R001", "0699R001", "0698R777"]}]};
    await computeAreas(db.conn, {groups: FIXTURE_GROUPS});
    await expect(publishAreas(db.conn, {outDir, generatedAt: GENERATED_AT, groups: bad})).rejects.toThrow(
      /X: RegSO 0699R001 is not in municipality 0698[\s\S]*X: RegSO 0698R777 is not in stg_areas/
    );
    expect(existsSync(join(outDir, "areas"))).toBe(false);
  });
});

describe("CSV writing", () => {
  it("neutralises = + - @ (and tab, CR) at the start of text, never numbers", () => {
    expect(["=1+1", "+46", "-x", "@sum", "\tx", "a=b", ""].map(neutralise)).toEqual(["'=1+1", "'+46", "'-x", "'@sum", "'\tx", "a=b", ""]);
    expect(formatCsv([{a: -1.5, b: "-1.5"}], ["a", "b"])).toBe("a,b\n-1.5,'-1.5\n");
    expect(formatExcelCsv([{a: -1.5, b: "x;y", c: null}], ["a", "b", "c"], ["A", "B", "C"])).toBe('\ufeffA;B;C\r\n-1,5;"x;y";\r\n');
  });
});
