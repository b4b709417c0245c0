/**
 * Accessibility and findability of the built site (dist/) in Chromium: axe-core (WCAG 2.1 A/AA rules) on every page
 * type with every <details> open, failing on serious and critical violations; the contrast of what our charts draw;
 * keyboard use; search; links that keep the state; chart images; page metadata; no English UI strings; the
 * accessibility statement. Run with E2E=1 after a build (see site.test.ts).
 */
import {existsSync, mkdirSync, readFileSync} from "node:fs";
import {createRequire} from "node:module";
import {join} from "node:path";
import {chromium, type Browser, type BrowserContext, type Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import type {Catalogue} from "../../indicators/published.js";
import {PROJECT_ROOT} from "../../data-loaders/lib/config.js";
import {contrastRatio} from "../../src/components/contrast.js";
import {DIST, serve, type StaticServer} from "../helpers/serve.js";
import {settle, trackRequests} from "./settle.js";

const E2E = process.env.E2E === "1";
const CHROMIUM = "/usr/bin/chromium";
const SHOTS = join(PROJECT_ROOT, "test", ".output", "screenshots");
const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** English UI strings that must never show (Framework's and Plot's defaults, words of our own data columns). */
export const ENGLISH = ["Search", "Toggle sidebar", "no results", "result", "persons", "suppressed", "missing", "Contents", "On this page", "Next", "Previous", "Loading"];

let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
let catalogue: Catalogue;

async function open(path: string, viewport = {width: 1280, height: 900}): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize(viewport);
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  const inflight = trackRequests(page);
  await page.goto(server.url + path, {waitUntil: "load"});
  // Framework renders cells after load.
  await settle(page, inflight);
  expect(errors, `${path}: page errors`).toEqual([]);
  return page;
}

function pageTypes(cat: Catalogue): string[] {
  const gapInd = cat.indicators.find((i) => i.groups.includes("gap") && i.sexes.includes("K")) ?? cat.indicators[0]!;
  return ["/", `/goals/${cat.goals[0]!.id}`, `/indicators/${gapInd.id}?kommun=0683`, "/kommuner/0683", "/omraden", "/karta", "/data", "/metod", "/om", "/tillganglighet"];
}

interface AxeViolation {id: string; impact: string | null; help: string; nodes: {target: string[]; failureSummary?: string}[]}

async function axe(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(() => {
    for (const d of document.querySelectorAll("details")) d.open = true;
  });
  await page.addScriptTag({content: AXE});
  return page.evaluate(async () => {
    const w = window as unknown as {axe: {run: (ctx: Document, opts: object) => Promise<{violations: AxeViolation[]}>}};
    const r = await w.axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}, resultTypes: ["violations"]});
    return r.violations.map((v) => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => ({target: n.target, failureSummary: n.failureSummary}))}));
  });
}

describe.skipIf(!E2E)("accessibility and findability of the built site", () => {
  beforeAll(async () => {
    if (!existsSync(join(DIST, "index.html"))) throw new Error(`${DIST} does not exist: build the site first`);
    catalogue = JSON.parse(readFileSync(join(DIST, "data", "pub", "catalogue.json"), "utf8")) as Catalogue;
    server = await serve(DIST);
    browser = await chromium.launch({executablePath: CHROMIUM, headless: true, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run", "--disable-sync"]});
    context = await browser.newContext({acceptDownloads: true, locale: "sv-SE", timezoneId: "Europe/Stockholm"});
    await context.grantPermissions(["clipboard-read", "clipboard-write"], {origin: server.url});
    mkdirSync(SHOTS, {recursive: true});
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("axe-core finds no serious or critical WCAG 2.1 A/AA violation on any page type (all <details> open), at 1280 and 390 px", async () => {
    const report: string[] = [];
    for (const viewport of [{width: 1280, height: 900}, {width: 390, height: 844}]) {
      for (const path of pageTypes(catalogue)) {
        const page = await open(path, viewport);
        const bad = (await axe(page)).filter((v) => v.impact === "serious" || v.impact === "critical");
        for (const v of bad) report.push(`${viewport.width}px ${path}: ${v.id} (${v.impact}) ${v.help}: ${v.nodes.map((n) => `${n.target.join(" ")} – ${n.failureSummary?.split("\n").slice(1, 2).join("")}`).join(" | ")}`);
        await page.close();
      }
    }
    expect(report).toEqual([]);
  }, 480_000);

  it("draws chart labels and status texts with enough contrast (text ≥ 4,5:1, marks ≥ 3:1)", async () => {
    const page = await open(`/kommuner/0683`);
    const facts = await page.evaluate(() => {
      const bg = (el: Element): string => {
        for (let e: Element | null = el; e; e = e.parentElement) {
          const c = getComputedStyle(e).backgroundColor;
          if (c && c !== "rgba(0, 0, 0, 0)" && c !== "transparent") return c;
        }
        return "rgb(255, 255, 255)";
      };
      const status = [...document.querySelectorAll(".status, .goal-card .counts li, .status-line")].map((e) => ({what: e.className || e.tagName, fg: getComputedStyle(e).color, bg: bg(e)}));
      // Text drawn by our charts: fill on the (white) card, or inside a bar segment (the segment's fill).
      const texts = [...document.querySelectorAll(".chart svg text")].map((t) => {
        const fill = getComputedStyle(t).fill;
        const box = t.getBoundingClientRect();
        const x = box.left + box.width / 2;
        const y = box.top + box.height / 2;
        const under = [...(t as SVGTextElement).ownerSVGElement!.querySelectorAll("rect")].find((r) => {
          const b = r.getBoundingClientRect();
          return b.width > 0 && x >= b.left && x <= b.right && y >= b.top && y <= b.bottom;
        });
        return {what: (t.textContent ?? "").slice(0, 30), fg: fill, bg: under ? getComputedStyle(under).fill : "rgb(255, 255, 255)"};
      });
      const marks = [...document.querySelectorAll(".chart svg [data-mark='bar'] rect, .chart svg [data-mark='line'] path")].map((m) => {
        const s = getComputedStyle(m);
        return {what: m.parentElement?.getAttribute("data-mark") ?? "", fg: m.tagName === "path" ? s.stroke : s.fill, stroke: s.stroke};
      });
      return {status, texts, marks};
    });
    expect(facts.texts.length).toBeGreaterThan(50);
    expect(facts.status.length).toBeGreaterThan(10);
    for (const s of facts.status) expect(contrastRatio(s.fg, s.bg), `status text ${s.what}: ${s.fg} on ${s.bg}`).toBeGreaterThanOrEqual(4.5);
    for (const t of facts.texts) expect(contrastRatio(t.fg, t.bg), `chart label "${t.what}": ${t.fg} on ${t.bg}`).toBeGreaterThanOrEqual(4.5);
    for (const m of facts.marks) {
      const best = Math.max(contrastRatio(m.fg, "rgb(255, 255, 255)"), m.stroke && m.stroke !== "none" ? contrastRatio(m.stroke, "rgb(255, 255, 255)") : 0);
      expect(best, `chart mark ${m.what}: ${m.fg}`).toBeGreaterThanOrEqual(3);
    }
    await page.close();
  });

  it("charts are images with a name and a description; no aria-label on an element without a role", async () => {
    const page = await open(`/indicators/${catalogue.indicators[0]!.id}`);
    const r = await page.evaluate(() => ({
      svgs: [...document.querySelectorAll("figure.chart-card .chart svg[role='img']")].map((s) => ({name: s.getAttribute("aria-label") ?? "", desc: s.querySelector("desc")?.textContent ?? ""})),
      roleless: document.querySelectorAll("svg [aria-label]:not([role])").length
    }));
    expect(r.svgs.length).toBeGreaterThanOrEqual(3);
    for (const s of r.svgs) {
      expect(s.name.length).toBeGreaterThan(3);
      expect(s.desc).toContain("Visa som tabell");
    }
    expect(r.roleless).toBe(0);
    await page.close();
  });

  it("keyboard only: the first Tab reaches the skip link; every control and every 'Visa som tabell' is reachable and works", async () => {
    const ind = catalogue.indicators.find((i) => i.sexes.includes("K")) ?? catalogue.indicators[0]!;
    const page = await open(`/indicators/${ind.id}`);
    await page.keyboard.press("Tab");
    const first = await page.evaluate(() => ({cls: document.activeElement?.className, text: document.activeElement?.textContent}));
    expect(first).toEqual({cls: "skip-link", text: "Hoppa till innehållet"});
    await page.keyboard.press("Enter");
    // Following the fragment link is a navigation Chromium may finish after the key press returns: wait for it.
    await page.waitForURL((u) => u.hash === "#observablehq-main");
    // Tab through the page: collect what receives focus.
    const seen = new Set<string>();
    for (let i = 0; i < 400; i++) {
      await page.keyboard.press("Tab");
      const id = await page.evaluate(() => {
        const e = document.activeElement as HTMLElement | null;
        if (!e || e === document.body) return "body";
        if (!e.dataset.tabSeen) e.dataset.tabSeen = String(Math.random());
        return e.dataset.tabSeen;
      });
      if (id === "body") break;
      seen.add(id);
    }
    const unreached = await page.evaluate(() => {
      const controls = [...document.querySelectorAll<HTMLElement>("main select, main input, main button, main summary, main a[href], .table-scroll")]
        .filter((e) => e.checkVisibility() && !(e instanceof HTMLInputElement && e.type === "radio" && !e.checked));
      return controls.filter((e) => !e.dataset.tabSeen).map((e) => `${e.tagName} ${e.className} ${(e.textContent ?? "").slice(0, 30)}`);
    });
    expect(unreached).toEqual([]);
    // "Visa som tabell" opens with the keyboard.
    const summary = page.locator('figure[data-chart="tidsserie"] summary').first();
    await summary.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator('figure[data-chart="tidsserie"] details.table-alt').first().evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    // The opened table's scroll box is the next Tab stop, so a keyboard can scroll it.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toMatch(/^Tabell: /);
    // The municipality select changes with the keyboard.
    await page.locator('select[name="kommun"]').focus();
    await page.keyboard.press("ArrowDown");
    await page.waitForURL(/kommun=/);
    await page.close();
  }, 120_000);

  it("search finds indicators by name and KPI id, municipalities and neighbourhoods, in Swedish", async () => {
    const page = await open("/data");
    const input = page.locator("#observablehq-search input");
    expect(await input.getAttribute("placeholder")).toBe("Sök");
    const sysselsattning = catalogue.indicators.find((i) => i.sources.some((s) => s.id === "kolada:N02268"))!;
    const cases: [string, string][] = [
      ["sysselsättning", `/indicators/${sysselsattning.id}`],
      ["N02268", `/indicators/${sysselsattning.id}`],
      ["Råslätt", "/omraden?omraden="],
      ["Värnamo", "/kommuner/0683"]
    ];
    for (const [query, expected] of cases) {
      await input.fill(query);
      await page.waitForFunction(() => document.querySelectorAll("#observablehq-search-results li a").length > 0, undefined, {timeout: 10_000});
      const hrefs = await page.$$eval("#observablehq-search-results li a", (as) => as.slice(0, 5).map((a) => new URL((a as HTMLAnchorElement).href).pathname + new URL((a as HTMLAnchorElement).href).search));
      expect(hrefs.some((h) => h.replace(/\.html/, "").includes(expected)), `${query} → ${hrefs.join(", ")}`).toBe(true);
      expect(await page.locator("#observablehq-search-results > div").first().textContent()).toMatch(/^\d+ träff(ar)?$/);
    }
    await input.fill("xqzxqz");
    await page.waitForFunction(() => /Inga träffar/.test(document.querySelector("#observablehq-search-results")?.textContent ?? ""));
    await page.close();
  });

  it("a link with ?kommun=0683 keeps it through the sidebar and in-page links", async () => {
    const page = await open("/?kommun=0683");
    const goal = catalogue.goals[0]!;
    await page.locator(`#observablehq-sidebar a[href$="goals/${goal.id}"]`).click();
    await page.waitForURL(/goals\//);
    expect(new URL(page.url()).searchParams.get("kommun")).toBe("0683");
    await page.waitForFunction(() => document.querySelector('select[name="kommun"]') !== null);
    expect(await page.locator('select[name="kommun"]').inputValue()).toBe("0683");
    // From a municipality page the sidebar's goal links carry that municipality.
    const muni = await open("/kommuner/0683");
    await muni.locator("#observablehq-sidebar a[href*='goals/']").first().hover();
    await expect.poll(() => muni.locator("#observablehq-sidebar a[href*='goals/']").first().getAttribute("href")).toMatch(/kommun=0683/);
    await page.close();
    await muni.close();
  });

  it("downloads each chart as a real SVG (with the source line) and PNG of the right size; copies the link to this view", async () => {
    const ind = catalogue.indicators[0]!;
    const page = await open(`/indicators/${ind.id}?kommun=0687`);
    const card = page.locator('figure[data-chart="tidsserie"]');
    const [svgDl] = await Promise.all([page.waitForEvent("download"), card.locator("button.download-svg").click()]);
    expect(svgDl.suggestedFilename()).toBe("diagram-tidsserie.svg");
    const svg = readFileSync((await svgDl.path())!, "utf8");
    expect(svg).toMatch(/^<svg[^>]+xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    const source = (await card.locator(".source-note").textContent())!;
    const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).join(" ");
    expect(texts).toContain(source.slice(0, 40).replace(/&/g, "&amp;"));
    expect(texts).toContain((await card.locator("figcaption h3").textContent())!.slice(0, 20));
    expect(svg).toMatch(/data-mark="line"/);
    const width = Number(/width="(\d+)"/.exec(svg)![1]);
    const height = Number(/height="(\d+)"/.exec(svg)![1]);
    const [pngDl] = await Promise.all([page.waitForEvent("download"), card.locator("button.download-png").click()]);
    const png = readFileSync((await pngDl.path())!);
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    expect(png.length).toBeGreaterThan(5000);
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([width * 2, height * 2]);
    await card.locator("button.copy-link").click();
    await page.waitForFunction(() => /kopierad/.test(document.querySelector('figure[data-chart="tidsserie"] .share-status')?.textContent ?? ""));
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(`${server.url}/indicators/${ind.id}?kommun=0687#diagram-tidsserie`);
    expect(await card.locator("details.cite p").textContent()).toMatch(/Integration i Jönköpings län: ”.+”\. http.+ \(hämtad \d{4}-\d\d-\d\d\)\. Ursprunglig källa/);
    await page.close();
  });

  it("key-figure cards, charts and the change chart follow a changed end year and 'Från'", async () => {
    const ind = catalogue.indicators.find((i) => (i.latest_year ?? 0) - (i.first_year ?? 0) >= 4)!;
    const to = ind.latest_year! - 2;
    const from = ind.first_year! + 1;
    const page = await open(`/indicators/${ind.id}?kommun=0683&till=${to}&fran=${from}`);
    const first = await page.locator(".kpi .kpi-label").first().textContent();
    expect(first).toContain(String(to));
    const change = await page.locator('figure[data-chart="forandring"] figcaption').textContent();
    expect(change).toContain(String(from));
    const years = await page.$$eval('figure[data-chart="tidsserie"] tbody td[data-col="year"]', (tds) => tds.map((t) => Number(t.textContent)));
    expect(Math.max(...years)).toBe(to);
    expect(Math.min(...years)).toBeGreaterThanOrEqual(from);
    const rankTitle = await page.locator('figure[data-chart="rangordning"] figcaption h3').textContent();
    expect(rankTitle).toContain(String(to));
    await page.close();
  });

  it("change charts and rankings keep their labels inside the chart and apart, at 390 and 1280 px", async () => {
    // A gap indicator, and one whose changes are negative everywhere in the real data (labels of negative bars).
    const gap = catalogue.indicators.find((i) => i.groups.includes("gap")) ?? catalogue.indicators[0]!;
    const falling = catalogue.indicators.find((i) => i.id === "ohalsotal") ?? catalogue.indicators[1]!;
    for (const [width, ind] of [[390, gap], [1280, gap], [390, falling], [1280, falling]] as const) {
      const page = await open(`/indicators/${ind.id}?kommun=0683`, {width, height: 900});
      const problems = await page.evaluate(() => {
        const out: string[] = [];
        for (const svg of document.querySelectorAll<SVGSVGElement>('figure[data-chart="forandring"] .chart svg, figure[data-chart="rangordning"] .chart svg')) {
          const frame = svg.getBoundingClientRect();
          const boxes = [...svg.querySelectorAll("text")].filter((t) => (t.textContent ?? "").trim()).map((t) => ({t: t.textContent!, b: t.getBoundingClientRect()}));
          for (const {t, b} of boxes) if (b.left < frame.left - 1 || b.right > frame.right + 1) out.push(`"${t}" leaves the chart`);
          for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
            const a = boxes[i]!.b, c = boxes[j]!.b;
            const ox = Math.min(a.right, c.right) - Math.max(a.left, c.left);
            const oy = Math.min(a.bottom, c.bottom) - Math.max(a.top, c.top);
            if (ox > 1 && oy > 1) out.push(`"${boxes[i]!.t}" overlaps "${boxes[j]!.t}"`);
          }
        }
        return out;
      });
      expect(problems, `${ind.id} at ${width}px`).toEqual([]);
      await page.close();
    }
  });

  it("every page has a title, a description and Open Graph tags, and no English UI string", async () => {
    const munis = catalogue.areas.filter((a) => a.level === "municipality" && /^06\d\d$/.test(a.code));
    const pages = ["/", ...catalogue.goals.map((g) => `/goals/${g.id}`), ...catalogue.indicators.map((i) => `/indicators/${i.id}`), ...munis.map((m) => `/kommuner/${m.code}`), "/omraden", "/karta", "/data", "/metod", "/om", "/tillganglighet"];
    const titles = new Set<string>();
    for (const path of pages) {
      const html = readFileSync(join(DIST, `${path === "/" ? "index" : path.slice(1)}.html`), "utf8");
      const meta = (attr: string, name: string) => new RegExp(`<meta ${attr}="${name}" content="([^"]+)"`).exec(html)?.[1] ?? "";
      const title = /<title>([^<]+)<\/title>/.exec(html)?.[1] ?? "";
      expect(title, `${path} title`).toMatch(/\S+ \| Integration i Jönköpings län$|^Integration i Jönköpings län$/);
      titles.add(title);
      expect(meta("name", "description").length, `${path} description`).toBeGreaterThan(30);
      expect(meta("property", "og:title"), `${path} og:title`).toBe(title);
      expect(meta("property", "og:description").length, `${path} og:description`).toBeGreaterThan(30);
      expect(meta("property", "og:locale")).toBe("sv_SE");
      expect(html, `${path} pinch-zoom`).not.toMatch(/maximum-scale|user-scalable=no/);
    }
    expect(titles.size, "titles are unique").toBeGreaterThan(pages.length - 2);
    for (const path of pageTypes(catalogue)) {
      const page = await open(path);
      const ui = await page.evaluate(() => {
        for (const d of document.querySelectorAll("details")) d.open = true;
        const attrs = [...document.querySelectorAll("[title], [placeholder], [aria-label]")].map((e) => `${e.getAttribute("title") ?? ""} ${e.getAttribute("placeholder") ?? ""} ${e.getAttribute("aria-label") ?? ""}`);
        // Data values (file names, column names in <code>) are not UI strings.
        const clone = document.body.cloneNode(true) as HTMLElement;
        for (const c of clone.querySelectorAll("code, a[download], script, style")) c.remove();
        // A value quoted from a file ('suppressed') is data, not UI.
        return `${clone.innerText} ${attrs.join(" ")}`.replace(/'[a-z_]+'/g, "");
      });
      const found = ENGLISH.flatMap((word) => [...ui.matchAll(new RegExp(`.{0,40}\\b${word}\\b.{0,20}`, "g"))].map((m) => `${word}: …${m[0]}…`));
      expect(found, path).toEqual([]);
      await page.close();
    }
  }, 240_000);

  it("the accessibility statement names its date, the known shortcomings, how to report one and Digg", async () => {
    const page = await open("/tillganglighet");
    const text = (await page.locator("main").textContent())!;
    expect(text).toMatch(/Bedömningen gjordes\s*\d{1,2} \w+ 20\d\d/);
    expect(text).toMatch(/delvis förenlig|helt förenlig|inte förenlig/);
    expect(text).toContain("Kända brister");
    expect(await page.locator("main h2#kaenda-brister + ul li").count()).toBeGreaterThanOrEqual(3);
    expect(text).toMatch(/kontakta oss/i);
    expect(await page.locator('main a[href="https://www.digg.se/tdosanmalan"]').count()).toBe(1);
    // Reachable from every page (footer).
    const start = await open("/");
    expect(await start.locator('#observablehq-footer a[href$="tillganglighet"]').count()).toBe(1);
    await page.close();
    await start.close();
  });

  it("writes screenshots at 390 px of /data, an indicator page and /karta", async () => {
    for (const [name, path] of [["data", "/data"], ["indikator", `/indicators/${catalogue.indicators[0]!.id}?kommun=0683`], ["karta", "/karta"]] as const) {
      const page = await open(path, {width: 390, height: 844});
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${path} at 390 px scrolls sideways`).toBeLessThanOrEqual(0);
      await page.screenshot({path: join(SHOTS, `a11y-${name}-390.png`), fullPage: true});
      await page.close();
    }
  });
});
