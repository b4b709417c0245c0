/**
 * Map shapes from SCB's DeSO 2025 polygons, for the statistics' areas: every DeSO 2025 polygon carries its DeSO 2018
 * code (a split 2018 area is drawn as its 2025 parts), and every RegSO 2020 is the union (topojson `merge`) of the
 * DeSO the keys list for it. Nothing is drawn by us: the only operations are quantisation, topology-preserving
 * simplification, merging and dropping sliver holes.
 */
import {geoArea} from "d3-geo";
import type {MultiPolygon, Polygon, Position} from "geojson";
import {feature, merge} from "topojson-client";
import {topology} from "topojson-server";
import {presimplify, simplify, sphericalTriangleArea} from "topojson-simplify";
import type {GeometryCollection, Topology} from "topojson-specification";
import type {DesoFeature, DesoKeyRow} from "./deso-2025.js";

/**
 * Quantisation grid (1e5 steps across the county's extent, about 2 m): snaps vertices that differ only by the
 * source's rounding onto one point, so more neighbouring edges become shared arcs before merging.
 */
export const QUANTISATION = 1e5;
/** Simplification threshold in steradians (≈ 20 000 m² of triangle area): keeps the page's geometry small. */
export const MIN_WEIGHT = 5e-10;
/** Output coordinates are rounded to 4 decimals (≈ 6–11 m), plenty for a county or municipality map. */
const DECIMALS = 4;

export interface DesoShape {
  type: "Feature";
  properties: {code: string; deso_2018: string; regso: string; municipality_code: string; split: boolean};
  geometry: Polygon | MultiPolygon;
}
export interface RegsoShape {
  type: "Feature";
  properties: {code: string; municipality_code: string; deso_2025: string[]; deso_2018: string[]};
  geometry: MultiPolygon;
}
export interface AreaShapes {
  deso: {type: "FeatureCollection"; features: DesoShape[]};
  regso: {type: "FeatureCollection"; features: RegsoShape[]};
}

const round = (x: number) => Math.round(x * 10 ** DECIMALS) / 10 ** DECIMALS;

/** Round a ring and drop repeated points; null when fewer than four positions remain. */
function roundRing(ring: readonly Position[]): Position[] | null {
  const out: Position[] = [];
  for (const p of ring) {
    const q = [round(p[0]!), round(p[1]!)];
    const last = out.at(-1);
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  return out.length >= 4 ? out : null;
}

/**
 * d3-geo is spherical: an exterior ring must run clockwise (in lon/lat on screen), or the polygon is its complement
 * and fills the globe. A polygon whose area exceeds a hemisphere is reversed, holes and all.
 */
export function rewindForD3(rings: Position[][]): Position[][] {
  const area = geoArea({type: "Polygon", coordinates: rings});
  return area > 2 * Math.PI ? rings.map((r) => [...r].reverse()) : rings;
}

/** The source dropped every ring under 0.05 km² (PROVENANCE.md), so no area is smaller: in steradians (R = 6371 km). */
export const MIN_AREA_SR = 0.05 / 6371 ** 2;

/** The area a ring encloses on its smaller side, in steradians (whatever its winding). */
const ringArea = (ring: Position[]) => {
  const a = geoArea({type: "Polygon", coordinates: [ring]});
  return Math.min(a, 4 * Math.PI - a);
};

/**
 * Rounded and wound for d3. A union's hole is kept when it is at least as large as the smallest possible area (an
 * enclosed DeSO of another RegSO, 1.5 km² or more here); smaller holes are slivers between DeSO that do not share
 * vertices (≤ 0.044 km² here) and are dropped.
 */
function cleanPolygons(polys: Position[][][]): Position[][][] {
  return polys.flatMap((p) => {
    const outer = roundRing(p[0]!);
    if (!outer) return [];
    const holes = p.slice(1).flatMap((h) => {
      const ring = roundRing(h);
      return ring && ringArea(ring) >= MIN_AREA_SR ? [ring] : [];
    });
    return [rewindForD3([outer, ...holes])];
  });
}

/**
 * Build the DeSO and RegSO shapes. `regsoOf2018` is the statistics' DeSO 2018 → RegSO 2020 key. Throws listing every
 * disagreement between the polygons, the 2025→2018 key and the statistics' key.
 */
export function buildAreaShapes(features: readonly DesoFeature[], key: readonly DesoKeyRow[], regsoOf2018: ReadonlyMap<string, string>): AreaShapes {
  const problems: string[] = [];
  const byCode = new Map(key.map((k) => [k.deso_2025, k]));
  const drawn = new Set(features.map((f) => f.deso_2025));
  for (const f of features) {
    const k = byCode.get(f.deso_2025);
    if (!k) problems.push(`DeSO 2025 ${f.deso_2025} has a polygon but is not in the 2025→2018 key`);
    else if (!regsoOf2018.has(k.deso_2018)) problems.push(`DeSO 2025 ${f.deso_2025}: its DeSO 2018 ${k.deso_2018} is not an area of the statistics`);
    else if (regsoOf2018.get(k.deso_2018) !== f.regso) problems.push(`DeSO 2025 ${f.deso_2025}: the polygon says RegSO ${f.regso}, the statistics' key ${regsoOf2018.get(k.deso_2018)} for ${k.deso_2018}`);
  }
  for (const k of key) if (!drawn.has(k.deso_2025)) problems.push(`DeSO 2025 ${k.deso_2025} is in the key but has no polygon`);
  const covered = new Set(key.map((k) => k.deso_2018));
  for (const d of regsoOf2018.keys()) if (!covered.has(d)) problems.push(`DeSO 2018 ${d} of the statistics has no DeSO 2025 polygon in the key`);
  if (problems.length) throw new Error(`boundaries: ${problems.length} problem(s):\n  - ${problems.join("\n  - ")}`);

  const parts = new Map<string, number>();
  for (const k of key) parts.set(k.deso_2018, (parts.get(k.deso_2018) ?? 0) + 1);
  const input = {
    type: "FeatureCollection" as const,
    features: [...features].sort((a, b) => a.deso_2025.localeCompare(b.deso_2025)).map((f) => {
      const k = byCode.get(f.deso_2025)!;
      return {type: "Feature" as const, properties: {code: f.deso_2025, deso_2018: k.deso_2018, regso: regsoOf2018.get(k.deso_2018)!, municipality_code: f.municipality_code, split: parts.get(k.deso_2018)! > 1}, geometry: f.geometry};
    })
  };
  let topo = topology({deso: input}, QUANTISATION) as unknown as Topology<{deso: GeometryCollection<DesoShape["properties"]>}>;
  topo = simplify(presimplify(topo, sphericalTriangleArea), MIN_WEIGHT) as typeof topo;

  const desoFc = feature(topo, topo.objects.deso) as unknown as {features: {properties: DesoShape["properties"]; geometry: Polygon | MultiPolygon}[]};
  const deso: DesoShape[] = desoFc.features.map((f) => {
    const polys = cleanPolygons(f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates);
    return {type: "Feature", properties: f.properties, geometry: polys.length === 1 ? {type: "Polygon", coordinates: polys[0]!} : {type: "MultiPolygon", coordinates: polys}};
  });

  type Geom = (typeof topo.objects.deso.geometries)[number];
  const props = (g: Geom) => g.properties as DesoShape["properties"];
  const members = new Map<string, Geom[]>();
  for (const g of topo.objects.deso.geometries) {
    const r = props(g).regso;
    members.set(r, [...(members.get(r) ?? []), g]);
  }
  const regso: RegsoShape[] = [...members].sort(([a], [b]) => a.localeCompare(b)).map(([code, gs]) => {
    // Parts that touch nowhere stay separate polygons; sliver holes are dropped (cleanPolygons).
    const m = merge(topo, gs as never);
    const d2025 = gs.map((g) => props(g).code).sort();
    return {
      type: "Feature",
      properties: {code, municipality_code: code.slice(0, 4), deso_2025: d2025, deso_2018: [...new Set(gs.map((g) => props(g).deso_2018))].sort()},
      geometry: {type: "MultiPolygon", coordinates: cleanPolygons(m.coordinates as Position[][][])}
    };
  });
  const empty = [...deso.filter((f) => f.geometry.coordinates.length === 0).map((f) => f.properties.code), ...regso.filter((f) => f.geometry.coordinates.length === 0).map((f) => f.properties.code)];
  if (empty.length) throw new Error(`boundaries: simplification left no polygon for ${empty.join(", ")}`);
  return {deso: {type: "FeatureCollection", features: deso}, regso: {type: "FeatureCollection", features: regso}};
}
