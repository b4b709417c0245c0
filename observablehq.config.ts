// Observable Framework configuration. The site's structure comes from the published catalogue
// (src/data/pub/catalogue.json) when the pipeline has written it; before that from indicators/goals.ts and the
// boundary file, so the config never fails only because data is missing (the pages then say what is missing).
import {existsSync, readdirSync, statSync} from "node:fs";
import {join, relative} from "node:path";
import {pathToFileURL} from "node:url";
import {z} from "zod";
import {GoalArea} from "./indicators/define.js";
import {readCatalogue, PUB_DIR} from "./src/lib/siteData.js";
import {countyBoundaries} from "./src/lib/boundaries.js";
import {countyMunicipalities, isContextGroup} from "./src/components/data.js";
import {searchEntriesFromPub} from "./src/lib/searchIndex.js";
import {KEEP_STATE_SCRIPT} from "./src/lib/keepState.js";

interface Structure {
  goals: {id: string; title: string}[];
  indicators: string[];
  municipalities: {code: string; name: string}[];
  from: string;
}

function warn(message: string): void {
  process.stderr.write(`observablehq.config: ${message}\n`);
}

async function goalsFromRegistry(): Promise<{id: string; title: string}[]> {
  const file = join(import.meta.dirname, "indicators", "goals.ts");
  if (!existsSync(file)) {
    warn("neither src/data/pub/catalogue.json nor indicators/goals.ts exists: no goal pages");
    return [];
  }
  const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  const parsed = z.array(GoalArea).safeParse(mod.goals ?? mod.GOALS ?? mod.default);
  if (!parsed.success) {
    warn(`indicators/goals.ts exports no GoalArea[] as goals/GOALS/default: no goal pages\n${z.prettifyError(parsed.error)}`);
    return [];
  }
  return parsed.data.sort((a, b) => a.order - b.order).map((g) => ({id: g.id, title: g.title}));
}

async function structure(): Promise<Structure> {
  if (existsSync(join(PUB_DIR, "catalogue.json"))) {
    const cat = readCatalogue();
    const goals = [...cat.goals].sort((a, b) => a.order - b.order);
    return {
      goals: goals.map((g) => ({id: g.id, title: isContextGroup(cat, g) ? `${g.title} (utan status)` : g.title})),
      indicators: cat.indicators.map((i) => i.id),
      municipalities: countyMunicipalities(cat).map((a) => ({code: a.code, name: a.name})),
      from: "catalogue.json"
    };
  }
  warn("src/data/pub/catalogue.json is missing (run the pipeline, or `npx tsx test/e2e/use-fixture-pub.ts`)");
  const municipalities = countyBoundaries().features.map((f) => f.properties).sort((a, b) => a.name.localeCompare(b.name, "sv"));
  return {goals: await goalsFromRegistry(), indicators: [], municipalities, from: "indicators/goals.ts"};
}

/** Every published file, so the build copies it to a stable, unhashed URL under /data/pub/ (the downloads). */
function publishedFiles(dir = PUB_DIR): string[] {
  if (!existsSync(dir)) return [];
  const walk = (d: string): string[] =>
    readdirSync(d).flatMap((name) => (statSync(join(d, name)).isDirectory() ? walk(join(d, name)) : [join(d, name)]));
  return walk(dir).map((f) => `/data/pub/${relative(dir, f).split("\\").join("/")}`);
}

/** Report pages for the reports the pipeline wrote (none before a run, or with the invented fixture). */
function reportPaths(): string[] {
  const dir = join(PUB_DIR, "reports");
  if (!existsSync(dir)) {
    warn("src/data/pub/reports/ is missing: no follow-up report pages (run the pipeline)");
    return [];
  }
  return readdirSync(dir).filter((f) => /^\d{4}\.json$/.test(f)).sort().map((f) => `/uppfoljning/${f.slice(0, 4)}`);
}

const site = await structure();
const reports = reportPaths();

export default {
  root: "src",
  title: "Integration i Jönköpings län",
  home: "Start",
  // Offline and self-contained: no Google Fonts, the favicon is a data URL. Framework 1.13 writes <html> without
  // a lang attribute, so the first script of <head> sets it before anything renders.
  globalStylesheets: [],
  style: "style.css",
  head: '<script>document.documentElement.lang="sv"</script><link rel="icon" href="data:,"><meta name="description" content="Indikatorer för integrationsstrategin i Jönköpings län: kommuner, län, riket och bostadsområden.">' + KEEP_STATE_SCRIPT,
  footer: 'Öppna data från Kolada (RKA) och SCB. Alla siffror kan laddas ner som CSV. <a href="/om">Om webbplatsen</a> · <a href="/tillganglighet">Tillgänglighetsredogörelse</a>',
  // Framework's search (MiniSearch, loaded on first use); the parameterised pages and the neighbourhoods come from
  // the published files (src/lib/searchIndex.ts). Its English strings are made Swedish by src/lib/postbuild.ts.
  search: {
    async *index() {
      yield* searchEntriesFromPub(PUB_DIR, existsSync(join(PUB_DIR, "catalogue.json")) ? readCatalogue() : null);
    }
  },
  pager: false,
  toc: {label: "På sidan"},
  pages: [
    {name: "Fokusområden", open: true, pages: site.goals.map((g) => ({name: g.title, path: `/goals/${g.id}`}))},
    {name: "Kommuner", open: false, pages: site.municipalities.map((m) => ({name: m.name, path: `/kommuner/${m.code}`}))},
    ...(reports.length
      ? [{name: "Uppföljning (utskrift)", open: false, pages: [{name: "Länet", path: "/uppfoljning/0006"}, ...site.municipalities.map((m) => ({name: m.name, path: `/uppfoljning/${m.code}`}))]}]
      : []),
    {name: "Bostadsområden", path: "/omraden"},
    {name: "Karta", path: "/karta"},
    {name: "Data", path: "/data"},
    {name: "Metod och källor", path: "/metod"},
    {name: "Om webbplatsen", path: "/om"},
    {name: "Tillgänglighet", path: "/tillganglighet"}
  ],
  dynamicPaths: [
    ...site.goals.map((g) => `/goals/${g.id}`),
    ...site.indicators.map((id) => `/indicators/${id}`),
    ...site.municipalities.map((m) => `/kommuner/${m.code}`),
    // The yearly follow-up reports: the county and each municipality (reports/<kod>.json, written by the pipeline).
    ...reports,
    ...publishedFiles()
  ]
};
