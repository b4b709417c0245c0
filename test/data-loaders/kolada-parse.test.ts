// Unit tests on INVENTED fixtures (test/fixtures/kolada): schemas, the page parser, area selection.
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {PROJECT_ROOT} from "../../data-loaders/lib/config.js";
import {ParseError, SchemaError} from "../../data-loaders/lib/errors.js";
import {selectAreaIds} from "../../data-loaders/kolada/areas.js";
import {pageParser} from "../../data-loaders/kolada/client.js";
import {KoladaDataPage, KoladaKpiPage, KoladaMunicipalityPage} from "../../data-loaders/kolada/schemas.js";

const FIXTURES = join(PROJECT_ROOT, "test", "fixtures", "kolada");
const fixture = (name: string) => ({file: join(FIXTURES, name), body: readFileSync(join(FIXTURES, name))});
const JSON_CT = "application/json; charset=utf-8";
const URL_ = "http://127.0.0.1:1/kolada/v3/data/kpi/X00001/municipality/0680?per_page=5000";
const origin = (file: string) => ({source: "kolada", dataset: "kolada:values", url: URL_, file});

/** Run the client's parser and return what it threw. */
function parseError(schema: Parameters<typeof pageParser>[0], name: string, ct: string | null = JSON_CT): Error {
  const {file, body} = fixture(name);
  try {
    pageParser(schema)(body, ct, origin(file));
  } catch (e) {
    return e as Error;
  }
  throw new Error(`${name} parsed without error`);
}

describe("Kolada page schemas", () => {
  it("accept a values page and keep values, nulls and statuses as sent", () => {
    const {file, body} = fixture("data-page.json");
    const page = pageParser(KoladaDataPage)(body, JSON_CT, origin(file));
    expect(page.count).toBe(3);
    expect(page.next_url).toBeUndefined();
    expect(page.values.map((r) => [r.kpi, r.municipality, r.period, r.values.length])).toEqual([
      ["X00001", "0680", 2021, 3],
      ["X00001", "0680", 2022, 3],
      ["X00002", "0000", 2022, 1]
    ]);
    expect(page.values[1]!.values).toEqual([
      {gender: "K", count: 1, status: "", value: 11, isdeleted: true},
      {gender: "M", count: 1, status: "Preliminär", value: 12, isdeleted: false},
      {gender: "T", count: 1, status: "", value: null, isdeleted: false}
    ]);
    expect(page.values[2]!.values[0]!.status).toBeNull();
  });

  it("accept KPI and municipality pages", () => {
    const kpis = pageParser(KoladaKpiPage)(fixture("kpi-page.json").body, JSON_CT, origin("kpi-page.json"));
    expect(kpis.values.map((k) => k.id)).toEqual(["X00001", "X00002", "X00003", "X00004", "X00005", "X00006"]);
    expect(kpis.values[4]!.description).toBeNull();
    const areas = pageParser(KoladaMunicipalityPage)(fixture("municipality-page.json").body, JSON_CT, origin("m.json"));
    expect(areas.values).toHaveLength(7);
    expect(areas.values[2]).toEqual({id: "0006", title: "Region Jönköpings län", type: "L"});
  });

  it("report a renamed field (period → year) as a SchemaError naming the field, file and URL", () => {
    const e = parseError(KoladaDataPage, "data-page-drift.json");
    expect(e).toBeInstanceOf(SchemaError);
    const issues = (e as SchemaError).issues;
    expect(issues.map((i) => i.path)).toEqual(["$.values[0].period"]);
    expect(e.message).toContain("$.values[0].period");
    expect(e.message).toContain("field missing");
    expect(e.message).toContain(join(FIXTURES, "data-page-drift.json"));
    expect(e.message).toContain(URL_);
    expect(e.message).toContain("[kolada kolada:values]");
  });

  it("report a count that differs from the values sent", () => {
    const {file, body} = fixture("data-page.json");
    const tampered = Buffer.from(body.toString("utf8").replace('"count": 3', '"count": 4'));
    expect(() => pageParser(KoladaDataPage)(tampered, JSON_CT, origin(file))).toThrow(/\$\.count: count differs/);
  });

  it("turn an HTML page into a ParseError, with or without an HTML content type", () => {
    for (const ct of ["text/html; charset=utf-8", JSON_CT]) {
      const e = parseError(KoladaDataPage, "html-page.html", ct);
      expect(e).toBeInstanceOf(ParseError);
      expect(e.message).toContain(URL_);
    }
    expect(parseError(KoladaDataPage, "html-page.html", "text/html").message).toMatch(/got an HTML page/);
  });

  it("turn a truncated body into a ParseError naming the file", () => {
    const e = parseError(KoladaDataPage, "data-page-truncated.json");
    expect(e).toBeInstanceOf(ParseError);
    expect(e.message).toMatch(/not valid JSON/);
    expect(e.message).toContain("data-page-truncated.json");
  });
});

describe("selectAreaIds", () => {
  const areas = pageParser(KoladaMunicipalityPage)(fixture("municipality-page.json").body, JSON_CT, origin("m.json")).values;

  it("county: Riket, the region and the county's municipalities (type K, id 06..)", () => {
    expect(selectAreaIds(areas, "county")).toEqual(["0000", "0006", "0604", "0680"]);
  });

  it("sweden: every listed area", () => {
    expect(selectAreaIds(areas, "sweden")).toEqual(["0000", "0001", "0006", "0014", "0114", "0604", "0680"]);
  });
});
