/**
 * areas/boundaries.json: the map shapes of the statistics' areas (DeSO 2018 as their DeSO 2025 polygons, RegSO 2020 as
 * unions of those), built from the staged polygons and both keys at publish time, with the provenance of the polygons.
 */
import {join} from "node:path";
import type {DuckDBConnection} from "@duckdb/node-api";
import {DesoGeometry, type DesoFeature, type DesoKeyRow} from "../boundaries/deso-2025.js";
import {buildAreaShapes, type AreaShapes} from "../boundaries/shapes.js";
import {query} from "../lib/duckdb.js";
import {writeText} from "./areas-files.js";

export const BOUNDARIES_FILE = "areas/boundaries.json";

/** What a map says about its boundaries (also the areas catalogue's `boundaries` text). */
export const BOUNDARIES_TEXT = {
  sv:
    "Gränserna är SCB:s DeSO 2025 (öppna geodata, CC0), generaliserade av en tredje part och förenklade vid publiceringen. " +
    "Statistiken avser DeSO 2018 och RegSO 2020: varje RegSO ritas som sammanslagningen av sina DeSO, och de fyra DeSO i Jönköping " +
    "som delades 2025 ritas som sina två delar med det gamla områdets värde. Smala glipor mellan grannområden kommer från generaliseringen.",
  en:
    "The boundaries are SCB's DeSO 2025 (open geodata, CC0), generalised by a third party and simplified at publication. The " +
    "statistics are for DeSO 2018 and RegSO 2020: each RegSO is drawn as the union of its DeSO, and the four DeSO of Jönköping " +
    "split in 2025 are drawn as their two parts carrying the old area's value. Thin gaps between neighbours come from the generalisation."
};

export interface BoundariesFile extends AreaShapes {
  generated_at: string;
  note: {sv: string; en: string};
  source: {publisher: string; url: string; licence: string; fetched_at: string; sha256: string};
}

/** Build the shapes from the warehouse and write areas/boundaries.json; returns the file's content. */
export async function publishBoundaries(conn: DuckDBConnection, opts: {outDir: string; generatedAt: string}): Promise<BoundariesFile> {
  const polys = await query<{deso_2025: string; regso_2025: string; municipality_code: string; geometry: string}>(conn,
    "select deso_2025, regso_2025, municipality_code, geometry from stg_geodata__deso_2025 order by deso_2025");
  const key = await query<DesoKeyRow>(conn, "select deso_2025, deso_2018, regso_2025, relation from stg_geodata__deso_key order by deso_2025");
  const areas = await query<{area_code: string; parent_code: string}>(conn, "select area_code, parent_code from stg_areas where level = 'deso' order by area_code");
  const [src] = await query<BoundariesFile["source"]>(conn,
    "select publisher, url, licence, strftime(timezone('UTC', fetched_at), '%Y-%m-%dT%H:%M:%SZ') as fetched_at, sha256 from meta_raw_files where dataset = 'geodata:deso_2025'");
  if (!src) throw new Error("publishBoundaries: no raw file of geodata:deso_2025 in meta_raw_files");
  const features: DesoFeature[] = polys.map((p) => ({deso_2025: p.deso_2025, regso: p.regso_2025, municipality_code: p.municipality_code, geometry: DesoGeometry.parse(JSON.parse(p.geometry))}));
  const shapes = buildAreaShapes(features, key, new Map(areas.map((a) => [a.area_code, a.parent_code])));
  const file: BoundariesFile = {generated_at: opts.generatedAt, note: BOUNDARIES_TEXT, source: src, ...shapes};
  await writeText(join(opts.outDir, BOUNDARIES_FILE), JSON.stringify(file));
  return file;
}
