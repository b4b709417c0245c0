/**
 * Browser tests of the follow-up reports (/uppfoljning/<kod>) in Debian's Chromium (E2E=1, after a build): each of
 * the 14 reports loads without errors, prints to an A4 PDF (page.pdf) with no form control, sidebar or button visible
 * and every table expanded; the numbers on screen equal the report CSV and appear on paper (pdftotext, poppler-utils);
 * in the county report no chart is cut across a page edge (each chart's text is on one PDF page). Screenshots and
 * PDFs go to test/.output/reports/ (git-ignored).
 */
import {execFileSync} from "node:child_process";
import {existsSync, mkdirSync, readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {csvParse} from "d3-dsv";
import {chromium, type Browser, type BrowserContext, type Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {PROJECT_ROOT} from "../../data-loaders/lib/config.js";
import type {ReportFile} from "../../indicators/report/build.js";
import {changeUnit, decimalsFor, formatNumber, parseSwedishNumber} from "../../src/components/format.js";
import {DIST, serve, type StaticServer} from "../helpers/serve.js";

const E2E = process.env.E2E === "1";
const CHROMIUM = "/usr/bin/chromium";
const OUT = join(PROJECT_ROOT, "test", ".output", "reports");
const KB = 1024;

let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
let codes: string[];

function pdftotext(file: string, page?: number): string {
  const args = page === undefined ? [file, "-"] : ["-f", String(page), "-l", String(page), file, "-"];
  return execFileSync("pdftotext", args, {encoding: "utf8"}).replace(/[\u00A0\u202F]/g, " ").replace(/\u00AD/g, "").replace(/\s+/g, " ");
}

/** Open a report and wait until the pipeline's report has rendered (its last section is in the DOM). */
async function openReport(code: string, width = 1280): Promise<{page: Page; errors: string[]; failed: string[]; bytes: number}> {
  const page = await context.newPage();
  await page.setViewportSize({width, height: 900});
  const errors: string[] = [];
  const failed: string[] = [];
  let bytes = 0;
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("requestfailed", (r) => failed.push(r.url()));
  page.on("response", (r) => {
    if (r.status() >= 400) failed.push(`${r.url()} → ${r.status()}`);
    bytes += Number(r.headers()["content-length"] ?? 0);
  });
  await page.goto(`${server.url}/uppfoljning/${code}`, {waitUntil: "load"});
  await page.waitForSelector(`article.report[data-report="${code}"] .report-news`);
  await page.waitForLoadState("networkidle");
  return {page, errors, failed, bytes};
}

describe.skipIf(!E2E)("the follow-up reports in Chromium", () => {
  beforeAll(async () => {
    if (!existsSync(join(DIST, "index.html"))) throw new Error(`${DIST} does not exist: build the site first`);
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run test/e2e/install-chromium.sh`);
    execFileSync("pdftotext", ["-v"], {stdio: "ignore"}); // poppler-utils (apt-get install poppler-utils)
    const cat = JSON.parse(readFileSync(join(DIST, "data", "pub", "catalogue.json"), "utf8")) as {areas: {code: string; level: string; parent_code: string | null}[]};
    codes = ["0006", ...cat.areas.filter((a) => a.level === "municipality" && a.parent_code === "0006").map((a) => a.code)];
    server = await serve(DIST);
    browser = await chromium.launch({executablePath: CHROMIUM, headless: true, args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-sync"]});
    context = await browser.newContext({locale: "sv-SE", timezoneId: "Europe/Stockholm"});
    mkdirSync(OUT, {recursive: true});
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("every report is linked from the start page and the municipality page", async () => {
    const {page} = await openReport("0006");
    await page.goto(`${server.url}/kommuner/0687`, {waitUntil: "load"});
    await expect.poll(() => page.locator('a[href$="uppfoljning/0687"]').count()).toBeGreaterThan(0);
    await page.goto(`${server.url}/`, {waitUntil: "load"});
    await expect.poll(() => page.locator('a[href$="uppfoljning/0006"]').count()).toBeGreaterThan(0);
    await page.close();
  });

  it("each report: no errors, ≤ 1 MB, print button on screen; on paper (A4) no control, every table expanded, the CSV's numbers", async () => {
    for (const code of codes) {
      const v = await openReport(code);
      const {page} = v;
      expect(v.errors, `${code}: console errors`).toEqual([]);
      expect(v.failed, `${code}: failed requests`).toEqual([]);
      expect(v.bytes, `${code}: bytes transferred`).toBeLessThan(1024 * KB);
      expect(await page.getByRole("button", {name: "Skriv ut / spara som PDF"}).isVisible()).toBe(true);
      const report = JSON.parse(readFileSync(join(DIST, "data", "pub", "reports", `${code}.json`), "utf8")) as ReportFile;
      const csv = csvParse(readFileSync(join(DIST, "data", "pub", report.files.csv), "utf8"));

      await page.emulateMedia({media: "print"});
      const paper = await page.evaluate(() => {
        const visible = (el: Element) => (el as HTMLElement).checkVisibility({checkOpacity: true, checkVisibilityCSS: true});
        return {
          controls: [...document.querySelectorAll("input, select, textarea, button, [role=button]")].filter(visible).map((e) => e.outerHTML.slice(0, 80)),
          sidebar: [...document.querySelectorAll("#observablehq-sidebar, #observablehq-toc, .report-actions")].filter(visible).length,
          closedDetails: [...document.querySelectorAll("main details:not([open])")].length,
          tables: [...document.querySelectorAll("main table")].length,
          hiddenTables: [...document.querySelectorAll("main table")].filter((t) => !visible(t)).length,
          hiddenRows: [...document.querySelectorAll("main table tr")].filter((t) => !visible(t)).length,
          cells: [...document.querySelectorAll<HTMLElement>("table.report-table tr[data-indicator]")].map((tr) => ({
            indicator: tr.dataset.indicator!,
            goal: tr.closest<HTMLElement>("section[data-goal]")!.dataset.goal!,
            values: [...tr.querySelectorAll<HTMLElement>("[data-col]")].map((s) => ({col: s.dataset.col!, unit: s.dataset.unit!, text: s.textContent!}))
          }))
        };
      });
      expect(paper.controls, `${code}: controls on paper`).toEqual([]);
      expect(paper.sidebar).toBe(0);
      expect(paper.closedDetails).toBe(0);
      expect(paper.tables).toBe(report.goals.length);
      expect([paper.hiddenTables, paper.hiddenRows]).toEqual([0, 0]);
      expect(paper.cells.length).toBe(csv.length);

      // Screen/paper DOM = CSV: every number cell, parsed back, equals the CSV value at the shown precision.
      const pdfFile = join(OUT, `${code}.pdf`);
      writeFileSync(pdfFile, await page.pdf({format: "A4", preferCSSPageSize: true, printBackground: true}));
      const text = pdftotext(pdfFile);
      const info = execFileSync("pdfinfo", [pdfFile], {encoding: "utf8"});
      expect(info, `${code}: A4`).toMatch(/Page size:\s+59\d\.\d+ x 84\d\.\d+ pts \(A4\)/);
      let numbers = 0;
      for (const [i, row] of csv.entries()) {
        const cells = paper.cells[i]!;
        expect([cells.goal, cells.indicator]).toEqual([row.goal_area, row.indicator_id]);
        for (const c of cells.values) {
          const raw = row[c.col]!;
          const want = raw === "" ? null : Number(raw);
          const shown = parseSwedishNumber(c.text);
          const d = c.unit === "count" ? 0 : decimalsFor(c.unit);
          expect(shown, `${code} ${row.indicator_id} ${c.col}: "${c.text}" vs ${raw}`).toBe(want === null ? null : Number(formatNumber(want, d).replace(/\u00A0/g, "").replace(",", ".").replace("\u2212", "-")));
          if (want !== null && c.col !== "municipalities_n") {
            // On paper: the number as printed (without its unit, which may wrap to the next line).
            const printed = formatNumber(c.col.startsWith("diff_") || c.col.endsWith("_change") ? Math.abs(want) : want, d).replace(/\u00A0/g, " ").replace(/^\u2212/, "");
            expect(text, `${code} ${row.indicator_id} ${c.col} ${printed} on paper`).toContain(printed);
            numbers++;
          }
        }
      }
      expect(numbers, code).toBeGreaterThan(20);
      // The running header facts and the generated sentences are on paper.
      expect(text).toContain(report.title);
      expect(text).toContain(`Data till och med ${report.data_year}`);
      for (const g of report.goals) expect(text).toContain(g.sentences[0]!.text.replace(/\u00A0/g, " ").slice(0, 40));
      await page.close();
    }
  }, 600_000);

  it("county report: goal areas on their own pages, no chart cut across a page edge; screenshots and PNGs of the PDF", async () => {
    const {page} = await openReport("0006");
    await page.screenshot({path: join(OUT, "0006-1280.png"), fullPage: true});
    await page.emulateMedia({media: "print"});
    const charts = await page.evaluate(() => [...document.querySelectorAll<HTMLElement>("figure.report-chart")].map((f) => ({
      breakInside: getComputedStyle(f).breakInside,
      height: f.getBoundingClientRect().height,
      caption: f.querySelector("figcaption")!.textContent!,
      labels: [...f.querySelectorAll("svg text")].map((t) => t.textContent!.trim()).filter((t) => t.length > 3).slice(0, 6),
      goal: f.closest<HTMLElement>("section[data-goal]")!.dataset.goal!
    })));
    expect(charts.length).toBeGreaterThan(3);
    const pdfFile = join(OUT, "0006.pdf");
    writeFileSync(pdfFile, await page.pdf({format: "A4", preferCSSPageSize: true, printBackground: true}));
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdfFile], {encoding: "utf8"}))![1]);
    const pageTexts = Array.from({length: pages}, (_, i) => pdftotext(pdfFile, i + 1));
    // A4 minus the 16 mm top and bottom margins at 96 px/in.
    const printable = ((297 - 32) / 25.4) * 96;
    for (const c of charts) {
      expect(c.breakInside).toBe("avoid");
      expect(c.height).toBeLessThan(printable);
      const caption = c.caption.replace(/\s+/g, " ").slice(0, 60);
      const onPages = pageTexts.map((t, i) => (t.includes(caption) ? i : -1)).filter((i) => i >= 0);
      expect(onPages.length, `${c.goal}: caption on one page`).toBe(1);
      const p = pageTexts[onPages[0]!]!;
      for (const l of c.labels) expect(p, `${c.goal}: chart label "${l}" on the caption's page ${onPages[0]! + 1}`).toContain(l.replace(/\u00A0/g, " "));
    }
    // Page numbers and the running header (area, data year, retrieval date) are printed on every page by @page margin boxes.
    for (const [i, t] of pageTexts.entries()) {
      expect(t).toContain(`Sida ${i + 1} av ${pages}`);
      expect(t).toContain("Region Jönköpings län · uppföljning, data till och med");
    }
    execFileSync("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "4", pdfFile, join(OUT, "0006-pdf")]);
    await page.close();
  }, 120_000);
});
