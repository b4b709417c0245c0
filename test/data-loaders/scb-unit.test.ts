/**
 * SCB client pieces on small INVENTED fixtures (test/fixtures/scb/, see its README): json-stat2
 * decoding order, missing markers, completeness, schema drift, selection building and splitting,
 * the DeSO→RegSO key reader and staging. No network.
 */
import {copyFile, mkdir, mkdtemp, readdir, readFile, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {pathToFileURL} from "node:url";
import {afterEach, beforeEach, describe, expect, it} from "vitest";
import {loadConfig, PROJECT_ROOT} from "../../data-loaders/lib/config.js";
import {query} from "../../data-loaders/lib/duckdb.js";
import {CompletenessError, OfflineMissingError, ParseError, PipelineError, SchemaError} from "../../data-loaders/lib/errors.js";
import {createContext} from "../../data-loaders/lib/fetcher.js";
import {rawPath, requestKey, writeRaw} from "../../data-loaders/lib/raw-cache.js";
import type {FetchedDataset} from "../../data-loaders/lib/types.js";
import {parseCsv} from "../../data-loaders/reference/csv.js";
import {DESO_2025_KEY_FILE, fetchDeso2025Key} from "../../data-loaders/reference/deso-2025-key.js";
import {DESO_REGSO_KEY_FILE, fetchDesoRegsoKey, parseDesoRegsoKey} from "../../data-loaders/reference/deso-regso-key.js";
import {fetchScbTable} from "../../data-loaders/scb/client.js";
import {decodeScbData} from "../../data-loaders/scb/jsonstat.js";
import {ScbData, ScbMetadata, type ScbSelection} from "../../data-loaders/scb/schemas.js";
import {buildSelection, cellCount, splitSelection} from "../../data-loaders/scb/selection.js";
import {stageScb} from "../../data-loaders/scb/stage.js";
import {defineScbTable, SCB_LICENCE, SCB_PUBLISHER} from "../../data-loaders/scb/table.js";
import dwellingsTenure from "../../data-loaders/scb/tables/dwellings_tenure.js";
import {SCB_TABLES} from "../../data-loaders/scb/tables/index.js";
import {freshDb} from "../helpers/db.js";

const FIXTURES = join(PROJECT_ROOT, "test", "fixtures", "scb");
const URL_ = "http://127.0.0.1:1/scb/api/v2/tables/TAB6258/data?lang=sv&outputFormat=json-stat2";
const origin = {source: "scb", dataset: "scb:dwellings_tenure", url: URL_};
const fixture = async (name: string): Promise<unknown> => JSON.parse(await readFile(join(FIXTURES, name), "utf8"));
/** The sidecar of an invented raw file of the dwellings_tenure dataset. */
const sidecar = (url: string, method: "GET" | "POST", q?: unknown) => ({
  source: "scb",
  dataset: "scb:dwellings_tenure",
  url,
  method,
  query: q,
  http_status: 200,
  content_type: "application/json; charset=utf-8",
  fetched_at: "2025-01-01T00:00:00.000Z",
  publisher: SCB_PUBLISHER,
  licence: SCB_LICENCE,
  attempts: 1
});
/** Exactly the selection the fixture answers. */
const SELECTION: ScbSelection = {
  selection: [
    {variableCode: "Region", valueCodes: ["0680R024", "0680C1070"]},
    {variableCode: "Upplatelseform", valueCodes: ["X1", "X2", "XUS"]},
    {variableCode: "ContentsCode", valueCodes: ["C1"]},
    {variableCode: "Tid", valueCodes: ["2021", "2022"]}
  ]
};

describe("json-stat2 decoding", () => {
  it("walks the values row-major, last dimension fastest", async () => {
    const data = ScbData.parse(await fixture("data-tenure.json"));
    const cells = decodeScbData(data, SELECTION, dwellingsTenure, "TAB6258", origin);
    expect(cells).toHaveLength(12);
    const brief = cells.map((c) => [c.region_code, c.value_label, c.year, c.value]);
    expect(brief.slice(0, 4)).toEqual([
      ["0680R024", "hyresrätt", 2021, 1],
      ["0680R024", "hyresrätt", 2022, 2],
      ["0680R024", "bostadsrätt", 2021, 3],
      ["0680R024", "bostadsrätt", 2022, 4]
    ]);
    expect(brief[6]).toEqual(["0680C1070", "hyresrätt", 2021, 7]);
    expect(brief[11]).toEqual(["0680C1070", "uppgift saknas", 2022, 12]);
    expect(cells.every((c) => c.variable === "Upplatelseform" && c.contents_code === "C1" && c.table_id === "TAB6258")).toBe(true);
    expect(cells.map((c) => c.value_code)).toEqual(["X1", "X1", "X2", "X2", "XUS", "XUS", "X1", "X1", "X2", "X2", "XUS", "XUS"]);
  });

  it("turns missing markers into NULL with that status, and never into 0", async () => {
    const cells = decodeScbData(ScbData.parse(await fixture("data-tenure.json")), SELECTION, dwellingsTenure, "TAB6258", origin);
    expect(cells.map((c) => [c.value, c.status]).filter(([, s]) => s !== null)).toEqual([
      [null, ".."], // null with a marker
      [null, "missing"], // null without a marker still says why
      [null, "."] // a number flagged with a missing marker
    ]);
    expect(cells[5]).toMatchObject({region_code: "0680R024", value_label: "uppgift saknas", year: 2022, value: null, status: ".."});
    expect(cells[9]).toMatchObject({region_code: "0680C1070", value_label: "bostadsrätt", year: 2022, value: null, status: "."});
    expect(cells.filter((c) => c.value !== null)).toHaveLength(9);
  });

  it("fails when a selected cell is missing, naming table, URL and the missing code", async () => {
    const data = ScbData.parse(await fixture("data-tenure.json"));
    const wider: ScbSelection = {selection: SELECTION.selection.map((s) => (s.variableCode === "Region" ? {...s, valueCodes: [...s.valueCodes, "0680R034"]} : s))};
    const err = catchError(() => decodeScbData(data, wider, dwellingsTenure, "TAB6258", origin));
    expect(err).toBeInstanceOf(CompletenessError);
    expect(err.message).toContain("table TAB6258 (dwellings_tenure)");
    expect(err.message).toContain("Region: 1 selected value(s) missing: 0680R034");
    expect(err.message).toContain(URL_);
  });

  it("fails when the value array is short, and when the answer has an unselected variable", async () => {
    const data = ScbData.parse(await fixture("data-tenure.json"));
    const short = {...data, value: data.value.slice(0, 11)};
    expect(catchError(() => decodeScbData(short, SELECTION, dwellingsTenure, "TAB6258", origin)).message).toContain("value has 11 entries, the dimensions make 12 cells");
    const fewer: ScbSelection = {selection: SELECTION.selection.filter((s) => s.variableCode !== "Upplatelseform")};
    expect(catchError(() => decodeScbData(data, fewer, dwellingsTenure, "TAB6258", origin)).message).toContain("the answer has variable Upplatelseform, which was not selected");
  });
});

describe("selection", () => {
  it("expands the declaration to explicit codes in the metadata's order", () => {
    const sel = buildSelection(dwellingsTenure, metaSync, "TAB6258", origin);
    expect(sel).toEqual(SELECTION.selection);
    const desoOnly = defineScbTable({...dwellingsTenure, regions: ["deso"]});
    expect(buildSelection(desoOnly, metaSync, "TAB6258", origin)[0]).toEqual({variableCode: "Region", valueCodes: ["0680C1070"]});
  });

  it("selects by label, and says which labels exist when one does not", () => {
    const byLabel = defineScbTable({...dwellingsTenure, classification: undefined, fixed: {Upplatelseform: {labels: ["Bostadsrätt"]}}});
    expect(buildSelection(byLabel, metaSync, "TAB6258", origin)[1]).toEqual({variableCode: "Upplatelseform", valueCodes: ["X2"]});
    const wrong = defineScbTable({...byLabel, fixed: {Upplatelseform: {labels: ["villa"]}}});
    const err = catchError(() => buildSelection(wrong, metaSync, "TAB6258", origin));
    expect(err).toBeInstanceOf(PipelineError);
    expect(err.message).toContain('label "villa" matches 0 values; labels are "hyresrätt", "bostadsrätt", "uppgift saknas"');
  });

  it("refuses a mandatory variable the declaration does not cover", () => {
    const undeclared = defineScbTable({...dwellingsTenure, classification: undefined});
    expect(catchError(() => buildSelection(undeclared, metaSync, "TAB6258", origin)).message).toContain(
      "variable Upplatelseform cannot be eliminated and is not declared in data-loaders/scb/tables/dwellings_tenure.ts"
    );
  });

  it("splits along Region so no part exceeds maxDataCells, and the parts cover the selection", () => {
    const regions = Array.from({length: 25}, (_, i) => `0680R${String(i + 1).padStart(3, "0")}`);
    const sel = [
      {variableCode: "Region", valueCodes: regions},
      {variableCode: "Kat", valueCodes: ["a", "b", "c"]},
      {variableCode: "Tid", valueCodes: ["2021", "2022"]}
    ];
    const parts = splitSelection(sel, 40, origin);
    expect(parts.map(cellCount)).toEqual([36, 36, 36, 36, 6]);
    expect(parts.flatMap((p) => p[0]!.valueCodes)).toEqual(regions);
    expect(parts.every((p) => p[1] === sel[1] && p[2] === sel[2])).toBe(true);
    expect(splitSelection(sel, 150_000, origin)).toHaveLength(1);
    expect(() => splitSelection(sel, 5, origin)).toThrow(/one region alone needs 6 cells, more than maxDataCells 5/);
  });
});

describe("table declarations", () => {
  it("declare ten tables, each in a file named by its key, with SCB as publisher and CC0", async () => {
    const dir = join(PROJECT_ROOT, "data-loaders", "scb", "tables");
    const files = (await readdir(dir)).filter((f) => f !== "index.ts").map((f) => f.replace(/\.ts$/, ""));
    expect(SCB_TABLES.map((t) => t.key).sort()).toEqual(files.sort());
    expect(SCB_TABLES).toHaveLength(10);
    for (const t of SCB_TABLES) {
      const mod = (await import(/* @vite-ignore */ pathToFileURL(join(dir, `${t.key}.ts`)).href)) as {default: {key: string}};
      expect(mod.default.key).toBe(t.key);
      expect(t.licence).toBe(SCB_LICENCE);
      expect(t.publisher.startsWith(SCB_PUBLISHER)).toBe(true);
    }
    const resolved = SCB_TABLES.filter((t) => "query" in t.table).map((t) => t.key).sort();
    expect(resolved).toEqual(["deso_median_income", "regso_area_type", "regso_mean_wage_income"]);
    expect(SCB_TABLES.find((t) => t.key === "regso_area_type")!.publisher).toMatch(/Delegationen mot segregation.*Boverket/);
  });
});

describe("reference CSV", () => {
  it("reads BOM, CRLF, CR-only and LF line endings and quoted fields", () => {
    const want = [["a", "b"], ["1", 'x, "y"'], ["2", ""]];
    expect(parseCsv('\ufeffa,b\r\n1,"x, ""y"""\r\n2,\r\n')).toEqual(want);
    expect(parseCsv('a,b\r1,"x, ""y"""\r2,\r')).toEqual(want);
    expect(parseCsv('a,b\n1,"x, ""y"""\n2,')).toEqual(want);
    expect(() => parseCsv('a,"b\n')).toThrow(/not closed/);
  });

  it("validates the DeSO→RegSO key rows and names the row and column of a bad value", async () => {
    const body = await readFile(join(FIXTURES, "key-mini.csv"));
    const rows = parseDesoRegsoKey(body, {source: "reference", file: "key-mini.csv"});
    expect(rows.map((r) => [r.DeSO_2018, r.RegSOkod_2020, r.RegSO_2020])).toEqual([
      ["0680C1070", "0680R024", "Råslätt"],
      ["0680C1080", "0680R024", "Råslätt"],
      ["0680C1090", "0680R034", "Öxnehaga, invented"]
    ]);
    const bad = Buffer.from(body.toString("utf8").replace("0680C1080", "0680X1080"));
    const err = catchError(() => parseDesoRegsoKey(bad, {source: "reference", file: "key-mini.csv"}));
    expect(err).toBeInstanceOf(SchemaError);
    expect(err.message).toContain("at $[1].DeSO_2018");
    expect(err.message).toContain("file: key-mini.csv");
    const renamed = Buffer.from(body.toString("utf8").replace("RegSOkod_2020", "RegSO_kod"));
    expect(catchError(() => parseDesoRegsoKey(renamed, {source: "reference", file: "k.csv"})).message).toContain("at $[4]");
    expect(catchError(() => parseDesoRegsoKey(Buffer.from('Kommun,"x\n'), {source: "reference", file: "k.csv"}))).toBeInstanceOf(ParseError);
  });
});

describe("staging the invented fixture", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "scb-unit-"));
  });
  afterEach(async () => {
    await rm(dir, {recursive: true, force: true});
  });

  /** The key (copied from the fixture through the reference loader) and one raw data file. */
  async function datasets(fixtureName: string): Promise<FetchedDataset[]> {
    const referenceDir = join(dir, "reference");
    await mkdir(join(referenceDir, "scb-delmos-omradestyp-2022"), {recursive: true});
    await copyFile(join(FIXTURES, "key-mini.csv"), join(referenceDir, DESO_REGSO_KEY_FILE));
    const ctx = createContext(loadConfig({dataDir: join(dir, "data"), referenceDir}));
    const key = await fetchDesoRegsoKey(ctx);
    await mkdir(join(referenceDir, "scb-deso-2025-boundaries"), {recursive: true});
    await copyFile(join(FIXTURES, "deso2025-mini.csv"), join(referenceDir, DESO_2025_KEY_FILE));
    const key2025 = await fetchDeso2025Key(ctx);
    const file = rawPath(ctx.config.dataDir, "scb", "dwellings_tenure", `data-TAB6258-${fixtureName}`);
    const meta = await writeRaw(file, await readFile(join(FIXTURES, fixtureName)), sidecar(URL_, "POST", SELECTION));
    const ref = {file, url: URL_, fetched_at: meta.fetched_at, sha256: meta.sha256, publisher: meta.publisher, licence: meta.licence, reused: false};
    return [key, key2025, {id: "scb:dwellings_tenure", source: "scb", files: [ref], rows: 12}];
  }

  it("copies the key into the raw layer with a file:// sidecar", async () => {
    const [key] = await datasets("data-tenure.json");
    expect(key!.id).toBe("reference:deso_regso_key");
    expect(key!.rows).toBe(3);
    expect(key!.files[0]!.url).toMatch(/^file:\/\/.*koppling_deso2018_regso2020_lan06\.csv$/);
    expect(key!.files[0]!.publisher).toBe(SCB_PUBLISHER);
    expect(await readFile(key!.files[0]!.file)).toEqual(await readFile(join(FIXTURES, "key-mini.csv")));
  });

  it("stages cells, the renamed table and the RegSO/DeSO areas", async () => {
    const db = await freshDb();
    try {
      await stageScb(db.conn, await datasets("data-tenure.json"));
      const rows = await query(db.conn, "select region_code, region_level, tenure, year, dwellings, status from stg_scb__dwellings_tenure where year = 2022 order by region_code, tenure");
      expect(rows).toEqual([
        {region_code: "0680C1070", region_level: "deso", tenure: "missing", year: 2022, dwellings: 12, status: null},
        {region_code: "0680C1070", region_level: "deso", tenure: "rental", year: 2022, dwellings: null, status: "missing"},
        {region_code: "0680C1070", region_level: "deso", tenure: "tenant_owned", year: 2022, dwellings: null, status: "."},
        {region_code: "0680R024", region_level: "regso", tenure: "missing", year: 2022, dwellings: null, status: ".."},
        {region_code: "0680R024", region_level: "regso", tenure: "rental", year: 2022, dwellings: 2, status: null},
        {region_code: "0680R024", region_level: "regso", tenure: "tenant_owned", year: 2022, dwellings: 4, status: null}
      ]);
      expect(await query(db.conn, "select count(*)::INTEGER as n from raw_scb__cells")).toEqual([{n: 12}]);
      expect(await query(db.conn, "select * from stg_areas order by level desc, area_code")).toEqual([
        {area_code: "0680R024", name: "Jönköping (Råslätt)", short_name: "Råslätt", level: "regso", parent_code: "0680", municipality_code: "0680", county_code: "0006", area_type: null},
        {area_code: "0680R034", name: "Jönköping (Öxnehaga, invented)", short_name: "Öxnehaga, invented", level: "regso", parent_code: "0680", municipality_code: "0680", county_code: "0006", area_type: null},
        {area_code: "0680C1070", name: "0680C1070", short_name: "0680C1070", level: "deso", parent_code: "0680R024", municipality_code: "0680", county_code: "0006", area_type: null},
        {area_code: "0680C1080", name: "0680C1080", short_name: "0680C1080", level: "deso", parent_code: "0680R024", municipality_code: "0680", county_code: "0006", area_type: null},
        {area_code: "0680C1090", name: "0680C1090", short_name: "0680C1090", level: "deso", parent_code: "0680R034", municipality_code: "0680", county_code: "0006", area_type: null}
      ]);
    } finally {
      db.close();
    }
  });

  it("reports schema drift (value renamed to values) with the field, the file and the URL, and stages nothing", async () => {
    const db = await freshDb();
    try {
      const sets = await datasets("drift-values-renamed.json");
      const err = await stageScb(db.conn, sets).then(
        () => undefined,
        (e: unknown) => e as Error
      );
      expect(err).toBeInstanceOf(SchemaError);
      expect(err!.message).toContain("at $.value: ");
      expect(err!.message).toContain("undefined (field missing)");
      expect(err!.message).toContain(sets[2]!.files[0]!.file);
      expect(err!.message).toContain(URL_);
      expect(await query(db.conn, "select count(*)::INTEGER as n from stg_areas")).toEqual([{n: 0}]);
    } finally {
      db.close();
    }
  });

  it("stops on a category label it cannot map, naming it", async () => {
    const db = await freshDb();
    try {
      const sets = await datasets("data-tenure.json");
      const file = sets[2]!.files[0]!.file;
      const text = (await readFile(file, "utf8")).replace('"X2": "bostadsrätt"', '"X2": "kooperativ hyresrätt"');
      const meta = JSON.parse(await readFile(`${file}.meta.json`, "utf8")) as Parameters<typeof writeRaw>[2];
      await writeRaw(file, Buffer.from(text), meta);
      await expect(stageScb(db.conn, sets)).rejects.toThrow(/unmapped upplåtelseform label "kooperativ hyresrätt"/);
      expect(await query(db.conn, "select count(*)::INTEGER as n from raw_scb__cells")).toEqual([{n: 0}]);
    } finally {
      db.close();
    }
  });
});

describe("a table whose cells are all missing (offline, from the raw layer)", () => {
  const BASE = "http://127.0.0.1:9/scb/api/v2";
  const DATA_PATH = "/tables/TAB6258/data?lang=sv&outputFormat=json-stat2";

  /** Raw metadata and one all-missing data answer, under the names the client derives from the requests. */
  async function rawLayer(dataDir: string): Promise<void> {
    const dir = (name: string) => rawPath(dataDir, "scb", "dwellings_tenure", name);
    await writeRaw(dir("metadata-TAB6258.json"), Buffer.from(JSON.stringify(metaSync)), sidecar(`${BASE}/tables/TAB6258/metadata?lang=sv`, "GET"));
    const data = (await fixture("data-tenure.json")) as {value: (number | null)[]; status: Record<string, string>};
    data.value = data.value.map(() => null);
    data.status = Object.fromEntries(data.value.map((_, i) => [String(i), ".."]));
    const body = {selection: SELECTION.selection};
    await writeRaw(dir(`data-TAB6258-${requestKey(DATA_PATH, body)}.json`), Buffer.from(JSON.stringify(data)), sidecar(BASE + DATA_PATH, "POST", body));
  }

  it("is an error for a required table, naming table and URL, and kept (empty) for an optional one", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "scb-unit-"));
    try {
      await rawLayer(dataDir);
      const ctx = createContext(loadConfig({dataDir, scbBase: BASE}), {offline: true});
      const err = await fetchScbTable(ctx, dwellingsTenure, {maxDataCells: 1000}).then(
        () => new Error("expected a rejection"),
        (e: unknown) => e as Error
      );
      expect(err).toBeInstanceOf(CompletenessError);
      expect(err.message).toContain("table TAB6258 (dwellings_tenure): all 12 selected cells are missing");
      expect(err.message).toContain(`url: ${BASE}${DATA_PATH}`);
      const optional = await fetchScbTable(ctx, defineScbTable({...dwellingsTenure, optional: true}), {maxDataCells: 1000});
      expect(optional.rows).toBe(12);
      expect(optional.files.every((f) => f.reused)).toBe(true);
      expect(ctx.stats.requests).toBe(0);
      // A split the raw layer does not hold is never fetched offline.
      await expect(fetchScbTable(ctx, dwellingsTenure, {maxDataCells: 6})).rejects.toBeInstanceOf(OfflineMissingError);
    } finally {
      await rm(dataDir, {recursive: true, force: true});
    }
  });
});

/** Synchronous metadata for tests that need no await (the fixture's shape, values removed). */
const metaSync = ScbMetadata.parse({
  version: "2.0",
  class: "dataset",
  label: "INVENTED",
  source: "INVENTED",
  updated: "2025-01-01T00:00:00Z",
  id: ["Region", "Upplatelseform", "ContentsCode", "Tid"],
  size: [2, 3, 1, 2],
  dimension: {
    Region: {label: "region", category: {index: ["0680R024", "0680C1070"], label: {"0680R024": "Jönköping (Råslätt)", "0680C1070": "0680C1070"}}},
    Upplatelseform: {label: "upplåtelseform", category: {index: ["X1", "X2", "XUS"], label: {X1: "hyresrätt", X2: "bostadsrätt", XUS: "uppgift saknas"}}, extension: {elimination: false}},
    ContentsCode: {label: "tabellinnehåll", category: {index: ["C1"], label: {C1: "Antal lägenheter"}}},
    Tid: {label: "år", category: {index: ["2021", "2022"], label: {"2021": "2021", "2022": "2022"}}}
  },
  value: []
});

function catchError(f: () => unknown): Error {
  try {
    f();
  } catch (e) {
    return e as Error;
  }
  throw new Error("expected an error");
}
