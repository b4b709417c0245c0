/**
 * The publish stage on the invented engine fixtures: file layout, both CSV dialects, formula
 * neutralising, Parquet, catalogue, coverage and bulk.zip. A hostile area name is planted in
 * the fixtures to prove that text cells are neutralised and numbers are not.
 */
import {existsSync} from "node:fs";
import {mkdir, mkdtemp, readdir, readFile, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {csvParse, dsvFormat} from "d3";
import {unzipSync} from "fflate";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {query} from "../../data-loaders/lib/duckdb.js";
import {CheckError, PipelineError} from "../../data-loaders/lib/errors.js";
import {publishIndicators, startBulkZipRefresh, type PublishOptions, type PublishReport} from "../../data-loaders/publish/index.js";
import {startBulkZip} from "../../data-loaders/publish/zip.js";
import {computeIndicators, TREND_METHOD_SV} from "../../indicators/compute.js";
import {defineIndicator} from "../../indicators/define.js";
import {Catalogue, COVERAGE_COLUMNS, SUMMARY_COLUMNS, TIDY_COLUMNS} from "../../indicators/published.js";
import {freshDb} from "../helpers/db.js";
import {TEST_GOALS, TEST_OVERALL_GOAL, TEST_VISION} from "../fixtures/indicators/goals.js";
import {TEST_INDICATORS} from "../fixtures/indicators/index.js";
import {loadEngineStaging} from "../fixtures/staging-engine/load.js";

const HOSTILE = '=HYPERLINK("http://example.invalid","klicka")';
let db: Awaited<ReturnType<typeof freshDb>>;
let outDir: string;
let report: PublishReport;
const options = (dir: string): PublishOptions => ({
  outDir: dir,
  indicators: TEST_INDICATORS,
  goals: TEST_GOALS,
  vision: TEST_VISION,
  overallGoal: TEST_OVERALL_GOAL,
  scope: "county",
  generatedAt: "2026-11-25T06:00:00Z"
});
const read = (path: string) => readFile(join(outDir, path), "utf8");

beforeAll(async () => {
  db = await freshDb();
  await loadEngineStaging(db.conn);
  await db.conn.run(`UPDATE stg_areas SET name = $name WHERE area_code = '0642'`, {name: HOSTILE});
  await db.conn.run(`UPDATE stg_areas SET name = '-foo' WHERE area_code = '0617'`);
  // Aneby's foreign-born rate 2022 so that its gap is exactly -2.5
  await db.conn.run(`UPDATE stg_kolada__values SET value = 73.7 WHERE kpi = 'N02268' AND area_code = '0604' AND year = 2022`);
  await computeIndicators(db.conn, TEST_INDICATORS, {scope: "county"});
  outDir = await mkdtemp(join(tmpdir(), "publish-"));
  report = await publishIndicators(db.conn, options(outDir));
});

afterAll(async () => {
  db.close();
  await rm(outDir, {recursive: true, force: true});
});

describe("file layout", () => {
  it("writes exactly the contract's files into outDir and reports them", async () => {
    const files = (await readdir(outDir, {recursive: true})).filter((f) => f.includes(".")).sort();
    const perIndicator = TEST_INDICATORS.flatMap((i) => [`${i.id}.csv`, `${i.id}.excel.csv`, `${i.id}.parquet`].map((f) => join("indicators", f)));
    expect(files).toEqual([...perIndicator, "bulk.zip", "catalogue.json", "county-status.csv", "coverage.csv", "summary.csv"].sort());
    expect(report.files.map((f) => f.path).sort()).toEqual(files.map((f) => f.split("\\").join("/")));
    expect(report).toMatchObject({indicators: 4, tidy_rows: 473, summary_rows: 55, coverage_rows: 7});
  });
});

describe("tidy CSV", () => {
  it("has the contract's header and one row per mart row, with unit, source and UTC retrieval date", async () => {
    const text = await read("indicators/test-employment-gap.csv");
    expect(text.split("\n")[0]).toBe(TIDY_COLUMNS.join(","));
    const rows = csvParse(text);
    expect(rows.columns).toEqual([...TIDY_COLUMNS]);
    expect(rows).toHaveLength(161);
    expect(rows[0]).toEqual({
      indicator_id: "test-employment-gap",
      area_code: "0000",
      area_name: "Riket",
      area_level: "country",
      year: "2014",
      sex: "T",
      group: "all",
      value: "78.0",
      unit: "percent",
      status: "",
      source: "Kolada N02268 (SCB); Kolada N02267 (SCB)",
      retrieved: "2026-11-20"
    });
    expect(rows.filter((r) => r.group === "gap").every((r) => r.unit === "percentage_points")).toBe(true);
    // the second values file was fetched 2026-11-21 23:30 UTC (already the 22nd in Stockholm)
    const overcrowding = csvParse(await read("indicators/test-overcrowding.csv"));
    expect(overcrowding[0]).toMatchObject({source: "Kolada N07907", retrieved: "2026-11-21"});
    expect(overcrowding.find((r) => r.area_code === "0687" && r.year === "2021")).toMatchObject({value: "", status: "missing"});
  });

  it("neutralises formula-like text cells but never numbers", async () => {
    const rows = csvParse(await read("indicators/test-employment-gap.csv"));
    expect(rows.find((r) => r.area_code === "0642")?.area_name).toBe(`'${HOSTILE}`);
    expect(rows.find((r) => r.area_code === "0617")?.area_name).toBe("'-foo");
    const aneby = rows.find((r) => r.area_code === "0604" && r.group === "gap" && r.year === "2022");
    expect(aneby?.value).toBe("-2.5");
    expect(Number(aneby?.value)).toBe(-2.5);
    const summary = csvParse(await read("summary.csv"));
    expect(summary.find((r) => r.area_code === "0642")?.area_name).toBe(`'${HOSTILE}`);
    expect(summary.find((r) => r.indicator_id === "test-employment-gap" && r.area_code === "0604" && r.group === "gap")?.latest_value).toBe("-2.5");
  });
});

describe("CSV för Excel", () => {
  it("starts with a BOM, uses semicolons, decimal commas and CRLF, and parses back to the same numbers", async () => {
    const bytes = await readFile(join(outDir, "indicators/test-employment-gap.excel.csv"));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString("utf8").slice(1);
    expect(text.split("\r\n")[0]).toBe(TIDY_COLUMNS.join(";"));
    expect(text.replace(/\r\n/g, "")).not.toContain("\n");
    const excel = dsvFormat(";").parse(text.replace(/\r\n/g, "\n"));
    const plain = csvParse(await read("indicators/test-employment-gap.csv"));
    expect(excel).toHaveLength(plain.length);
    excel.forEach((row, i) => {
      const p = plain[i]!;
      expect(row.value).not.toContain(".");
      expect(row.value === "" ? null : Number(row.value!.replace(",", "."))).toBe(p.value === "" ? null : Number(p.value));
      expect({...row, value: ""}).toEqual({...p, value: ""});
    });
    const aneby = excel.find((r) => r.area_code === "0604" && r.group === "gap" && r.year === "2022");
    expect(aneby?.value).toBe("-2,5");
    expect(excel.find((r) => r.area_code === "0642")?.area_name).toBe(`'${HOSTILE}`);
  });
});

describe("Parquet", () => {
  it("reads back with the same rows as the mart", async () => {
    const path = join(outDir, "indicators/test-employment-gap.parquet");
    const back = await query(
      db.conn,
      `SELECT indicator_id, area_code, year, sex, "group", value, status FROM read_parquet($path) ORDER BY ALL`,
      {path}
    );
    const mart = await query(
      db.conn,
      `SELECT indicator_id, area_code, year, sex, "group", value, status FROM mart_indicator_values
       WHERE indicator_id = 'test-employment-gap' ORDER BY ALL`
    );
    expect(back).toHaveLength(161);
    expect(back).toEqual(mart);
    const [cols] = await query<{names: string[]}>(db.conn, `SELECT list(column_name) AS names FROM (DESCRIBE SELECT * FROM read_parquet($path))`, {path});
    expect(cols?.names).toEqual([...TIDY_COLUMNS]);
  });
});

describe("summary.csv and coverage.csv", () => {
  it("summary has the contract's columns and every mart summary row", async () => {
    const rows = csvParse(await read("summary.csv"));
    expect(rows.columns).toEqual([...SUMMARY_COLUMNS]);
    expect(rows).toHaveLength(55);
    expect(rows.find((r) => r.indicator_id === "test-overcrowding" && r.area_code === "0680")).toMatchObject({
      county_comparator: "municipal_median",
      county_value: "10.6",
      change_since_baseline: "",
      baseline_is_strategy_start: "true"
    });
  });

  it("coverage lists every sub-goal, measured or not, and the context indicator", async () => {
    const rows = csvParse(await read("coverage.csv"));
    expect(rows.columns).toEqual([...COVERAGE_COLUMNS]);
    expect(rows.map((r) => [r.subgoal_id, r.indicator_id])).toEqual([
      ["arbete.1", "test-employment-rate"],
      ["arbete.1", "test-employment-gap"],
      ["arbete.2", "test-employment-gap"],
      ["arbete.3", ""],
      ["boende.1", "test-overcrowding"],
      ["boende.2", ""],
      ["", "test-foreign-born-share"]
    ]);
    expect(rows[3]?.note).toBe("Ingen offentlig statistik (test).");
    expect(rows[5]?.note).toBe("Ingen indikator mäter delmålet ännu.");
    expect(rows[4]).toMatchObject({first_year: "2013", latest_year: "2022", n_years: "10", n_areas: "6", areas: "country 1, municipality 5"});
  });
});

describe("catalogue.json", () => {
  it("validates against the Catalogue schema and links goals, indicators and sources", async () => {
    const catalogue = Catalogue.parse(JSON.parse(await read("catalogue.json")));
    expect(catalogue.goals.map((g) => g.id)).toEqual(["arbete", "boende", "befolkning"]);
    expect(catalogue.goals[0]?.subgoals[0]?.indicators).toEqual(["test-employment-rate", "test-employment-gap"]);
    expect(catalogue.goals[0]?.subgoals[2]).toMatchObject({indicators: [], not_measurable_reason: "Ingen offentlig statistik (test)."});
    const gap = catalogue.indicators.find((i) => i.id === "test-employment-gap");
    expect(gap).toMatchObject({
      unit_label_sv: "procent",
      comparison_group: "all",
      first_year: 2014,
      latest_year: 2022,
      files: {csv: "indicators/test-employment-gap.csv", excel_csv: "indicators/test-employment-gap.excel.csv", parquet: "indicators/test-employment-gap.parquet"}
    });
    expect(gap?.sources.map((s) => [s.id, s.agency, s.publisher, s.retrieved])).toEqual([
      ["kolada:N02268", "SCB", "RKA (Kolada)", "2026-11-20"],
      ["kolada:N02267", "SCB", "RKA (Kolada)", "2026-11-20"]
    ]);
    expect(catalogue.sources.map((s) => s.id)).toEqual(["kolada:N02267", "kolada:N02268", "kolada:N02926", "kolada:N07907"]);
    expect(catalogue.areas.map((a) => a.code)).toEqual(["0000", "0006", "0604", "0617", "0642", "0680", "0687"]);
    expect(catalogue.licence_note).toContain("RKA (Kolada): Kolada open data (test text)");
    expect(catalogue.citation).toBe(
      "Indikatorer för integrationsstrategin i Jönköpings län, länets kommuner (publicerade 2026-11-25). Underlag: RKA (Kolada), hämtade 2026-11-20–2026-11-21."
    );
  });
});

describe("bulk.zip", () => {
  it("holds README.txt and every other file, byte for byte", async () => {
    const zip = unzipSync(new Uint8Array(await readFile(join(outDir, "bulk.zip"))));
    const others = report.files.map((f) => f.path).filter((p) => p !== "bulk.zip");
    expect(Object.keys(zip).sort()).toEqual(["README.txt", ...others].sort());
    for (const path of others) {
      expect(Buffer.from(zip[path]!).equals(await readFile(join(outDir, path))), path).toBe(true);
    }
    const readme = Buffer.from(zip["README.txt"]!).toString("utf8");
    for (const text of ["KOLUMNER I indicators/<id>.csv", "county_comparator", "ENHETER", "percentage_points: procentenheter", TREND_METHOD_SV, "LICENSER", "SÅ HÄR CITERAR DU", "ENGLISH SUMMARY"]) {
      expect(readme).toContain(text);
    }
  });
});

describe("startBulkZipRefresh", () => {
  it("adds files another publisher wrote later (the areas files) to bulk.zip", async () => {
    const dir = await mkdtemp(join(tmpdir(), "publish-refresh-"));
    await publishIndicators(db.conn, options(dir));
    await mkdir(join(dir, "areas"));
    await writeFile(join(dir, "areas", "regso.csv"), "area_code\n0680R024\n");
    const {files} = await (await startBulkZipRefresh(dir)).finish();
    const zip = unzipSync(new Uint8Array(await readFile(join(dir, "bulk.zip"))));
    expect(files).toContain("areas/regso.csv");
    expect(Buffer.from(zip["areas/regso.csv"]!).toString()).toBe("area_code\n0680R024\n");
    expect(Buffer.from(zip["README.txt"]!).toString()).toContain("SÅ HÄR CITERAR DU");
    await rm(dir, {recursive: true});
  });
});

describe("startBulkZip", () => {
  it("zips the files there at the start, adds those written before finish(), each once, README first", async () => {
    const dir = await mkdtemp(join(tmpdir(), "publish-startzip-"));
    await writeFile(join(dir, "a.csv"), "a\n1\n");
    const zip = startBulkZip(dir, "README text");
    await mkdir(join(dir, "reports"));
    await writeFile(join(dir, "reports", "0680.json"), "{}\n");
    const {files} = await zip.finish();
    expect(files).toEqual(["README.txt", "a.csv", "reports/0680.json"]);
    const entries = unzipSync(new Uint8Array(await readFile(join(dir, "bulk.zip"))));
    expect(Object.keys(entries)).toEqual(["README.txt", "a.csv", "reports/0680.json"]);
    expect(Buffer.from(entries["reports/0680.json"]!).toString()).toBe("{}\n");
    expect(await readdir(dir)).not.toContain("bulk.zip.tmp");
    await rm(dir, {recursive: true});
  });

  it("leaves deferred files (still being written) to finish() and never zips a scratch directory", async () => {
    const dir = await mkdtemp(join(tmpdir(), "publish-deferzip-"));
    await mkdir(join(dir, "indicators"));
    await mkdir(join(dir, ".tidy-parts", "_id=x"), {recursive: true});
    await writeFile(join(dir, "indicators", "b.csv"), "a\n1\n");
    await writeFile(join(dir, "indicators", "a.parquet"), "half a file");
    await writeFile(join(dir, ".tidy-parts", "_id=x", "data_0.parquet"), "scratch");
    const zip = startBulkZip(dir, "README text", (name) => name.endsWith(".parquet"));
    // the step finishes its file after the archive started
    await writeFile(join(dir, "indicators", "a.parquet"), "the whole file");
    const {files} = await zip.finish();
    // the deferred file comes in finish()'s batch, after the files listed at the start, whatever their names
    expect(files).toEqual(["README.txt", "indicators/b.csv", "indicators/a.parquet"]);
    const entries = unzipSync(new Uint8Array(await readFile(join(dir, "bulk.zip"))));
    expect(Object.keys(entries)).toEqual(["README.txt", "indicators/b.csv", "indicators/a.parquet"]);
    expect(Buffer.from(entries["indicators/a.parquet"]!).toString()).toBe("the whole file");
    await rm(dir, {recursive: true});
  });

  it("cancel() leaves no archive, finished or not", async () => {
    const dir = await mkdtemp(join(tmpdir(), "publish-cancelzip-"));
    await writeFile(join(dir, "a.csv"), "a\n1\n");
    await startBulkZip(dir, "README text").cancel();
    expect((await readdir(dir)).sort()).toEqual(["a.csv"]);
    await rm(dir, {recursive: true});
  });
});

describe("refusals", () => {
  it("stops before writing when an indicator names a sub-goal the goals do not know", async () => {
    const dir = await mkdtemp(join(tmpdir(), "publish-bad-"));
    const [first, ...rest] = TEST_INDICATORS;
    const stray = defineIndicator(`file://${first!.file}`, {...first!, subgoals: ["arbete.99"]});
    const error = await publishIndicators(db.conn, {...options(dir), indicators: [stray, ...rest]}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CheckError);
    expect((error as CheckError).failures).toEqual([expect.stringContaining("sub-goal 'arbete.99' is not in the goals")]);
    expect(await readdir(dir)).toEqual([]);
    await rm(dir, {recursive: true});
  });

  it("refuses indicators that were never computed", async () => {
    const dir = await mkdtemp(join(tmpdir(), "publish-uncomputed-"));
    const [first] = TEST_INDICATORS;
    const fresh = defineIndicator("file:///test/arbete/test-never-computed.ts", {...first!});
    const error = await publishIndicators(db.conn, {...options(dir), indicators: [...TEST_INDICATORS, fresh]}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CheckError);
    expect((error as CheckError).failures).toEqual([expect.stringContaining("indicator test-never-computed: no rows in mart_indicator_values")]);
    expect(await readdir(dir)).toEqual([]);
    await rm(dir, {recursive: true});
  });

  it("names every input without provenance", async () => {
    const other = await freshDb();
    await loadEngineStaging(other.conn, ["stg_areas", "stg_kolada__values"]);
    await computeIndicators(other.conn, TEST_INDICATORS, {scope: "county"});
    const dir = join(tmpdir(), "publish-never-written");
    const error = await publishIndicators(other.conn, options(dir)).catch((e: unknown) => e);
    other.close();
    expect(error).toBeInstanceOf(PipelineError);
    expect((error as Error).message).toMatch(/no provenance for 4 input\(s\)/);
    expect((error as Error).message).toContain("kolada:N07907: KPI not in stg_kolada__kpis");
    expect(existsSync(dir)).toBe(false);
  });
});
