/**
 * Extra entries for Framework's built-in search (config `search.index`): the parameterised pages (indicators,
 * municipalities, goal areas) and the neighbourhoods, which Framework cannot index from their Markdown alone.
 * Build time only (Node). Framework's build-side term processing lower-cases but keeps diacritics while its
 * client strips them from the query ("Råslätt" → "raslatt"), so every entry also carries its words without
 * diacritics in `keywords`.
 */
import {existsSync, readFileSync} from "node:fs";
import {join} from "node:path";
import type {Catalogue} from "../../indicators/published.js";
import {checkAreaCatalogue, type AreaCatalogue} from "../components/areaData.js";
import {countyMunicipalities, isContextGroup} from "../components/data.js";
import {sourceCode} from "../components/sourceNote.js";

export interface SearchEntry {
  path: string;
  title: string;
  text: string;
  keywords: string;
}

/** Words people search with that the titles do not contain; matched against an indicator's title and id. */
const SYNONYMS: [RegExp, string][] = [
  [/förvärvsarb|sysselsätt/i, "sysselsättning sysselsatta arbete jobb förvärvsarbete anställning"],
  [/arbete|arbetar/i, "arbete jobb sysselsättning"],
  [/sfi/i, "svenska för invandrare språk vuxenutbildning"],
  [/komvux/i, "vuxenutbildning"],
  [/behörig|gymnasie|grundskol|åk \d|elev/i, "skola utbildning betyg"],
  [/förskola/i, "barnomsorg dagis"],
  [/försörjningsstöd/i, "socialbidrag ekonomiskt bistånd"],
  [/flykting|asyl|nyanlända|nyinvandrade|ensamkommande/i, "mottagande migration invandring"],
  [/utrikes födda/i, "invandrare födda utomlands utländsk bakgrund"],
  [/valdeltagande|fullmäktige/i, "val demokrati röstning"],
  [/trångbodd|bostad|vräkning/i, "boende bostäder"],
  [/hälsa|psykisk|ohälsotal|vaccin|välbefinnande/i, "hälsa sjukdom"],
  [/tillit|kränkande|våld|otrygg|diskriminering/i, "trygghet"]
];

/** "Råslätt" → "Raslatt": what Framework's client makes of a query, so index entries match it. */
export function stripDiacritics(s: string): string {
  return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
}

function keywords(...words: string[]): string {
  const all = words.join(" ");
  return `${all} ${stripDiacritics(all)}`;
}

/** Search entries for every indicator, municipality, goal area and neighbourhood (RegSO) in the published files. */
export function searchEntries(cat: Catalogue, areaCatalogue: Pick<AreaCatalogue, "areas"> | null): SearchEntry[] {
  const out: SearchEntry[] = [];
  const goals = new Map(cat.goals.map((g) => [g.id, g]));
  for (const g of cat.goals) {
    out.push({
      path: `/goals/${g.id}`,
      title: `${g.title} – fokusområde`,
      text: [g.county_text, g.tranas_focus_goal ?? "", ...g.subgoals.map((s) => s.text)].join(" "),
      keywords: keywords(g.title, isContextGroup(cat, g) ? "sammanhang befolkning" : "fokusområde mål delmål")
    });
  }
  for (const ind of cat.indicators) {
    const codes = ind.sources.map((s) => sourceCode(s.id));
    const syn = SYNONYMS.filter(([re]) => re.test(ind.title_sv) || re.test(ind.id)).map(([, w]) => w);
    out.push({
      path: `/indicators/${ind.id}`,
      title: ind.title_sv,
      text: `${ind.description_sv} ${goals.get(ind.goal_area)?.title ?? ""}`,
      keywords: keywords(ind.title_sv, ...codes, ...syn, "indikator")
    });
  }
  for (const m of countyMunicipalities(cat)) {
    out.push({path: `/kommuner/${m.code}`, title: `${m.name} kommun`, text: `Status och indikatorer för ${m.name} kommun.`, keywords: keywords(m.name, m.code, "kommun")});
  }
  const muniName = new Map(cat.areas.map((a) => [a.code, a.name]));
  for (const a of areaCatalogue?.areas ?? []) {
    if (a.level !== "regso") continue;
    const muni = a.municipality_code ? muniName.get(a.municipality_code) ?? "" : "";
    out.push({
      path: `/omraden?omraden=${a.code}`,
      title: `${a.short_name}${muni ? ` (${muni})` : ""} – bostadsområde`,
      text: `${a.name}. Bostadsområde (RegSO) jämfört med kommunen, länet och områden av samma typ.`,
      keywords: keywords(a.short_name, a.name, a.code, "bostadsområde RegSO område")
    });
  }
  return out;
}

/** The entries from the published files in `pubDir`, or none when the pipeline has not published yet. */
export function searchEntriesFromPub(pubDir: string, cat: Catalogue | null): SearchEntry[] {
  if (!cat) return [];
  const areasFile = join(pubDir, "areas", "catalogue.json");
  const acat = existsSync(areasFile) ? checkAreaCatalogue(JSON.parse(readFileSync(areasFile, "utf8"))) : null;
  return searchEntries(cat, acat);
}
