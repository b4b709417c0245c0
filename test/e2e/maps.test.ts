/**
 * Browser tests of the maps (neighbourhood RegSO/DeSO maps, the municipality map's year selector) against the built
 * dist/ in Debian's Chromium. Run with E2E=1 after a build, like site.test.ts. Screenshots go to test/.output/screenshots/.
 */
import {existsSync, mkdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {gzipSync} from "node:zlib";
import {chromium, type Browser, type BrowserContext, type Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {PROJECT_ROOT} from "../../data-loaders/lib/config.js";
import {parseComparisonCsv, type ComparisonRow} from "../../src/components/csv.js";
import {formatValue} from "../../src/components/format.js";
import {DIST, serve, type StaticServer} from "../helpers/serve.js";

const E2E = process.env.E2E === "1";
const CHROMIUM = "/usr/bin/chromium";
const SHOTS = join(PROJECT_ROOT, "test", ".output", "screenshots");

let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
let comparisons: ComparisonRow[];

interface Visit {
  page: Page;
  errors: string[];
}

/** Open a page, collect console errors, and wait until the given selector is present. */
async function open(path: string, ready: string, viewport = {width: 1280, height: 900}): Promise<Visit> {
  const page = await context.newPage();
  await page.setViewportSize(viewport);
  const v: Visit = {page, errors: []};
  page.on("console", (m) => {
    if (m.type() === "error") v.errors.push(`console: ${m.text()}`);
  });
  page.on("pageerror", (e) => v.errors.push(`pageerror: ${e.message}`));
  await page.goto(server.url + path, {waitUntil: "load"});
  await page.waitForSelector(ready, {timeout: 15_000});
  return v;
}

/** The map's areas: statistics code, shape code, hatched or not, and the value drawn. */
async function mapAreas(page: Page, chart: string) {
  return page.$$eval(`figure[data-chart="${chart}"] svg.area-map g.areas path`, (ps) => ps.map((p) => ({
    code: p.getAttribute("data-code")!, shape: p.getAttribute("data-shape")!, suppressed: p.getAttribute("data-suppressed") === "true",
    value: p.getAttribute("data-value")!, fill: p.getAttribute("fill")!
  })));
}

/** The table alternative's rows as {code: value text}. */
async function tableValues(page: Page, chart: string): Promise<Record<string, string>> {
  return page.$$eval(`figure[data-chart="${chart}"] table.data-table tbody tr`, (trs) => Object.fromEntries(trs.map((tr) => [
    tr.querySelector('td[data-col="area_code"]')!.textContent!, tr.querySelector('td[data-col="value"]')!.textContent!
  ])));
}

describe.skipIf(!E2E)("maps in Chromium", () => {
  beforeAll(async () => {
    if (!existsSync(join(DIST, "omraden.html"))) throw new Error(`${DIST} has no omraden.html: build the site first`);
    comparisons = parseComparisonCsv(readFileSync(join(PROJECT_ROOT, "src", "data", "pub", "areas", "comparisons.csv"), "utf8"));
    server = await serve(DIST);
    browser = await chromium.launch({executablePath: CHROMIUM, headless: true, args: ["--no-sandbox", "--disable-gpu", "--no-first-run"]});
    context = await browser.newContext({locale: "sv-SE", timezoneId: "Europe/Stockholm"});
    mkdirSync(SHOTS, {recursive: true});
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("draws all 130 RegSO of the county, its table equals the data shown, Jönköping's groups outlined", async () => {
    const {page, errors} = await open("/omraden?kommun=lan", 'figure[data-chart="karta-regso"] svg.area-map path');
    const areas = await mapAreas(page, "karta-regso");
    expect(areas).toHaveLength(130);
    const regso = comparisons.filter((r) => r.indicator_id === "utrikes-fodda-andel-regso");
    const latest = Math.max(...regso.map((r) => r.year));
    const expected = new Map(regso.filter((r) => r.year === latest).map((r) => [r.area_code, r]));
    expect(new Set(areas.map((a) => a.code))).toEqual(new Set(expected.keys()));
    for (const a of areas) expect(Number(a.value), a.code).toBeCloseTo(expected.get(a.code)!.value!, 6);
    const table = await tableValues(page, "karta-regso");
    expect(Object.keys(table)).toHaveLength(130);
    for (const [code, text] of Object.entries(table)) expect(text, code).toBe(formatValue(expected.get(code)!.value, "percent"));
    expect(errors).toEqual([]);
    await page.setViewportSize({width: 1280, height: 900});
    await page.screenshot({path: join(SHOTS, "maps-regso-lan-1280.png"), fullPage: false});
    await page.close();
  });

  it("opens on Jönköping with the Områdesgrupper outlined and labelled, and a click adds an area to the comparison", async () => {
    const {page, errors} = await open("/omraden", 'figure[data-chart="karta-regso"] svg.area-map path');
    const areas = await mapAreas(page, "karta-regso");
    expect(areas.every((a) => a.code.startsWith("0680"))).toBe(true);
    expect(areas).toHaveLength(comparisons.filter((r) => r.indicator_id === "utrikes-fodda-andel-regso" && r.year === 2023 && r.municipality_code === "0680").length);
    const labels = await page.$$eval('figure[data-chart="karta-regso"] text.map-label', (ts) => ts.map((t) => t.textContent));
    expect(labels).toEqual(expect.arrayContaining(["Råslätt", "Öxnehaga"]));
    await page.screenshot({path: join(SHOTS, "maps-regso-grupper-1280.png")});
    await page.selectOption('select[name="kommun"]', "0680");
    await page.waitForFunction(() => document.querySelector("figure[data-chart=karta-regso] h3")?.textContent?.includes("Jönköpings kommun"));
    const before = await page.$$eval('figure[data-chart="valda-omraden"] tbody tr', (trs) => trs.length);
    const target = areas.find((a) => a.code === "0680R001")!;
    await page.click(`figure[data-chart="karta-regso"] path[data-code="${target.code}"]`);
    await page.waitForFunction((n) => document.querySelectorAll('figure[data-chart="valda-omraden"] tbody tr').length === n + 1, before);
    expect(page.url()).toContain("0680R001");
    await page.screenshot({path: join(SHOTS, "maps-regso-jonkoping-1280.png")});
    await page.setViewportSize({width: 390, height: 844});
    await page.screenshot({path: join(SHOTS, "maps-regso-jonkoping-390.png"), fullPage: true});
    expect(errors).toEqual([]);
    await page.close();
  });

  it("draws every DeSO 2018 of the median income, each split one as its two 2025 parts with the parent's value", async () => {
    const {page, errors} = await open("/omraden?indikator=medianinkomst-deso&kommun=lan", 'figure[data-chart="karta-deso"] svg.area-map path');
    const areas = await mapAreas(page, "karta-deso");
    expect(areas).toHaveLength(213);
    expect(new Set(areas.map((a) => a.code)).size).toBe(209);
    const parts = areas.filter((a) => a.code === "0680C1070");
    expect(parts.map((p) => p.shape).sort()).toEqual(["0680C1071", "0680C1072"]);
    expect(parts[0]!.value).toBe(parts[1]!.value);
    const deso = new Map(comparisons.filter((r) => r.indicator_id === "medianinkomst-deso").map((r) => [r.area_code, r]));
    for (const a of areas) expect(Number(a.value), a.code).toBeCloseTo(deso.get(a.code)!.value!, 6);
    const table = await tableValues(page, "karta-deso");
    expect(Object.keys(table).sort()).toEqual([...deso.keys()].sort());
    for (const [code, text] of Object.entries(table)) expect(text).toBe(formatValue(deso.get(code)!.value, deso.get(code)!.unit));
    const title = await page.textContent('figure[data-chart="karta-deso"] h3');
    expect(title).not.toContain("undefined");
    expect(errors).toEqual([]);
    await page.screenshot({path: join(SHOTS, "maps-deso-1280.png")});
    await page.close();
  });

  it("hatches a suppressed area and gives the reason (one row of the file made suppressed in transit)", async () => {
    const page = await context.newPage();
    await page.route("**/comparisons*.csv", async (route) => {
      const res = await route.fetch();
      const lines = (await res.text()).split("\n");
      const header = lines[0]!.split(",");
      const i = lines.findIndex((l) => l.startsWith("utrikes-fodda-andel-regso,0680R024,") && l.includes(",2023,"));
      const cells = lines[i]!.split(",");
      // Råslätt 2023 as the pipeline would publish a suppressed value: no value, status, reason.
      cells[header.indexOf("value")] = "";
      cells[header.indexOf("status")] = "suppressed";
      cells[header.indexOf("suppressed")] = "true";
      cells[header.indexOf("reason")] = "base below 50: 42 persons";
      lines[i] = cells.join(",");
      await route.fulfill({response: res, body: lines.join("\n")});
    });
    await page.goto(`${server.url}/omraden`, {waitUntil: "load"});
    await page.waitForSelector('figure[data-chart="karta-regso"] path[data-code="0680R024"]');
    const r = await page.$eval('figure[data-chart="karta-regso"] path[data-code="0680R024"]', (p) => ({fill: p.getAttribute("fill"), s: p.getAttribute("data-suppressed"), title: p.querySelector("title")!.textContent}));
    expect(r.s).toBe("true");
    expect(r.fill).toMatch(/^url\(#map-\d+-hatch\)$/);
    expect(r.title).toContain("underlaget är under 50: 42 personer");
    const cell = await page.textContent('figure[data-chart="karta-regso"] tr:has(td[data-col="area_code"]:text-is("0680R024")) td[data-col="value"]');
    expect(cell).toContain("Undertryckt");
    await page.close();
  });

  it("opens every neighbourhood measure on a year with data: a non-empty chart, no 'undefined', Swedish words", async () => {
    const ids = [...new Set(comparisons.map((r) => r.indicator_id))];
    expect(ids.length).toBe(9);
    for (const id of ids) {
      const {page, errors} = await open(`/omraden?indikator=${id}`, "figure[data-chart^=karta] svg.area-map path");
      const text = (await page.textContent("main"))!;
      expect(/.{0,60}(undefined|NaN|\bpersons\b|(?<!')\bsuppressed\b(?!')|\b0 områden).{0,30}/.exec(text)?.[0] ?? null, id).toBeNull();
      const years = [...new Set(comparisons.filter((r) => r.indicator_id === id).map((r) => r.year))];
      const filled = (await mapAreas(page, id.endsWith("-deso") ? "karta-deso" : "karta-regso")).filter((a) => a.value !== "");
      expect(filled.length, id).toBeGreaterThan(0);
      if (years.length === 1) {
        expect(text, id).toContain(`finns bara för ${years[0]}`);
        expect(text, id).not.toContain(`${years[0]}–${years[0]}`);
      }
      if (!id.endsWith("-deso")) {
        const bars = await page.$$eval('figure[data-chart="valda-omraden"] svg g[data-mark="bar"] > *, figure[data-chart="valda-omraden"] svg g[aria-label="bar"] > *', (b) => b.length);
        expect(bars, id).toBeGreaterThan(0);
      }
      expect(errors, id).toEqual([]);
      await page.close();
    }
  });

  it("offers search and 'välj alla av typ' in the picker", async () => {
    const {page} = await open("/omraden?kommun=lan", "details.area-picker");
    await page.click("details.area-picker summary");
    await page.click('button.select-type[data-type="1"]');
    const type1 = comparisons.filter((r) => r.indicator_id === "utrikes-fodda-andel-regso" && r.year === 2023 && r.area_type === 1).length;
    await page.waitForFunction((n) => document.querySelectorAll('figure[data-chart="valda-omraden"] tbody tr').length === n, type1);
    await page.fill("#omrade-sok", "råslätt");
    const visible = await page.$$eval(".area-picker label:not([hidden]) input[type=checkbox]", (bs) => bs.map((b) => (b as HTMLInputElement).value));
    expect(visible).toEqual(["0680R024"]);
    await page.close();
  });

  it("keeps the geometry within 150 KB gzip", () => {
    const file = readFileSync(join(PROJECT_ROOT, "src", "data", "pub", "areas", "boundaries.json"));
    expect(gzipSync(file).length).toBeLessThan(150 * 1024);
  });

  it("changes the municipality map's values with its year selector and shows Sweden in the legend", async () => {
    const {page, errors} = await open("/karta", 'figure[data-chart="karta"] select[name="karta-ar"], #karta-ar');
    const read = () => page.$$eval('figure[data-chart="karta"] table.data-table tbody tr', (trs) => trs.map((tr) => tr.textContent).join("|"));
    const before = await read();
    const options = await page.$$eval("#karta-ar option", (os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(options.length).toBeGreaterThan(1);
    await page.selectOption("#karta-ar", options[0]!);
    await page.waitForFunction((b) => [...document.querySelectorAll('figure[data-chart="karta"] table.data-table tbody tr')].map((tr) => tr.textContent).join("|") !== b, before);
    expect(await read()).not.toBe(before);
    expect(await page.textContent('figure[data-chart="karta"]')).toContain("Sverige");
    await page.setViewportSize({width: 390, height: 844});
    await page.screenshot({path: join(SHOTS, "karta-390.png"), fullPage: true});
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe.skipIf(!E2E)("similar municipalities and several municipalities in one chart", () => {
  beforeAll(async () => {
    server = await serve(DIST);
    browser = await chromium.launch({executablePath: CHROMIUM, headless: true, args: ["--no-sandbox", "--disable-gpu", "--no-first-run"]});
    context = await browser.newContext({locale: "sv-SE", timezoneId: "Europe/Stockholm"});
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("lists the worked example's similar municipalities with distances and the variables side by side", async () => {
    const peers = readFileSync(join(PROJECT_ROOT, "src", "data", "pub", "peers.csv"), "utf8").trim().split("\n").slice(1).map((l) => l.split(","));
    const {page, errors} = await open("/metod", "table.peers-example");
    for (const code of ["0680", "0662", "0604"]) {
      const mine = peers.filter((p) => p[0] === code);
      expect(mine).toHaveLength(7);
      const heads = await page.$$eval(`table.peers-example[data-area="${code}"] thead th`, (ths) => ths.map((t) => t.textContent));
      expect(heads.slice(2)).toEqual(mine.map((p) => p[4]));
      const dist = await page.$$eval(`table.peers-example[data-area="${code}"] tr.distance td`, (tds) => tds.map((t) => t.textContent));
      expect(dist.slice(1)).toEqual(mine.map((p) => formatValue(Number(p[5]), "ratio")));
      const rows = await page.$$eval(`table.peers-example[data-area="${code}"] tbody tr`, (trs) => trs.length);
      expect(rows).toBe(12);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it("lists a municipality's similar municipalities on its page", async () => {
    const {page, errors} = await open("/kommuner/0662", "ol.peer-list li");
    const listed = await page.$$eval("ol.peer-list li", (lis) => lis.map((l) => l.getAttribute("data-code")));
    const peers = readFileSync(join(PROJECT_ROOT, "src", "data", "pub", "peers.csv"), "utf8").trim().split("\n").filter((l) => l.startsWith("0662,")).map((l) => l.split(",")[3]);
    expect(listed).toEqual(peers);
    expect(listed).not.toContain("0662");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("draws up to five chosen municipalities beside the county and Sweden, the choice in the URL", async () => {
    const {page, errors} = await open("/indicators/utrikes-fodda?kommun=0662&jamfor=0617,0683", 'figure[data-chart="flera-kommuner"] svg');
    const legend = await page.textContent('figure[data-chart="flera-kommuner"] .subtitle');
    for (const name of ["Gislaved", "Gnosjö", "Värnamo", "Riket", "Median av"]) expect(legend).toContain(name);
    const boxes = page.locator('fieldset input[name="jamfor"]');
    for (const code of ["0604", "0642", "0643"]) await page.check(`fieldset input[name="jamfor"][value="${code}"]`);
    await page.waitForFunction(() => new URLSearchParams(location.search).get("jamfor")?.split(",").length === 5);
    expect(await boxes.evaluateAll((bs) => bs.filter((b) => (b as HTMLInputElement).disabled).length)).toBeGreaterThan(0);
    await page.reload({waitUntil: "load"});
    await page.waitForSelector('figure[data-chart="flera-kommuner"] svg');
    const checked = await page.$$eval('fieldset input[name="jamfor"]:checked', (bs) => bs.map((b) => (b as HTMLInputElement).value).sort());
    expect(checked).toEqual(["0604", "0617", "0642", "0643", "0683"]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
