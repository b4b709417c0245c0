/**
 * Browser tests of the built site (dist/) in Debian's Chromium via playwright-core. Run with E2E=1 after a build
 * (`npm run test:e2e` installs Chromium when missing); without E2E=1 the suite is skipped. Screenshots go to
 * test/.output/screenshots/ (git-ignored).
 */
import {existsSync, mkdirSync, readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {csvParse} from "d3-dsv";
import {chromium, type Browser, type BrowserContext, type Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import type {Catalogue} from "../../indicators/published.js";
import {PROJECT_ROOT} from "../../data-loaders/lib/config.js";
import {TIDY_COLUMNS} from "../../src/components/csv.js";
import {formatValue, parseSwedishNumber} from "../../src/components/format.js";
import {DIST, serve, type StaticServer} from "../helpers/serve.js";
import {settle, trackRequests} from "./settle.js";

const E2E = process.env.E2E === "1";
const CHROMIUM = "/usr/bin/chromium";
const SHOTS = join(PROJECT_ROOT, "test", ".output", "screenshots");
const KB = 1024;

let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
let catalogue: Catalogue;

/** What happened while a page loaded. */
interface Visit {
  page: Page;
  errors: string[];
  failed: string[];
  foreign: string[];
  bytes: number;
  inflight: ReturnType<typeof trackRequests>;
}

async function open(path: string, ctx = context, viewport = {width: 1280, height: 900}): Promise<Visit> {
  const page = await ctx.newPage();
  await page.setViewportSize(viewport);
  const inflight = trackRequests(page);
  const v: Visit = {page, errors: [], failed: [], foreign: [], bytes: 0, inflight};
  page.on("console", (m) => {
    if (m.type() === "error") v.errors.push(`console: ${m.text()}`);
  });
  page.on("pageerror", (e) => v.errors.push(`pageerror: ${e.message}`));
  page.on("request", (r) => {
    const url = new URL(r.url());
    if (!["blob:", "data:"].includes(url.protocol) && url.host !== new URL(server.url).host) v.foreign.push(r.url());
  });
  page.on("requestfailed", (r) => {
    v.failed.push(`${r.url()} (${r.failure()?.errorText})`);
  });
  page.on("response", (r) => {
    if (r.status() >= 400) v.failed.push(`${r.url()} → ${r.status()}`);
    v.bytes += Number(r.headers()["content-length"] ?? 0);
  });
  await page.goto(server.url + path, {waitUntil: "load"});
  await settle(page, inflight);
  return v;
}

/** Charts on the page: marks drawn, table rows, CSV rows and whether a source line and downloads exist. */
async function chartFacts(page: Page) {
  return page.evaluate(async () => {
    const cards = [...document.querySelectorAll<HTMLElement>("figure.chart-card")];
    return Promise.all(cards.map(async (card) => {
      const marks = card.querySelectorAll('.chart svg g[aria-label="line"] > *, .chart svg g[data-mark="line"] > *, .chart svg g[aria-label="bar"] > *, .chart svg g[data-mark="bar"] > *, .chart svg g[aria-label="dot"] > *, .chart svg g[data-mark="dot"] > *, .chart svg g[aria-label="geo"] > *, .chart svg g[data-mark="geo"] > *, .chart svg.area-map g.areas path').length;
      const link = card.querySelector<HTMLAnchorElement>("a.download-csv");
      // The link builds its file after the first paint or when it is first used (csvDownload.ts): use it now.
      link?.dispatchEvent(new FocusEvent("focus"));
      if (link && !link.href.startsWith("blob:")) throw new Error(`${card.dataset.chart}: CSV link without its file after focus: ${link.href}`);
      const csv = link ? await (await fetch(link.href)).text() : "";
      const rows = [...card.querySelectorAll("details.table-alt tbody tr")].map((tr) =>
        [...tr.querySelectorAll<HTMLTableCellElement>("td")].map((td) => ({col: td.dataset.col ?? "", text: td.textContent ?? "", num: td.classList.contains("num")})));
      return {
        id: card.dataset.chart ?? "", marks, csv, rows, download: link?.download ?? "",
        source: card.querySelector(".source-note")?.textContent ?? "",
        files: [...card.querySelectorAll<HTMLAnchorElement>(".file-links a")].map((a) => a.getAttribute("href") ?? "")
      };
    }));
  });
}

/** Every numeric cell equals its CSV value as shown (to the decimals displayed); names and years equal. */
function compareTableWithCsv(chart: Awaited<ReturnType<typeof chartFacts>>[number]): void {
  const csv = csvParse(chart.csv);
  expect(csv.length, `${chart.id}: table rows vs CSV rows`).toBe(chart.rows.length);
  chart.rows.forEach((cells, i) => {
    const row = csv[i]!;
    for (const c of cells) {
      if (!(c.col in row)) continue;
      const raw = row[c.col]!;
      if (c.num) {
        const shown = parseSwedishNumber(c.text.replace(/^Undertryckt$/, "–"));
        if (shown === null) {
          expect(raw === "" || c.text === "Undertryckt", `${chart.id} row ${i} ${c.col}: "${c.text}" vs "${raw}"`).toBe(true);
          continue;
        }
        const decimals = /,(\d+)/.exec(c.text)?.[1]?.length ?? 0;
        expect(Math.abs(shown - Number(raw)), `${chart.id} row ${i} ${c.col}: "${c.text}" vs ${raw}`).toBeLessThanOrEqual(0.5 * 10 ** -decimals + 1e-9);
      } else if (c.col === "area_name" || c.col === "year") {
        expect(c.text, `${chart.id} row ${i} ${c.col}`).toBe(raw);
      }
    }
  });
}

/** Pages with charts: all but Data and Method, and goal pages of areas that have indicators. */
function expectsCharts(path: string): boolean {
  const goal = /^\/goals\/(.+)$/.exec(path)?.[1];
  if (goal) return catalogue.indicators.some((i) => i.goal_area === goal);
  return !["/data", "/metod"].includes(path);
}

function pagesOf(cat: Catalogue): string[] {
  const munis = cat.areas.filter((a) => a.level === "municipality" && /^06\d\d$/.test(a.code));
  return [
    "/", ...cat.goals.map((g) => `/goals/${g.id}`), ...cat.indicators.map((i) => `/indicators/${i.id}`),
    ...munis.map((m) => `/kommuner/${m.code}`), "/omraden", "/karta", "/data", "/metod"
  ];
}

describe.skipIf(!E2E)("the built site in Chromium", () => {
  beforeAll(async () => {
    if (!existsSync(join(DIST, "index.html"))) throw new Error(`${DIST} does not exist: build the site first (npm run build), then run E2E=1 vitest`);
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run test/e2e/install-chromium.sh`);
    catalogue = JSON.parse(readFileSync(join(DIST, "data", "pub", "catalogue.json"), "utf8")) as Catalogue;
    server = await serve(DIST);
    browser = await chromium.launch({
      executablePath: CHROMIUM, headless: true,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"]
    });
    context = await browser.newContext({acceptDownloads: true, locale: "sv-SE", timezoneId: "Europe/Stockholm"});
    mkdirSync(SHOTS, {recursive: true});
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("loads every page in Swedish without errors, failed or foreign requests; every chart has marks, a table, a source and its CSV", async () => {
    const pages = pagesOf(catalogue);
    expect(pages.length).toBeGreaterThan(10);
    for (const path of pages) {
      const v = await open(path);
      expect(v.errors, `${path}: console errors`).toEqual([]);
      expect(v.failed, `${path}: failed requests`).toEqual([]);
      expect(v.foreign, `${path}: requests to other hosts`).toEqual([]);
      const state = await v.page.evaluate(() => ({lang: document.documentElement.lang, errors: document.querySelectorAll(".observablehq--error").length, h1: document.querySelector("h1")?.textContent ?? ""}));
      expect(state, path).toMatchObject({lang: "sv", errors: 0});
      // Provenance: no page shows the pipeline's fetch host (loopback in the demo) or a simulator stand-in id.
      // The page's own origin (this test's server, e.g. in blob: URLs of CSV downloads) is not provenance: left out.
      const html = (await v.page.evaluate(() => document.documentElement.outerHTML)).replaceAll(server.url, "");
      expect(html.match(/127\.0\.0\.1[^"'<\s]*|localhost[^"'<\s]*|SIM_\w+/g) ?? [], `${path}: loopback URL or SIM_ id`).toEqual([]);
      expect(state.h1.length, `${path}: a heading`).toBeGreaterThan(2);
      // A generated sentence with a missing name ("Median av länets kommuner jämfört med .") is a bug like a wrong number.
      const text = await v.page.evaluate(() => document.querySelector("main")?.textContent ?? "");
      expect(text.match(/\b(?:med|och|av|för|mot|visar) [.,;]/g) ?? [], `${path}: a sentence with a missing name`).toEqual([]);
      const charts = await chartFacts(v.page);
      if (expectsCharts(path)) expect(charts.length, `${path}: charts`).toBeGreaterThan(0);
      for (const c of charts) {
        expect(c.marks, `${path} ${c.id}: marks in the svg`).toBeGreaterThan(0);
        expect(c.source, `${path} ${c.id}: source line`).toMatch(/^(Källa:|Beräknat av oss från) .+ Hämtad \d{4}-\d{2}-\d{2}/);
        // Rows we computed (gaps, medians, shares of counts) make the line say so.
        if (csvParse(c.csv).some((r) => r.source?.startsWith("Beräknat av oss"))) expect(c.source, `${path} ${c.id}`).toMatch(/Beräknat av oss från /);
        expect(c.download, `${path} ${c.id}: CSV file name`).toMatch(/\.csv$/);
        compareTableWithCsv(c);
      }
      // every badge sits only beside a figure of its own window (issue 8: no "▼ Försämras … sedan 2015")
      const pairs = await v.page.evaluate(() => [...document.querySelectorAll<HTMLElement>(".trend-with-figure")].map((p) => ({
        win: p.dataset.window ?? "", badge: p.querySelector<HTMLElement>(".status")?.dataset.window ?? "", figure: p.querySelector(".trend-figure")?.textContent ?? ""
      })));
      for (const p of pairs) {
        expect(p.badge, `${path}: badge window`).toBe(p.win);
        if (p.win) expect(p.figure, `${path}: figure beside the badge`).toContain(p.win);
        for (const m of p.figure.matchAll(/\b\d{4}(?:–\d{4})?\b/g)) expect(m[0], `${path}: ${p.figure}`).toBe(p.win);
      }
      if (path === "/") {
        // the county view is never empty: no goal card says its indicators have no value for the county
        const noValue = await v.page.evaluate(() => document.querySelectorAll('[data-goal] [data-status="no_value"]').length);
        expect(noValue, "start page, county: goal cards without values").toBe(0);
      }
      await v.page.close();
    }
  }, 480_000);

  it("no built page or published file holds a loopback URL or a simulator stand-in id (SIM_)", () => {
    const offenders: string[] = [];
    for (const e of readdirSync(DIST, {recursive: true, withFileTypes: true})) {
      const file = join(e.parentPath, e.name);
      const published = file.startsWith(join(DIST, "data"));
      if (!e.isFile() || !(e.name.endsWith(".html") || published) || /\.(parquet|zip)$/.test(e.name)) continue;
      if (/127\.0\.0\.1|localhost|SIM_/.test(readFileSync(file, "latin1"))) offenders.push(file.slice(DIST.length + 1));
    }
    expect(offenders).toEqual([]);
  });

  it("uses Swedish number formats in tables and charts (decimal comma, true minus, no English separators)", async () => {
    const ind = catalogue.indicators.find((i) => i.groups.includes("gap")) ?? catalogue.indicators[0]!;
    const v = await open(`/indicators/${ind.id}?kommun=0687`);
    const texts = await v.page.evaluate(() => [...document.querySelectorAll("main svg text, main td.num, main .kpi-value")].map((e) => e.textContent ?? ""));
    const numeric = texts.filter((t) => /\d/.test(t) && !/^\d{4}$/.test(t.trim()));
    expect(numeric.length).toBeGreaterThan(20);
    for (const t of numeric) {
      expect(t, "no decimal point").not.toMatch(/\d\.\d/);
      expect(t, "no hyphen-minus before a number").not.toMatch(/(^|\s)-\d/);
    }
    expect(texts.join(" ")).toMatch(/\d,\d/);
    if (ind.groups.includes("gap")) expect(texts.join(" ")).toContain("\u2212");
    await v.page.close();
  });

  it("keeps the municipality, sex and years in the URL and restores them on reload", async () => {
    const ind = catalogue.indicators.find((i) => i.sexes.includes("K")) ?? catalogue.indicators[0]!;
    const v = await open(`/indicators/${ind.id}`);
    const page = v.page;
    await page.selectOption('select[name="kommun"]', "0687");
    await page.waitForURL(/kommun=0687/);
    if (ind.sexes.includes("K")) {
      await page.getByLabel("Kvinnor", {exact: true}).check();
      await page.waitForURL(/kon=K/);
    }
    const years = await page.$$eval(".control-years select", (ss) => ss.map((s) => [...(s as HTMLSelectElement).options].map((o) => o.value)));
    const from = years[0]![1]!;
    await page.locator(".control-years select").first().selectOption(from);
    await page.waitForURL(new RegExp(`fran=${from}`));
    await settle(page, v.inflight);
    const before = await page.locator('figure[data-chart="tidsserie"] figcaption').textContent();
    expect(before).toContain("Tranås");
    await page.reload({waitUntil: "load"});
    await settle(page, v.inflight);
    expect(await page.locator('select[name="kommun"]').inputValue()).toBe("0687");
    if (ind.sexes.includes("K")) expect(await page.getByLabel("Kvinnor", {exact: true}).isChecked()).toBe(true);
    expect(await page.locator(".control-years select").first().inputValue()).toBe(from);
    expect(await page.locator('figure[data-chart="tidsserie"] figcaption').textContent()).toBe(before);
    await page.close();

    // The start page and a goal page keep the municipality too; the neighbourhood page keeps its areas.
    const sv = await open("/");
    const start = sv.page;
    await start.selectOption('select[name="kommun"]', "0680");
    await start.waitForURL(/kommun=0680/);
    await start.reload({waitUntil: "load"});
    await settle(start, sv.inflight);
    expect(await start.locator('select[name="kommun"]').inputValue()).toBe("0680");
    expect(await start.locator("article.goal-card").first().textContent()).toMatch(/Jönköping|Inga målindikatorer/);
    await start.close();

    const av = await open("/omraden");
    const areas = av.page;
    await areas.locator("details.area-picker summary").click();
    expect(new URL(areas.url()).searchParams.has("omraden"), "the default areas are not written to the URL").toBe(false);
    await areas.locator('input[type="checkbox"][value="0680R014"]').uncheck();
    await areas.waitForURL(/omraden=/);
    const url = new URL(areas.url());
    expect(url.searchParams.get("omraden")?.split(",")).not.toContain("0680R014");
    await areas.reload({waitUntil: "load"});
    await settle(areas, av.inflight);
    expect(await areas.locator('input[type="checkbox"][value="0680R014"]').isChecked()).toBe(false);
    expect(await areas.locator('input[type="checkbox"][value="0680R024"]').isChecked()).toBe(true);
    await areas.close();
  });

  it("downloads a CSV with the documented header and the value shown on screen", async () => {
    const ind = catalogue.indicators[0]!;
    const {page} = await open(`/indicators/${ind.id}?kommun=0687`);
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator('figure[data-chart="tidsserie"] a.download-csv').click()]);
    const text = readFileSync((await download.path())!, "utf8");
    expect(text.split("\n")[0]).toBe(TIDY_COLUMNS.join(","));
    const rows = csvParse(text);
    const tranas = rows.filter((r) => r.area_code === "0687" && r.value !== "").sort((a, b) => Number(a.year) - Number(b.year)).at(-1)!;
    const shown = await page.locator(".kpi").first().textContent();
    expect(shown).toContain(`Tranås ${tranas.year}`);
    expect(shown!.replace(/\s+/g, " ")).toContain(formatValue(Number(tranas.value), tranas.unit!).replace(/\u00A0/g, " "));
    // The map's CSV is the tidy rows of the year shown, with the indicator files' header.
    const map = (await open(`/karta?indikator=${ind.id}`)).page;
    const [d2] = await Promise.all([map.waitForEvent("download"), map.locator('figure[data-chart="karta"] a.download-csv').click()]);
    const mapCsv = readFileSync((await d2.path())!, "utf8");
    expect(mapCsv.split("\n")[0]).toBe(TIDY_COLUMNS.join(","));
    expect(csvParse(mapCsv).length).toBe(13);
    await page.close();
    await map.close();
  });

  it("serves every published file linked from the Data page and every chart's full-file links", async () => {
    const {page} = await open("/data");
    const hrefs = await page.$$eval("main a[download]", (as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(hrefs.length).toBeGreaterThanOrEqual(3 * catalogue.indicators.length + 4);
    for (const h of hrefs) {
      const r = await context.request.get(h);
      expect(r.status(), h).toBe(200);
    }
    const ind = (await open(`/indicators/${catalogue.indicators[0]!.id}`)).page;
    const links = await ind.$$eval('figure[data-chart="tidsserie"] .file-links a', (as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(links.map((l) => l.replace(/^.*\//, ""))).toEqual([
      `${catalogue.indicators[0]!.id}.csv`, `${catalogue.indicators[0]!.id}.excel.csv`, `${catalogue.indicators[0]!.id}.parquet`
    ]);
    for (const l of links) expect((await context.request.get(l)).status(), l).toBe(200);
    await page.close();
    await ind.close();
  });

  it("keeps within the page-weight budgets (gzip transferred, cold cache)", async () => {
    const budgets: [string, number][] = [["/", 400 * KB], [`/indicators/${catalogue.indicators[0]!.id}`, 1024 * KB], [`/goals/${catalogue.goals[0]!.id}`, 1024 * KB],
      ["/kommuner/0680", 1024 * KB], ["/omraden", 1024 * KB], ["/karta", 1024 * KB]];
    for (const [path, budget] of budgets) {
      const fresh = await browser.newContext();
      const v = await open(path, fresh);
      process.stderr.write(`page weight ${path}: ${Math.round(v.bytes / KB)} KB gzip transferred\n`);
      expect(v.bytes, `${path}: ${Math.round(v.bytes / KB)} KB`).toBeGreaterThan(10 * KB);
      expect(v.bytes, `${path}: ${Math.round(v.bytes / KB)} KB transferred`).toBeLessThanOrEqual(budget);
      await fresh.close();
    }
  });

  it("writes screenshots at 1280 and 390 px without horizontal scrolling", async () => {
    const shots: [string, string][] = [["start", "/"], ["indikator", `/indicators/${catalogue.indicators[0]!.id}?kommun=0687`], ["kommun", "/kommuner/0687"], ["omraden", "/omraden"]];
    for (const width of [1280, 390]) {
      for (const [name, path] of shots) {
        const {page} = await open(path, context, {width, height: 900});
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${path} at ${width}px scrolls sideways`).toBeLessThanOrEqual(0);
        await page.screenshot({path: join(SHOTS, `${name}-${width}.png`), fullPage: true});
        await page.close();
      }
    }
  }, 180_000);
});
