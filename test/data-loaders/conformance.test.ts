/**
 * Conformance with the real recorded answers in ../shared/reference/real-api/ (read at test time, never copied):
 * every SCB file passes our schemas; selection building and decoding work on SCB's TAB6471 (eliminable Region
 * with Riket/län/kommun codes, eliminable Kon whose total the data answer names in eliminationValueCode); Kolada
 * pages and KPIs shaped as the evidence allows (no isdeleted, null/absent metadata) parse and stage; DeSO 2025
 * codes map to DeSO 2018 through the reference file, and a code mapping to nothing is an error.
 */
import {readdirSync, readFileSync} from "node:fs";
import {mkdtemp, readFile, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {listValue} from "@duckdb/node-api";
import {describe, expect, it} from "vitest";
import {PROJECT_ROOT} from "../../data-loaders/lib/config.js";
import {query} from "../../data-loaders/lib/duckdb.js";
import {validate} from "../../data-loaders/lib/validate.js";
import {KoladaDataPage, KoladaKpiPage} from "../../data-loaders/kolada/schemas.js";
import {DESO_2025_KEY_FILE, desoEditionMapper, parseDeso2025Key} from "../../data-loaders/reference/deso-2025-key.js";
import {DESO_REGSO_KEY_FILE, parseDesoRegsoKey} from "../../data-loaders/reference/deso-regso-key.js";
import {decodeScbData} from "../../data-loaders/scb/jsonstat.js";
import {categoryCodes, ScbCodelist, ScbConfig, ScbData, ScbMetadata, ScbTableInfo, ScbTableSearch} from "../../data-loaders/scb/schemas.js";
import {buildSelection} from "../../data-loaders/scb/selection.js";
import {defineScbTable, KON_TOTAL, SCB_LICENCE, SCB_PUBLISHER} from "../../data-loaders/scb/table.js";
import {freshDb} from "../helpers/db.js";

const REAL = join(PROJECT_ROOT, "..", "shared", "reference", "real-api");
const RAW = join(PROJECT_ROOT, "..", "shared", "data", "raw");
const read = (rel: string): unknown => JSON.parse(readFileSync(join(REAL, "scb", rel), "utf8"));
const origin = (rel: string) => ({source: "scb", dataset: "conformance", file: join(REAL, "scb", rel)});

/** Which schema each recorded SCB answer must pass; the test fails if a file is added without one. */
const SCHEMA_OF: Record<string, {parse: (data: unknown, rel: string) => unknown}> = Object.fromEntries(
  Object.entries({
    "pxwebpy/config.json": ScbConfig,
    "pxwebpy/search.json": ScbTableSearch,
    "pxwebpy/tables.json": ScbTableSearch,
    "pxwebpy/TAB6471_metadata.json": ScbMetadata,
    "pxwebpy/TAB6471_data.json": ScbData,
    "pxwebpy/agg_Ålder10årJ.json": ScbCodelist,
    "pxwebapi-expected/GetApiConfiguration.json": ScbConfig,
    "pxwebapi-expected/ListAllTables.json": ScbTableSearch,
    "pxwebapi-expected/MetadataById_tab001_js2.json": ScbMetadata,
    "pxwebapi-expected/MetadataById_tab003_js2.json": ScbMetadata,
    "pxwebapi-expected/MetadataById_tab004_js2.json": ScbMetadata,
    "pxwebapi-expected/TableById_tab004.json": ScbTableInfo
  }).map(([rel, schema]) => [rel, {parse: (data: unknown, r: string) => validate(schema, data, origin(r))}])
);

/** A declaration for SCB's real TAB6471 (monthly population by region, age and sex): the county's municipalities, both sexes. */
const TAB6471 = defineScbTable({
  key: "conformance_tab6471",
  table: {id: "TAB6471"},
  regions: ["municipality"],
  classification: {variable: "Alder", values: {all: true}},
  totals: KON_TOTAL,
  periods: "monthly",
  plausible: {min: 0},
  optional: false,
  publisher: SCB_PUBLISHER,
  licence: SCB_LICENCE,
  description: "conformance test only"
});

describe("SCB PxWebApi 2.0: the recorded answers", () => {
  it("every recorded JSON file has a schema and passes it", () => {
    const files = ["pxwebpy", "pxwebapi-expected"].flatMap((d) => readdirSync(join(REAL, "scb", d)).filter((f) => f.endsWith(".json")).map((f) => `${d}/${f}`));
    expect(files.sort()).toEqual(Object.keys(SCHEMA_OF).sort());
    for (const rel of files) expect(() => SCHEMA_OF[rel]!.parse(read(rel), rel), rel).not.toThrow();
  });

  it("reads SCB's real limits from /config: 3 calls per 1 s, 150 000 cells", () => {
    expect(validate(ScbConfig, read("pxwebpy/config.json"), origin("config"))).toMatchObject({maxCallsPerTimeWindow: 3, timeWindow: 1, maxDataCells: 150_000});
  });

  it("tolerates what the spec allows in metadata: value null, label/source/updated null or absent", () => {
    const meta = read("pxwebpy/TAB6471_metadata.json") as Record<string, unknown>;
    const {label: _l, source: _s, ...withoutOptional} = meta;
    for (const variant of [{...meta, value: null}, {...meta, updated: null}, withoutOptional]) {
      expect(() => validate(ScbMetadata, variant, origin("variant"))).not.toThrow();
    }
    // Strict on what we compute with: a data answer's values must be numbers (or null).
    const data = read("pxwebpy/TAB6471_data.json") as {value: unknown[]};
    expect(() => validate(ScbData, {...data, value: ["245284", ...data.value.slice(1)]}, origin("data"))).toThrow(/at \$\.value\[0\]/);
  });

  it("builds a selection on TAB6471's metadata: the county's 13 municipalities only, Kon left out (eliminable, so SCB answers its total)", () => {
    const meta = validate(ScbMetadata, read("pxwebpy/TAB6471_metadata.json"), origin("meta"));
    const regions = categoryCodes(meta.dimension.Region!.category);
    expect(regions).toContain("00");
    expect(regions).toContain("06");
    const selection = buildSelection(TAB6471, meta, "TAB6471", origin("meta"));
    expect(selection.map((s) => s.variableCode)).toEqual(["Region", "Alder", "ContentsCode", "Tid"]);
    const region = selection.find((s) => s.variableCode === "Region")!.valueCodes;
    expect(region).toHaveLength(13);
    expect(region.every((c) => /^06\d{2}$/.test(c))).toBe(true);
    // Not eliminable and no eliminationValueCode in the metadata: a clear error, never a guessed code.
    const stiff = structuredClone(meta);
    stiff.dimension.Kon!.extension = {elimination: false};
    expect(() => buildSelection(TAB6471, stiff, "TAB6471", origin("meta"))).toThrow(/Kon is declared as a total but is not eliminable and names no eliminationValueCode/);
    // With an eliminationValueCode (as the data answer names it) that code is selected.
    stiff.dimension.Kon!.extension = {elimination: false, eliminationValueCode: "TotSa"};
    expect(buildSelection(TAB6471, stiff, "TAB6471", origin("meta")).find((s) => s.variableCode === "Kon")!.valueCodes).toEqual(["TotSa"]);
  });

  it("decodes TAB6471's data answer, taking the total of Kon from its eliminationValueCode", () => {
    const data = validate(ScbData, read("pxwebpy/TAB6471_data.json"), origin("data"));
    expect(data.dimension.Kon!.extension?.eliminationValueCode).toBe("TotSa");
    // The request body is not recorded: the selection is what the answer holds.
    const request = {selection: data.id.map((v) => ({variableCode: v, valueCodes: categoryCodes(data.dimension[v]!.category)}))};
    const cells = decodeScbData(data, request, TAB6471, "TAB6471", origin("data"));
    expect(cells).toHaveLength(21 * 11 * 4);
    const first = cells[0]!;
    expect(first).toMatchObject({region_code: "01", value_code: "0-9", year: 2026, period: "2026M01", value: data.value[0]});
    // The total is SCB's own, not women + men: with SCB's cell-key method (noted in the answer) the published
    // total differs slightly from the sum of its parts (245 284 vs 245 279 here), so a summed "1+2" would be wrong.
    const at = (r: number, a: number, k: number, t: number) => data.value[((r * 11 + a) * 3 + k) * 4 + t]!;
    expect(first.value).toBe(at(0, 0, 0, 0));
    expect(Math.abs(at(0, 0, 0, 0)! - (at(0, 0, 1, 0)! + at(0, 0, 2, 0)!))).toBeLessThan(0.001 * at(0, 0, 0, 0)!);
    // Annual tables refuse monthly periods with the path.
    expect(() => decodeScbData(data, request, {...TAB6471, periods: "annual"}, "TAB6471", origin("data"))).toThrow(/expected annual periods/);
  });
});

describe("Kolada v3: shapes the evidence allows", () => {
  const page = {
    count: 1,
    values: [{kpi: "N01951", municipality: "0680", period: 2022, values: [
      {gender: "T", count: 1, status: "", value: 144_000},
      {gender: "K", count: 1, status: null, value: 72_000, isdeleted: false},
      {gender: "M", count: 1, status: "", value: 1, isdeleted: true}
    ]}]
  };

  it("a value without isdeleted is not deleted, and stages", async () => {
    expect(() => validate(KoladaDataPage, page, {source: "kolada"})).not.toThrow();
    const dir = await mkdtemp(join(tmpdir(), "conformance-"));
    const db = await freshDb();
    try {
      await writeFile(join(dir, "p.json"), JSON.stringify(page));
      await db.conn.run(await readFile(join(PROJECT_ROOT, "data-loaders", "kolada", "stg_kolada__values.sql"), "utf8"), {files: listValue([join(dir, "p.json")])});
      expect(await query(db.conn, "select gender, value from stg_kolada__values order by gender")).toEqual([
        {gender: "K", value: 72_000},
        {gender: "T", value: 144_000}
      ]);
    } finally {
      db.close();
      await rm(dir, {recursive: true, force: true});
    }
  });

  it("KPI metadata keys may be null or absent; id and title may not", () => {
    const kpi = {id: "N01951", title: "Invånare totalt, antal", description: null, is_divided_by_gender: true};
    expect(() => validate(KoladaKpiPage, {count: 1, values: [kpi]}, {source: "kolada"})).not.toThrow();
    expect(() => validate(KoladaKpiPage, {count: 1, values: [{...kpi, title: null}]}, {source: "kolada"})).toThrow(/\$\.values\[0\]\.title/);
  });
});

describe("DeSO editions", () => {
  const key = parseDesoRegsoKey(readFileSync(join(RAW, DESO_REGSO_KEY_FILE)), {source: "reference"});
  const key2025 = parseDeso2025Key(readFileSync(join(RAW, DESO_2025_KEY_FILE)), {source: "reference"});
  const map = desoEditionMapper(new Set(key.map((r) => r.DeSO_2018)), key2025);

  it("maps every DeSO 2025 code of the county to a DeSO 2018 code of the key; the eight split parts to their four parents", () => {
    expect(key2025).toHaveLength(213);
    const mapped = key2025.map((r) => map(r.deso_2025));
    expect(mapped.filter((m) => "error" in m)).toEqual([]);
    expect(mapped.filter((m) => "split" in m && m.split).map((m) => "code" in m && m.code)).toEqual(
      ["0680C1070", "0680C1070", "0680C1160", "0680C1160", "0680C1180", "0680C1180", "0680C1200", "0680C1200"]
    );
    expect(map("0680C1070")).toEqual({code: "0680C1070", split: false});
  });

  it("a code that maps to nothing is an error", () => {
    expect(map("0680C1079")).toEqual({error: "DeSO 0680C1079 is in neither the DeSO 2018 key nor the DeSO 2025 → 2018 mapping"});
  });
});
