import {readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {Catalogue, type TidyRow} from "../../indicators/published.js";
import {parseSummaryCsv} from "../../src/components/csv.js";
import {
  countyMunicipalities, countySeries, freshestYear, medianN, headline, isContextGroup, MEDIAN_CODE, MEDIAN_NAME, median,
  municipalityTitle, pubPath, strategyGoals, trendCounts
} from "../../src/components/data.js";
import {derivedOf, sourceText} from "../../src/components/sourceNote.js";
import {fitWidth, rowLabels, spreadLabels, yearTicks} from "../../src/components/charts.js";
import {comparisonRows, comparisonSentence} from "../../src/components/indicatorCard.js";

// The invented fixture of the published files (test/fixtures/pub).
const FIXTURE = join(import.meta.dirname, "..", "fixtures", "pub");
const cat = Catalogue.parse(JSON.parse(readFileSync(join(FIXTURE, "catalogue.json"), "utf8")));
const summary = parseSummaryCsv(readFileSync(join(FIXTURE, "summary.csv"), "utf8"));

const row = (area_code: string, year: number, value: number | null): TidyRow => ({
  indicator_id: "x", area_code, area_name: area_code, area_level: "municipality", year, sex: "T", group: "all",
  value, unit: "percent", status: value === null ? "missing" : "", source: "s", retrieved: `2026-11-${10 + year - 2020}`
});

describe("catalogue lookups", () => {
  it("lists the county's 13 municipalities in Swedish alphabetical order", () => {
    const names = countyMunicipalities(cat).map((a) => a.name);
    expect(names).toHaveLength(13);
    expect(names.at(-1)).toBe("Värnamo");
    expect(names.indexOf("Tranås")).toBeLessThan(names.indexOf("Vaggeryd"));
  });

  it("tells the six goal areas from a context group", () => {
    expect(strategyGoals(cat).map((g) => g.id)).toEqual(["utbildning", "arbete-och-vuxenutbildning", "social-sammanhallning", "ensamkommande-barn", "bostader", "halsa"]);
    expect(isContextGroup(cat, cat.goals.find((g) => g.id === "sammanhang")!)).toBe(true);
  });

  it("takes the first declared group and both sexes as the headline series", () => {
    const ind = cat.indicators.find((i) => i.id === "sysselsattningsgrad-utrikes-fodda")!;
    expect(headline(ind)).toEqual({sex: "T", group: "foreign_born"});
  });

  it("counts goal indicators by trend for an area, and 'no value' where the area has no summary row", () => {
    const jkpg = trendCounts(cat, summary, "arbete-och-vuxenutbildning", "0680");
    expect(jkpg.improving + jkpg.no_clear_change + jkpg.worsening + jkpg.insufficient_data + jkpg.no_value).toBe(1);
    // Kolada has no county value for this indicator in the fixture: the county gets no status.
    expect(trendCounts(cat, summary, "utbildning", "0006")).toMatchObject({no_value: 1, improving: 0});
    expect(trendCounts(cat, summary, "bostader", "0687")).toMatchObject({insufficient_data: 1, windows: []});
    // the card names the window its counted statuses rest on, from the same summary rows
    const counted = summary.filter((r) => r.area_code === "0680" && ["improving", "worsening", "no_clear_change"].includes(r.trend) &&
      cat.indicators.some((i) => i.id === r.indicator_id && i.goal_area === "arbete-och-vuxenutbildning" && i.kind === "goal" && headline(i).sex === r.sex && headline(i).group === r.group));
    expect(jkpg.windows).toEqual([...new Set(counted.map((r) => `${r.trend_from_year}–${r.trend_to_year}`))].sort());
    expect(counted.length).toBe(jkpg.improving + jkpg.no_clear_change + jkpg.worsening);
    expect(freshestYear(cat, "bostader")).toBe(2023);
    expect(freshestYear(cat, "halsa")).toBeNull();
  });

  it("names municipalities with the Swedish genitive", () => {
    expect(municipalityTitle("Jönköping")).toBe("Jönköpings kommun");
    expect(municipalityTitle("Tranås")).toBe("Tranås kommun");
    expect(municipalityTitle("Värnamo")).toBe("Värnamo kommun");
    expect(municipalityTitle("Gislaved")).toBe("Gislaveds kommun");
  });

  it("normalises published paths", () => {
    expect(pubPath("indicators/x.csv")).toBe("indicators/x.csv");
    expect(pubPath("data/pub/indicators/x.csv")).toBe("indicators/x.csv");
    expect(pubPath("/data/pub/areas/a.csv")).toBe("areas/a.csv");
  });
});

describe("county comparison series", () => {
  it("uses Kolada's county rows when the file has them", () => {
    const rows = [row("0006", 2020, 50), row("0604", 2020, 40)];
    expect(countySeries(rows, ["0604"], "T", "all")).toEqual([rows[0]]);
  });

  it("survey indicators: never Kolada's county value (another population), the participants' median", () => {
    const rows = [row("0006", 2020, 50), row("0604", 2020, 40), row("0617", 2020, 20)];
    expect(countySeries(rows, ["0604", "0617"], "T", "all", {countyValue: false}).map((r) => [r.area_code, r.value])).toEqual([[MEDIAN_CODE, 30]]);
  });

  it("otherwise is the median of the municipalities per year, labelled as such, never a mean", () => {
    const rows = [row("0604", 2020, 10), row("0617", 2020, 20), row("0642", 2020, 90), row("0604", 2021, 10), row("0617", 2021, 30), row("0642", 2021, null)];
    const s = countySeries(rows, ["0604", "0617", "0642"], "T", "all");
    expect(s.map((r) => [r.area_code, r.area_name, r.year, r.value])).toEqual([[MEDIAN_CODE, MEDIAN_NAME, 2020, 20], [MEDIAN_CODE, MEDIAN_NAME, 2021, 20]]);
    expect(s[1]!.retrieved).toBe("2026-11-11");
    // The median is ours and says of how many municipalities (those with a value that year, never "13").
    expect(s.map((r) => r.source)).toEqual([expect.stringMatching(/^Beräknat av oss från .*: median av 3 kommuner$/), expect.stringMatching(/: median av 2 kommuner$/)]);
    expect(s.map(medianN)).toEqual([3, 2]);
    expect(median([1, 2, 3, 4])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});

describe("source line and chart helpers", () => {
  it("names publisher, KPI/table id, agency and retrieval date", () => {
    const ind = cat.indicators.find((i) => i.id === "behoriga-yrkesprogram")!;
    expect(sourceText(ind.sources)).toBe("Källa: Kolada (RKA), KPI N15428 (Skolverket), publicerad 2026-06-15. Hämtad 2026-11-20.");
    expect(sourceText(ind.sources, [], true)).toMatch(/^Beräknat av oss från Kolada \(RKA\), KPI N15428/);
    expect(derivedOf(["Kolada N15428 (Skolverket)", "Beräknat av oss från Kolada N15428 (Skolverket): median av 11 kommuner"]))
      .toEqual({all: false, what: ["medianen av kommunerna"]});
    expect(derivedOf(["Beräknat av oss från Kolada (KPI N02268 och N02267): gapet mellan grupperna"])).toEqual({all: true, what: ["gapet mellan grupperna"]});
    expect(sourceText(ind.sources, ["2026-11-20", "2026-10-01"])).toMatch(/Hämtad 2026-10-01–2026-11-20\.$/);
    expect(() => sourceText([])).toThrow(/without a source/);
  });

  it("thins year ticks to the width and keeps the last year", () => {
    const years = Array.from({length: 14}, (_, i) => 2010 + i);
    expect(yearTicks(years, 1000)).toEqual(years);
    const few = yearTicks(years, 200);
    expect(few.at(-1)).toBe(2023);
    expect(few.length).toBeLessThanOrEqual(4);
  });

  it("moves end labels apart so they do not overlap, keeping their order", () => {
    const pts = [{series: "a", year: 2023, value: 39.1}, {series: "b", year: 2023, value: 39.0}, {series: "c", year: 2023, value: 20}];
    const out = spreadLabels(pts, [20, 40], 260);
    const y = Object.fromEntries(out.map((p) => [p.series, p.labelY]));
    expect(y.c).toBe(20);
    expect(y.b).toBe(39);
    expect(y.a! - y.b!).toBeGreaterThanOrEqual((40 - 20) * (14 / 260) - 1e-9);
  });

  it("never gives a bar chart a frame narrower than 100 px, however narrow its container (negative bar widths)", () => {
    // the all-areas chart's margins at a container measured 120 px wide during a re-flow
    const rows = rowLabels(["Jönköping: Råslätt", "Huskvarna: Huskvarna södra"], 120, 16);
    const width = fitWidth(120, rows.marginLeft, 160);
    expect(width - rows.marginLeft - 160).toBe(100);
    expect(fitWidth(900, 240, 160)).toBe(900);
  });
});

describe("comparisonSentence (a small multiple's subtitle)", () => {
  it("names the area against its comparators", () => {
    expect(comparisonSentence("Aneby", ["Aneby", "Region Jönköpings län", "Riket"], true)).toBe("Aneby jämfört med Region Jönköpings län och Riket.");
    expect(comparisonSentence("Aneby", ["Aneby", "Median av länets kommuner"], true)).toBe("Aneby jämfört med medianen av länets kommuner.");
  });

  it("says what the chart shows when the area has no values (a municipality outside a survey), never 'jämfört med .'", () => {
    expect(comparisonSentence("Aneby", ["Median av länets kommuner"], false)).toBe("Aneby har inga värden för indikatorn; diagrammet visar medianen av länets kommuner.");
    expect(comparisonSentence("Region Jönköpings län", ["Median av länets kommuner"], true)).toBe("Median av länets kommuner, utan jämförelse (inga jämförbara värden).");
    expect(comparisonSentence("Aneby", [], false)).toBe("Inga värden för Aneby.");
  });

  it("on the fixture: a survey indicator's card for a non-participant has no values of its own", () => {
    const cat = Catalogue.parse(JSON.parse(readFileSync(join(FIXTURE, "catalogue.json"), "utf8")));
    const ind = cat.indicators[0]!;
    const rows: TidyRow[] = [];
    const r = comparisonRows(cat, rows, "0604", "T", "all", ind);
    expect(r).toEqual({series: [], rows: [], own: false});
  });
});
