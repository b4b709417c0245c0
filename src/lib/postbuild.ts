/**
 * A small post-build step over dist/ for what Observable Framework 1.13 hard-codes and no config option changes
 * (run by `npm run build:site` after `observable build`; tested in test/site/postbuild.test.ts):
 * - the viewport's `maximum-scale=1`, which blocks pinch-zoom (WCAG 1.4.4);
 * - English UI strings ("Toggle sidebar", the search placeholder and its result counts);
 * - a `<label>` as a direct child of the sidebar's `<ol>`; unnamed navigation landmarks; no skip link;
 * - `<html>` without `lang`; one title, description and Open Graph tags per page (dynamic pages from the catalogue).
 * Every rewrite is an exact string replacement that must match: when a Framework upgrade changes the markup the
 * step fails loudly instead of silently doing nothing.
 */
import {existsSync, readdirSync, readFileSync, statSync, writeFileSync} from "node:fs";
import {join, relative} from "node:path";
import type {Catalogue} from "../../indicators/published.js";

export const SITE_TITLE = "Integration i Jönköpings län";
export const SITE_DESCRIPTION = "Indikatorer för integrationsstrategin i Jönköpings län: kommuner, län, riket och bostadsområden.";

/** Descriptions of the static pages (path without .html); other pages fall back to SITE_DESCRIPTION. */
const STATIC_DESCRIPTIONS: Record<string, string> = {
  "/index": "Hur det går för integrationsstrategins sex fokusområden i Jönköpings län och dess 13 kommuner, med öppna data från Kolada och SCB.",
  "/omraden": "Länets bostadsområden (RegSO) jämförda med sin kommun, länet och områden av samma typ – bland dem Råslätt, Öxnehaga, Österängen och Huskvarna söder.",
  "/karta": "Karta över Jönköpings läns kommuner för valfri indikator.",
  "/data": "Alla publicerade filer: indikatorer som CSV, CSV för Excel och Parquet, katalog, sammanställning, licens och hur du citerar.",
  "/metod": "Hur status, trender, skillnader och jämförelser räknas, och vilka källor som används.",
  "/om": "Vem som står bakom webbplatsen, källor och licenser, hur ofta uppgifterna uppdateras och hur du citerar.",
  "/tillganglighet": "Tillgänglighetsredogörelse: hur webbplatsen uppfyller lagen om tillgänglighet till digital offentlig service, kända brister och hur du anmäler ett problem."
};

export interface PageMeta {
  title: string;
  description: string;
}

/** Title and description of a page from its path ("/indicators/utrikes-fodda"), using the catalogue for dynamic pages. */
export function pageMeta(path: string, cat: Catalogue | null, htmlTitle: string | null): PageMeta {
  const full = (t: string) => (t === SITE_TITLE ? t : `${t} | ${SITE_TITLE}`);
  const ind = /^\/indicators\/([^/]+)$/.exec(path)?.[1];
  const goal = /^\/goals\/([^/]+)$/.exec(path)?.[1];
  const muni = /^\/kommuner\/([^/]+)$/.exec(path)?.[1];
  if (cat && ind) {
    const i = cat.indicators.find((x) => x.id === ind);
    if (i) return {title: full(i.title_sv), description: i.description_sv};
  }
  if (cat && goal) {
    const g = cat.goals.find((x) => x.id === goal);
    if (g) return {title: full(g.title), description: `Fokusområdet ${g.title}: delmål och indikatorer för länet och dess kommuner jämförda med riket.`};
  }
  if (cat && muni) {
    const a = cat.areas.find((x) => x.code === muni);
    if (a) return {title: full(`${a.name} kommun`), description: `Status på integrationsstrategins fokusområden för ${a.name} kommun, jämfört med länet och riket.`};
  }
  return {title: htmlTitle ?? SITE_TITLE, description: STATIC_DESCRIPTIONS[path] ?? SITE_DESCRIPTION};
}

const escapeAttr = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
const escapeText = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
const unescape = (s: string) => s.replace(/&lt;/g, "<").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");

/** Replace `from` by `to` exactly once-or-more; throw when `from` is absent (the markup changed). */
function must(text: string, from: string | RegExp, to: string, what: string, where: string): string {
  const found = typeof from === "string" ? text.includes(from) : from.test(text);
  if (!found) throw new Error(`postbuild: ${where}: ${what} not found (did Observable Framework's markup change?)`);
  return typeof from === "string" ? text.replaceAll(from, to) : text.replace(from, to);
}

export const SKIP_LINK = '<a class="skip-link" href="#observablehq-main">Hoppa till innehållet</a>';

/** One built page made accessible and Swedish (see module comment). `where` names the file in errors. */
export function fixHtml(html: string, meta: PageMeta, where: string): string {
  let s = html;
  s = must(s, /<html>/, '<html lang="sv">', "<html>", where);
  s = must(s, ', maximum-scale=1">', '">', "viewport maximum-scale", where);
  const titleTag = `<title>${escapeText(meta.title)}</title>`;
  s = /<title>[^<]*<\/title>/.test(s) ? s.replace(/<title>[^<]*<\/title>/, titleTag) : s.replace(/(<meta name="generator"[^>]*>)/, `$1\n${titleTag}`);
  s = s.replace(/<meta name="description"[^>]*>/g, "");
  const tags = [
    `<meta name="description" content="${escapeAttr(meta.description)}">`,
    `<meta property="og:title" content="${escapeAttr(meta.title)}">`,
    `<meta property="og:description" content="${escapeAttr(meta.description)}">`,
    '<meta property="og:type" content="website">',
    '<meta property="og:locale" content="sv_SE">',
    `<meta property="og:site_name" content="${escapeAttr(SITE_TITLE)}">`,
    '<meta name="twitter:card" content="summary">'
  ].join("\n");
  s = s.replace(titleTag, `${titleTag}\n${tags}`);
  s = must(s, /<body>/, `<body>\n${SKIP_LINK}`, "<body>", where);
  if (s.includes('id="observablehq-sidebar-toggle"')) {
    s = must(s, '<input id="observablehq-sidebar-toggle" type="checkbox" title="Toggle sidebar">',
      '<input id="observablehq-sidebar-toggle" type="checkbox" title="Visa eller dölj menyn" aria-label="Meny">', "sidebar toggle", where);
    s = must(s, '<nav id="observablehq-sidebar">', '<nav id="observablehq-sidebar" aria-label="Webbplatsen">', "sidebar nav", where);
    // A <label> may not be a child of <ol>: move the close button before the list (same positioned parent).
    s = must(s, /<ol>(\s*)<label id="observablehq-sidebar-close" for="observablehq-sidebar-toggle"><\/label>/,
      '<label id="observablehq-sidebar-close" for="observablehq-sidebar-toggle" aria-hidden="true"></label>\n  <ol>', "sidebar close label", where);
  }
  if (s.includes('id="observablehq-search"')) {
    s = must(s, '<input type="search" placeholder="Search">', '<input type="search" placeholder="Sök" aria-label="Sök på webbplatsen">', "search input", where);
    s = must(s, '<div id="observablehq-search">', '<div id="observablehq-search" role="search">', "search box", where);
    s = must(s, '<div id="observablehq-search-results">', '<div id="observablehq-search-results" aria-live="polite">', "search results", where);
  }
  s = s.replace(/<aside id="observablehq-toc"([^>]*)>\s*<nav>/, '<aside id="observablehq-toc"$1>\n<nav aria-label="På sidan">');
  return s;
}

/** Framework's client scripts: the sidebar toggle's title and the search results' words in Swedish. */
export function fixClientJs(js: string, where: string): string {
  let s = js;
  if (s.includes("Toggle sidebar ")) s = s.replaceAll("Toggle sidebar ", "Visa eller dölj menyn ");
  if (s.includes("minisearch.json")) {
    s = must(s, /"<div>no results<\/div>"/, '"<div>Inga träffar</div>"', "search 'no results'", where);
    s = must(s, /toLocaleString\("en-US"\)\} result\$\{([\w.]+)===1\?"":"s"\}/, 'toLocaleString("sv-SE")} ${$1===1?"träff":"träffar"}', "search result count", where);
  }
  return s;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)]));
}

/** Apply fixHtml to every page and fixClientJs to Framework's client scripts in `dist`; returns the files changed. */
export function postbuild(dist: string, cat: Catalogue | null): string[] {
  if (!existsSync(join(dist, "index.html"))) throw new Error(`postbuild: ${dist} has no index.html (build first)`);
  const changed: string[] = [];
  for (const file of walk(dist)) {
    const rel = relative(dist, file).split("\\").join("/");
    if (rel.startsWith("data/pub/")) continue;
    let out: string | null = null;
    const text = () => readFileSync(file, "utf8");
    if (rel.endsWith(".html")) {
      const html = text();
      if (html.includes('name="og:title"') || html.includes('property="og:title"')) continue; // already done
      const title = /<title>([^<]*)<\/title>/.exec(html)?.[1];
      out = fixHtml(html, pageMeta(`/${rel.replace(/\.html$/, "")}`, cat, title ? unescape(title) : null), rel);
    } else if (rel.startsWith("_observablehq/") && rel.endsWith(".js")) {
      const js = text();
      const fixed = fixClientJs(js, rel);
      if (fixed !== js) out = fixed;
    }
    if (out !== null) {
      writeFileSync(file, out);
      changed.push(rel);
    }
  }
  return changed;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const {PROJECT_ROOT} = await import("../../data-loaders/lib/config.js");
  const {PUB_DIR, readCatalogue} = await import("./siteData.js");
  const dist = join(PROJECT_ROOT, "dist");
  const changed = postbuild(dist, existsSync(join(PUB_DIR, "catalogue.json")) ? readCatalogue() : null);
  process.stderr.write(`postbuild: ${changed.length} files in dist/ made accessible and Swedish\n`);
}
