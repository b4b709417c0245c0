/**
 * The post-build step over dist/ (src/lib/postbuild.ts) on a page shaped like Observable Framework 1.13.4's output
 * (test/fixtures/site/framework-page.html, written for this test), the client-script rewrites, the search index
 * entries and the link-state rewriting.
 */
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import type {Catalogue} from "../../indicators/published.js";
import {PROJECT_ROOT} from "../../data-loaders/lib/config.js";
import {contrastRatio} from "../../src/components/contrast.js";
import {PALETTE, MUTED_STROKE, STATUS_COLOUR} from "../../src/components/charts.js";
import {withState} from "../../src/lib/keepState.js";
import {SKIP_LINK, fixClientJs, fixHtml, pageMeta} from "../../src/lib/postbuild.js";
import {searchEntries, stripDiacritics} from "../../src/lib/searchIndex.js";

const PAGE = readFileSync(join(PROJECT_ROOT, "test", "fixtures", "site", "framework-page.html"), "utf8");
const CAT = JSON.parse(readFileSync(join(PROJECT_ROOT, "test", "fixtures", "pub", "catalogue.json"), "utf8")) as Catalogue;

describe("postbuild fixHtml", () => {
  const out = fixHtml(PAGE, {title: "Utrikes födda | Integration i Jönköpings län", description: "Andel \"utrikes\" födda & mer"}, "x.html");
  it("allows pinch-zoom, sets lang, puts the skip link first and names the navigation", () => {
    expect(out).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(out).not.toContain("maximum-scale");
    expect(out).toContain('<html lang="sv">');
    expect(out.indexOf(SKIP_LINK)).toBe(out.indexOf("<body>") + "<body>\n".length);
    expect(out).toContain('<nav id="observablehq-sidebar" aria-label="Webbplatsen">');
    expect(out).toContain('<nav aria-label="På sidan">');
    expect(out).toMatch(/<label id="observablehq-sidebar-close"[^>]*><\/label>\n\s*<ol>\n\s*<li/);
  });
  it("makes Framework's strings Swedish", () => {
    expect(out).not.toMatch(/Toggle sidebar|placeholder="Search"/);
    expect(out).toContain('title="Visa eller dölj menyn" aria-label="Meny"');
    expect(out).toContain('placeholder="Sök" aria-label="Sök på webbplatsen"');
  });
  it("writes one title, description and Open Graph tags, escaped", () => {
    expect(out.match(/<title>/g)).toHaveLength(1);
    expect(out.match(/name="description"/g)).toHaveLength(1);
    expect(out).toContain('<meta name="description" content="Andel &quot;utrikes&quot; födda &amp; mer">');
    expect(out).toContain('<meta property="og:title" content="Utrikes födda | Integration i Jönköpings län">');
    expect(out).toContain('<meta property="og:locale" content="sv_SE">');
  });
  it("fails loudly when Framework's markup changed", () => {
    expect(() => fixHtml(PAGE.replace("maximum-scale=1", "x"), {title: "t", description: "d"}, "x.html")).toThrow(/viewport maximum-scale not found/);
  });
  it("takes dynamic pages' titles and descriptions from the catalogue", () => {
    const ind = CAT.indicators[0]!;
    expect(pageMeta(`/indicators/${ind.id}`, CAT, null)).toEqual({title: `${ind.title_sv} | Integration i Jönköpings län`, description: ind.description_sv});
    expect(pageMeta("/kommuner/0683", CAT, null).title).toBe("Värnamo kommun | Integration i Jönköpings län");
    expect(pageMeta("/tillganglighet", CAT, "Tillgänglighetsredogörelse | Integration i Jönköpings län").description).toMatch(/kända brister/);
  });
});

describe("postbuild fixClientJs", () => {
  it("rewrites the search results' words and the sidebar title; fails when the search code changed", () => {
    const search = 'fetch(import.meta.resolve("observablehq:minisearch.json"));x.innerHTML=r.length===0?"<div>no results</div>":`<div>${r.length.toLocaleString("en-US")} result${r.length===1?"":"s"}</div>`;';
    const out = fixClientJs(search, "search.js");
    expect(out).toContain('"<div>Inga träffar</div>"');
    expect(out).toContain('${r.length.toLocaleString("sv-SE")} ${r.length===1?"träff":"träffar"}</div>');
    expect(() => fixClientJs(search.replace("no results", "nothing"), "search.js")).toThrow(/no results/);
    expect(fixClientJs("const t=`Toggle sidebar ${k}B`", "client.js")).toBe("const t=`Visa eller dölj menyn ${k}B`");
  });
});

describe("search index entries", () => {
  const entries = searchEntries(CAT, {areas: [{code: "0680R024", name: "Jönköping (Råslätt)", short_name: "Råslätt", level: "regso", municipality_code: "0680", area_type: 1}]});
  it("has one entry per indicator, goal area, municipality and RegSO, with unique paths", () => {
    const munis = CAT.areas.filter((a) => a.level === "municipality" && a.code.startsWith("06")).length;
    expect(entries.length).toBe(CAT.indicators.length + CAT.goals.length + munis + 1);
    expect(new Set(entries.map((e) => e.path)).size).toBe(entries.length);
  });
  it("carries KPI ids, synonyms and diacritic-free words (Framework's client strips them from the query)", () => {
    const raslatt = entries.find((e) => e.path === "/omraden?omraden=0680R024")!;
    expect(raslatt.keywords).toContain("Raslatt");
    const withKpi = CAT.indicators[0]!;
    const e = entries.find((x) => x.path === `/indicators/${withKpi.id}`)!;
    expect(e.keywords).toContain(withKpi.sources[0]!.id.split(":")[1]!);
    expect(stripDiacritics("Sysselsättning Värnamo")).toBe("Sysselsattning Varnamo");
  });
});

describe("links keep the state", () => {
  const base = "http://h";
  it("adds the municipality (and sex, years on indicator pages) where the target reads them", () => {
    expect(withState("./goals/utbildning", `${base}/?kommun=0683`)).toBe("/goals/utbildning?kommun=0683");
    expect(withState("../indicators/x", `${base}/indicators/y?kommun=0683&kon=K&fran=2016&grupp=gap`)).toBe("/indicators/x?kommun=0683&kon=K&fran=2016");
    expect(withState("../goals/utbildning", `${base}/kommuner/0683`)).toBe("/goals/utbildning?kommun=0683");
    expect(withState("../", `${base}/goals/halsa?kommun=0604`)).toBe("/?kommun=0604");
  });
  it("leaves links alone that have their own value, go elsewhere, to files or to pages without state", () => {
    expect(withState("./goals/utbildning?kommun=0680", `${base}/?kommun=0683`)).toBeNull();
    expect(withState("https://www.digg.se/x", `${base}/?kommun=0683`)).toBeNull();
    expect(withState("./data/pub/summary.csv", `${base}/?kommun=0683`)).toBeNull();
    expect(withState("./metod", `${base}/?kommun=0683`)).toBeNull();
    expect(withState("./kommuner/0604", `${base}/?kommun=0683`)).toBeNull();
    expect(withState("./goals/utbildning", `${base}/`)).toBeNull();
  });
});

describe("contrast of what the charts draw", () => {
  it("every series colour and bar outline is ≥ 3:1 on white; status segment labels ≥ 4,5:1", () => {
    for (const c of [...PALETTE, MUTED_STROKE]) expect(contrastRatio(c, "#ffffff"), c).toBeGreaterThanOrEqual(3);
    expect(contrastRatio("white", STATUS_COLOUR.improving!)).toBeGreaterThanOrEqual(4.5);
    for (const s of ["no_clear_change", "worsening", "insufficient_data", "no_value", "by_municipalities"]) expect(contrastRatio("black", STATUS_COLOUR[s]!), s).toBeGreaterThanOrEqual(4.5);
  });
  it("computes WCAG ratios", () => {
    expect(contrastRatio("#000", "#fff")).toBeCloseTo(21, 5);
    expect(contrastRatio("rgb(118, 118, 118)", "white")).toBeCloseTo(4.54, 2);
    expect(contrastRatio("rgba(0, 0, 0, 0.5)", "#fff")).toBeGreaterThan(3.9);
  });
});
