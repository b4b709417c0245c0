/**
 * The site part of `npm run bench`: build time of `observable build` (cold loader cache) and, per page,
 * the bytes transferred (gzip, as served) and the time to the first chart in headless Chromium.
 * Needs published files in src/data/pub (run `npm run demo` first). Prints figures, asserts nothing.
 */
import {existsSync, readdirSync, readFileSync} from "node:fs";
import {readFile} from "node:fs/promises";
import {join} from "node:path";
import {gzipSync} from "node:zlib";
import {chromium, errors} from "playwright-core";
import {serve} from "../test/helpers/serve.js";
import {PROJECT_ROOT} from "./lib/config.js";
import {buildSite} from "./site.js";

/** Loads per page for the first-chart time (the median is shown). */
const LOADS = 3;

/** Build the site and measure a representative page of each kind; returns markdown table lines. */
export async function benchSite(): Promise<string[]> {
  const pub = join(PROJECT_ROOT, "src", "data", "pub", "catalogue.json");
  if (!existsSync(pub)) return ["(site skipped: no src/data/pub/catalogue.json — run `npm run demo` first)"];
  const catalogue = JSON.parse(await readFile(pub, "utf8")) as {goals: {id: string}[]; indicators: {id: string}[]; areas: {code: string; level: string}[]};
  const buildMs = await buildSite({quiet: true});
  const municipality = catalogue.areas.find((a) => a.level === "municipality")!.code;
  const pages = [
    "/", `/goals/${catalogue.goals[0]!.id}`, `/indicators/${catalogue.indicators[0]!.id}`, `/kommuner/${municipality}`,
    "/omraden", "/omraden?indikator=medianinkomst-deso&kommun=lan", `/indicators/${catalogue.indicators[0]!.id}?kommun=0662&jamfor=0617,0683`,
    "/karta", "/data", "/metod",
    // The follow-up reports: the county's (with charts) and a municipality's (tables and sentences only).
    "/uppfoljning/0006", `/uppfoljning/${municipality}`
  ];
  // Pre-compressed, as a static host serves them: the first page measured must not pay for compressing the site.
  const server = await serve(undefined, 0, {precompress: true});
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"]
  });
  const lines = [
    `Site: observable build ${(buildMs / 1000).toFixed(1)} s (cold loader cache)`, "",
    `| page | KB transferred (gzip) | requests | first chart (reports: first sentence) ms, median of ${LOADS} (range) |`, "|---|---|---|---|"
  ];
  /** One load in a fresh context (nothing from the browser cache): bytes, requests and the first chart's time, or null. */
  const loadOnce = async (path: string) => {
    const context = await browser.newContext({viewport: {width: 1280, height: 900}});
    await context.addInitScript({content: firstChartProbe(path.startsWith("/uppfoljning/") ? REPORT_SELECTOR : CHART_SELECTOR)});
    const page = await context.newPage();
    let bytes = 0;
    let requests = 0;
    page.on("requestfinished", async (req) => {
      requests++;
      const sizes = await req.sizes();
      bytes += sizes.responseBodySize + sizes.responseHeadersSize;
    });
    await page.goto(`${server.url}${path}`);
    let chartMs: number | null = null;
    try {
      await page.waitForFunction(() => (window as unknown as {__firstChart: number | null}).__firstChart !== null, undefined, {timeout: 15_000, polling: 200});
      chartMs = Math.round(await page.evaluate(() => (window as unknown as {__firstChart: number}).__firstChart));
    } catch (e) {
      // Some pages (data, method) have no chart: say so rather than time out loudly.
      if (!(e instanceof errors.TimeoutError)) throw e;
    }
    await page.waitForLoadState("networkidle");
    await context.close();
    return {bytes, requests, chartMs};
  };
  try {
    for (const path of pages) {
      const first = await loadOnce(path);
      // The VM's speed varies from load to load: each page with a chart is loaded LOADS times and the median kept.
      const times = [first.chartMs];
      if (first.chartMs !== null) for (let i = 1; i < LOADS; i++) times.push((await loadOnce(path)).chartMs);
      const ms = times.filter((t): t is number => t !== null).sort((x, y) => x - y);
      const chart = first.chartMs === null ? "no chart" : ms.length === LOADS ? `${ms[Math.floor(LOADS / 2)]} (${ms[0]}–${ms.at(-1)})` : `no chart in ${LOADS - ms.length} of ${LOADS} loads`;
      lines.push(`| ${path} | ${Math.round(first.bytes / 1024)} | ${first.requests} | ${chart} |`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  // The neighbourhood maps' geometry, as served (gzip): budget 150 KB on the page that shows it.
  const geometry = await readFile(join(PROJECT_ROOT, "src", "data", "pub", "areas", "boundaries.json"));
  lines.push("", `Map geometry (areas/boundaries.json): ${Math.round(gzipSync(geometry).length / 1024)} KB gzip (budget 150 KB).`);
  lines.push("", searchIndexLine());
  return lines;
}

// A chart counts once its svg holds marks (Plot's mark groups carry aria-label, renamed data-mark by
// src/components/share.ts; the maps' area paths). A report page's first content is its first generated sentence.
const MARKS = ["line", "bar", "dot", "geo"].flatMap((m) => [`.chart svg g[aria-label="${m}"] > *`, `.chart svg g[data-mark="${m}"] > *`]);
const CHART_SELECTOR = [...MARKS, ".chart svg.area-map g.areas path"].join(", ");
const REPORT_SELECTOR = "article.report .report-sentences p";

/**
 * Runs in the page before its scripts: checks once per animation frame whether the first chart is in the document and
 * keeps the time since navigation start. In-page and once per frame, so the probe costs the page almost nothing
 * (Playwright's waitForSelector re-ran its selector engine on every DOM change, ~0,3 s of main-thread time on a
 * municipality page). A string, not a function: tsx (esbuild's keepNames) would wrap the function's inner names in
 * a helper the page does not have.
 */
const firstChartProbe = (selector: string) => `(() => {
  window.__firstChart = null;
  const tick = () => {
    if (document.querySelector(${JSON.stringify(selector)})) window.__firstChart = performance.now();
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;

/** The search index loads on first use of the search box, not with the page: reported apart from the page weights. */
function searchIndexLine(): string {
  const dir = join(PROJECT_ROOT, "dist", "_observablehq");
  const file = existsSync(dir) ? readdirSync(dir).find((f) => /^minisearch\..*\.json$/.test(f)) : undefined;
  if (!file) return "Search index: none in dist/_observablehq (search disabled?)";
  const raw = readFileSync(join(dir, file));
  return `Search index (loaded on first search): ${Math.round(gzipSync(raw).length / 1024)} KB gzip (${Math.round(raw.length / 1024)} KB raw)`;
}
