// Checks that the INVENTED fixture of the published files (test/fixtures/pub) keeps to the contract, so the site
// is developed against the same shapes the pipeline writes.
import {existsSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {Catalogue, TidyRow} from "../../indicators/published.js";
import {parseTidyCsv} from "../../src/components/csv.js";
import {checkAreaCatalogue, namedAreas} from "../../src/components/areaData.js";

const FIXTURE = join(import.meta.dirname, "..", "fixtures", "pub");
const catalogue = Catalogue.parse(JSON.parse(readFileSync(join(FIXTURE, "catalogue.json"), "utf8")));

describe("the invented fixture of the published files", () => {
  it("says everywhere that its numbers are invented", () => {
    expect(readFileSync(join(FIXTURE, "README.txt"), "utf8")).toMatch(/^TESTDATA – PÅHITTADE SIFFROR/);
    expect(catalogue.licence_note).toMatch(/påhittade/);
    for (const i of catalogue.indicators) expect(i.description_sv).toMatch(/påhittade/);
  });

  it("has Sweden, the county, its 13 municipalities and the five named RegSO", () => {
    const codes = catalogue.areas.map((a) => a.code);
    expect(codes).toEqual(expect.arrayContaining(["0000", "0006", "0680", "0687", "0680R024", "0680R034", "0680R035", "0680R033", "0680R014"]));
    expect(catalogue.areas.filter((a) => a.level === "municipality")).toHaveLength(13);
  });

  it("has an area catalogue naming the neighbourhood groups' five RegSO and existing files", () => {
    const acat = checkAreaCatalogue(JSON.parse(readFileSync(join(FIXTURE, "areas", "catalogue.json"), "utf8")));
    expect(namedAreas(acat).sort()).toEqual(["0680R014", "0680R024", "0680R033", "0680R034", "0680R035"]);
    for (const f of [...Object.values(acat.files), ...acat.indicators.flatMap((i) => Object.values(i.files))]) expect(existsSync(join(FIXTURE, f)), f).toBe(true);
  });

  it("has every file the catalogue names, valid tidy rows in each", () => {
    for (const ind of catalogue.indicators) {
      for (const f of Object.values(ind.files)) expect(existsSync(join(FIXTURE, f)), f).toBe(true);
      const rows = parseTidyCsv(readFileSync(join(FIXTURE, ind.files.csv), "utf8"), ind.files.csv);
      for (const r of rows) TidyRow.parse(r);
      expect(new Set(rows.map((r) => r.indicator_id))).toEqual(new Set([ind.id]));
    }
  });
});
