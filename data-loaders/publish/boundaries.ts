/**
 * areas/boundaries.json: the map shapes of the statistics' areas (DeSO 2018 as their DeSO 2025 polygons, RegSO 2020 as
 * unions of those), built from the staged polygons and both keys by the pipeline's shapes stage (boundaries/mart.ts, into
 * mart_area_shapes) and written by publishBoundaries, with the provenance of the polygons.
 */
import {join} from "node:path";
import type {DuckDBConnection} from "@duckdb/node-api";
import type {AreaShapes} from "../boundaries/shapes.js";
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

/** Write areas/boundaries.json from mart_area_shapes (computeShapes ran first); returns the file's content. */
export async function publishBoundaries(conn: DuckDBConnection, opts: {outDir: string; generatedAt: string}): Promise<BoundariesFile> {
  const [row] = await query<{shapes: string} & BoundariesFile["source"]>(conn, "select * from mart_area_shapes");
  if (!row) throw new Error("publishBoundaries: mart_area_shapes is empty (the shapes stage has not run)");
  const {shapes, ...source} = row;
  const file: BoundariesFile = {generated_at: opts.generatedAt, note: BOUNDARIES_TEXT, source, ...(JSON.parse(shapes) as AreaShapes)};
  await writeText(join(opts.outDir, BOUNDARIES_FILE), JSON.stringify(file));
  return file;
}
