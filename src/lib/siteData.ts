/**
 * Build-time helpers for the site's data loaders (Node only): read the published files under src/data/pub,
 * validate them at the boundary and derive the small files the pages load.
 */
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {Catalogue} from "../../indicators/published.js";
import {PROJECT_ROOT} from "../../data-loaders/lib/config.js";
import {validate} from "../../data-loaders/lib/validate.js";
import {parseTidyCsv} from "../components/csv.js";
import {COUNTRY_CODE, COUNTY_CODE, headline, pubPath} from "../components/data.js";
import type {SeriesFile} from "../components/series.js";

/** Where the pipeline publishes the files the site reads (the site's own folder: pages attach them from here). */
export const PUB_DIR = join(PROJECT_ROOT, "src", "data", "pub");

/** catalogue.json, validated. */
export function readCatalogue(pubDir = PUB_DIR): Catalogue {
  const file = join(pubDir, "catalogue.json");
  return validate(Catalogue, JSON.parse(readFileSync(file, "utf8")), {source: "published", dataset: "catalogue.json", file});
}

/** The county-scope area codes: Sweden, the county and the county's municipalities (also in sweden scope). */
function inCounty(code: string): boolean {
  return code === COUNTRY_CODE || code === COUNTY_CODE || /^06\d\d$/.test(code);
}

/** The headline series of every indicator (see src/components/series.ts). */
export function buildSeries(pubDir = PUB_DIR): SeriesFile {
  const cat = readCatalogue(pubDir);
  const out: SeriesFile = {generated_at: cat.generated_at, indicators: {}};
  for (const ind of cat.indicators) {
    const rel = pubPath(ind.files.csv);
    const rows = parseTidyCsv(readFileSync(join(pubDir, rel), "utf8"), rel);
    const {sex, group} = headline(ind);
    const picked = rows.filter((r) => r.sex === sex && r.group === group && inCounty(r.area_code));
    if (picked.length === 0) throw new Error(`${rel}: no rows for the headline series (sex ${sex}, group ${group})`);
    out.indicators[ind.id] = {
      sex, group, unit: picked[0]!.unit,
      rows: picked.map((r) => [r.area_code, r.area_name, r.area_level, r.year, r.value, r.status, r.source, r.retrieved])
    };
  }
  return out;
}
