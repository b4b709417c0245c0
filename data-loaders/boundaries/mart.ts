/** The pipeline's shapes stage: the map geometry of the statistics' areas, computed once per run into mart_area_shapes. */
import type {DuckDBConnection} from "@duckdb/node-api";
import {query} from "../lib/duckdb.js";
import {DesoGeometry, type DesoFeature, type DesoKeyRow} from "./deso-2025.js";
import {buildAreaShapes} from "./shapes.js";

interface ShapesSource {
  publisher: string;
  url: string;
  licence: string;
  fetched_at: string;
  sha256: string;
}

/** Build the shapes from the staged polygons and keys into mart_area_shapes (one row: the shapes as JSON, and their source). */
export async function computeShapes(conn: DuckDBConnection): Promise<void> {
  const polys = await query<{deso_2025: string; regso_2025: string; municipality_code: string; geometry: string}>(conn,
    "select deso_2025, regso_2025, municipality_code, geometry from stg_geodata__deso_2025 order by deso_2025");
  const key = await query<DesoKeyRow>(conn, "select deso_2025, deso_2018, regso_2025, relation from stg_geodata__deso_key order by deso_2025");
  const areas = await query<{area_code: string; parent_code: string}>(conn, "select area_code, parent_code from stg_areas where level = 'deso' order by area_code");
  const [src] = await query<ShapesSource>(conn,
    "select publisher, url, licence, strftime(timezone('UTC', fetched_at), '%Y-%m-%dT%H:%M:%SZ') as fetched_at, sha256 from meta_raw_files where dataset = 'geodata:deso_2025'");
  if (!src) throw new Error("computeShapes: no raw file of geodata:deso_2025 in meta_raw_files");
  const features: DesoFeature[] = polys.map((p) => ({deso_2025: p.deso_2025, regso: p.regso_2025, municipality_code: p.municipality_code, geometry: DesoGeometry.parse(JSON.parse(p.geometry))}));
  const shapes = buildAreaShapes(features, key, new Map(areas.map((a) => [a.area_code, a.parent_code])));
  await conn.run(
    `create or replace table mart_area_shapes as
     select $shapes::VARCHAR as shapes, $publisher::VARCHAR as publisher, $url::VARCHAR as url, $licence::VARCHAR as licence,
            $fetched_at::VARCHAR as fetched_at, $sha256::VARCHAR as sha256`,
    {shapes: JSON.stringify(shapes), ...src}
  );
}

