import {readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import * as published from "../../indicators/published.js";
import * as areasContract from "../../data-loaders/publish/areas-contract.js";
import {
  COMPARISON_COLUMNS, COUNTY_STATUS_COLUMNS, parseComparisonCsv, parseCountyStatusCsv, parseSummaryCsv, parseTidyCsv, SUMMARY_COLUMNS, TIDY_COLUMNS, toCsv
} from "../../src/components/csv.js";

const FIXTURE = join(import.meta.dirname, "..", "fixtures", "pub");

describe("site CSV reading and writing", () => {
  it("uses exactly the published contract's column lists", () => {
    expect([...TIDY_COLUMNS]).toEqual([...published.TIDY_COLUMNS]);
    expect([...SUMMARY_COLUMNS]).toEqual([...published.SUMMARY_COLUMNS]);
    expect([...COUNTY_STATUS_COLUMNS]).toEqual([...published.COUNTY_STATUS_COLUMNS]);
    expect([...COMPARISON_COLUMNS]).toEqual([...areasContract.COMPARISON_COLUMNS]);
  });

  it("reads a tidy CSV into typed rows (numbers, nulls, enums)", () => {
    const text = `${TIDY_COLUMNS.join(",")}\nx,0687,Tranås,municipality,2023,K,foreign_born,61.5,percent,,"Kolada N02268 (SCB)",2026-11-20\nx,0687,Tranås,municipality,2022,K,foreign_born,,percent,missing,Kolada,2026-11-20\n`;
    const rows = parseTidyCsv(text, "x.csv");
    expect(rows).toEqual([
      {indicator_id: "x", area_code: "0687", area_name: "Tranås", area_level: "municipality", year: 2023, sex: "K", group: "foreign_born", value: 61.5, unit: "percent", status: "", source: "Kolada N02268 (SCB)", retrieved: "2026-11-20"},
      {indicator_id: "x", area_code: "0687", area_name: "Tranås", area_level: "municipality", year: 2022, sex: "K", group: "foreign_born", value: null, unit: "percent", status: "missing", source: "Kolada", retrieved: "2026-11-20"}
    ]);
  });

  it("names file, row and column of a bad cell, and rejects a wrong header", () => {
    const bad = `${TIDY_COLUMNS.join(",")}\nx,0687,Tranås,municipality,2023,X,all,1,percent,,s,2026-11-20\n`;
    expect(() => parseTidyCsv(bad, "x.csv")).toThrow(/x\.csv row 2 column sex: "X" is not one of T, K, M/);
    const badNum = `${TIDY_COLUMNS.join(",")}\nx,0687,Tranås,municipality,2023,T,all,1;5,percent,,s,2026-11-20\n`;
    expect(() => parseTidyCsv(badNum, "x.csv")).toThrow(/column value: "1;5" is not a number/);
    expect(() => parseTidyCsv("a,b\n1,2\n", "y.csv")).toThrow(/y\.csv: unexpected header/);
  });

  it("round-trips rows through toCsv with quoting", () => {
    const rows = [{a: 'x,"y"', b: 1.5, c: null}];
    const text = toCsv(rows, ["a", "b", "c"]);
    expect(text).toBe('a,b,c\n"x,""y""",1.5,\n');
  });

  it("reads the fixture's summary, tidy and comparison files and they satisfy the zod schemas", () => {
    const summary = parseSummaryCsv(readFileSync(join(FIXTURE, "summary.csv"), "utf8"));
    for (const r of parseCountyStatusCsv(readFileSync(join(FIXTURE, "county-status.csv"), "utf8"))) published.CountyStatusRow.parse(r);
    expect(summary.length).toBeGreaterThan(100);
    for (const r of summary) published.SummaryRow.parse(r);
    const tidy = parseTidyCsv(readFileSync(join(FIXTURE, "indicators", "trangboddhet.csv"), "utf8"), "trangboddhet.csv");
    for (const r of tidy) published.TidyRow.parse(r);
    const cmp = parseComparisonCsv(readFileSync(join(FIXTURE, "areas", "comparisons.csv"), "utf8"));
    expect(cmp[0] && Object.keys(cmp[0])).toEqual([...COMPARISON_COLUMNS]);
    expect(cmp.some((r) => r.suppressed && r.status === "suppressed" && r.value === null && r.reason !== "")).toBe(true);
    // The change is set on the latest year's row only.
    expect(new Set(cmp.filter((r) => r.change_from_year !== null).map((r) => r.year))).toEqual(new Set([2023]));
  });
});
