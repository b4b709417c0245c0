/**
 * SCB's DeSO 2025 boundaries for Jönköping county and the key from DeSO 2025 to the DeSO 2018 codes of the
 * statistics. Production fetches the polygons from SCB's geodata WFS like any other source (raw body + sidecar);
 * with `boundariesSource: "reference"` (chosen explicitly, e.g. by the offline demo; never a fallback) the
 * snapshot in the reference directory is copied instead, and its sidecar names where that copy came from.
 * The 2025→2018 key is always a reference file: the WFS does not serve it.
 */
import {readFile} from "node:fs/promises";
import {join} from "node:path";
import {pathToFileURL} from "node:url";
import {z} from "zod";
import {ParseError, type ErrorOrigin} from "../lib/errors.js";
import {getRaw, type FetchContext} from "../lib/fetcher.js";
import {parseJsonBody} from "../lib/http.js";
import {rawPath, readRaw, writeRaw, type RawMeta} from "../lib/raw-cache.js";
import type {FetchedDataset, RawFileRef} from "../lib/types.js";
import {validate} from "../lib/validate.js";
import {csvObjects} from "../reference/csv.js";
import {COUNTY_CODE, SCB_LICENCE, SCB_PUBLISHER} from "../scb/table.js";

export const DESO_BOUNDARIES_ID = "geodata:deso_2025";
export const DESO_KEY_ID = "reference:deso2025_deso2018_key";
/** Paths below the reference directory. */
export const DESO_BOUNDARIES_FILE = join("scb-deso-2025-boundaries", "deso2025_lan06.geojson");
export const DESO_KEY_FILE = join("scb-deso-2025-boundaries", "deso2025_to_deso2018_lan06.csv");

/** The snapshot's real origin (../shared/data/raw/PROVENANCE.md): a third party's generalised copy of SCB's WFS answer. */
export const SNAPSHOT_ORIGIN = {
  url: "https://github.com/real-estate-war-lord/am-dashboard-se/tree/05fd550c52fe5c5a40ba46f2efe20a535228a47a/data/processed/deso",
  publisher: `${SCB_PUBLISHER}, DeSO 2025 (geodata.scb.se WFS), generaliserade av real-estate-war-lord/am-dashboard-se`,
  note:
    "Processed copy, not SCB's WFS answer: clipped to land, each ring simplified (Douglas–Peucker, about 40 m), rounded to " +
    "5 decimals, holes and rings under 0.05 km² dropped, [lat, lon] swapped to [lon, lat]; one stored commit per municipality."
};

/** The county's bounding box in lon/lat (CRS:84), with a margin: the WFS is asked for this box only. */
export const COUNTY_BBOX = [13.0, 56.95, 15.75, 58.25] as const;

const Position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
// A closed ring: at least four positions.
const Ring = z.array(Position).min(4);
export const DesoGeometry = z.discriminatedUnion("type", [
  z.object({type: z.literal("Polygon"), coordinates: z.array(Ring).min(1)}),
  z.object({type: z.literal("MultiPolygon"), coordinates: z.array(z.array(Ring).min(1)).min(1)})
]);
export type DesoGeometry = z.infer<typeof DesoGeometry>;

const DesoCode = z.string().regex(/^\d{4}[ABC]\d{4}$/, "a DeSO code such as 0680C1071");
const RegsoCode = z.string().regex(/^\d{4}R\d{3}$/, "a RegSO code such as 0680R024");

/** The snapshot's features: properties deso, regso, kommun (the third party's names). */
const SnapshotFeature = z.object({
  type: z.literal("Feature"),
  properties: z.object({deso: DesoCode, regso: RegsoCode, kommun: z.string().regex(/^\d{4}$/)}),
  geometry: DesoGeometry
});
/**
 * SCB's WFS features (GeoJSON output). Not checked against the live service from here (no internet): SCB names
 * the code fields `desokod`/`regsokod` in its DeSO 2025 downloads; `deso`/`regso` are accepted as well, and the
 * municipality is the code's first four digits either way.
 */
const WfsFeature = z.object({
  type: z.literal("Feature"),
  properties: z.looseObject({desokod: DesoCode.optional(), deso: DesoCode.optional(), regsokod: RegsoCode.optional(), regso: RegsoCode.optional()}),
  geometry: DesoGeometry
});

export interface DesoFeature {
  deso_2025: string;
  regso: string;
  municipality_code: string;
  geometry: DesoGeometry;
}

const inCounty = (code: string) => code.startsWith(COUNTY_CODE);

/** Parse the snapshot file or a WFS answer into the county's DeSO 2025 features; throws on a duplicate code. */
export function parseDesoBoundaries(body: Buffer, contentType: string | null, origin: ErrorOrigin, format: "snapshot" | "wfs"): DesoFeature[] {
  const json = parseJsonBody(origin, body, contentType ?? "application/json");
  let features: DesoFeature[];
  if (format === "snapshot") {
    const fc = validate(z.object({type: z.literal("FeatureCollection"), features: z.array(SnapshotFeature).min(1)}), json, origin);
    features = fc.features.map((f) => ({deso_2025: f.properties.deso, regso: f.properties.regso, municipality_code: f.properties.kommun, geometry: f.geometry}));
  } else {
    const fc = validate(z.object({type: z.literal("FeatureCollection"), features: z.array(WfsFeature).min(1)}), json, origin);
    features = fc.features.map((f, i) => {
      const deso = f.properties.desokod ?? f.properties.deso;
      const regso = f.properties.regsokod ?? f.properties.regso;
      if (!deso || !regso) throw new ParseError(origin, `$.features[${i}].properties: no DeSO or RegSO code (desokod/regsokod)`);
      return {deso_2025: deso, regso, municipality_code: deso.slice(0, 4), geometry: f.geometry};
    });
    // The bounding box also catches DeSO of neighbouring counties.
    features = features.filter((f) => inCounty(f.deso_2025));
  }
  const seen = new Set<string>();
  features.forEach((f, i) => {
    if (!inCounty(f.deso_2025) || !f.deso_2025.startsWith(f.municipality_code)) throw new ParseError(origin, `$.features[${i}]: DeSO ${f.deso_2025} is not in municipality ${f.municipality_code} of county ${COUNTY_CODE}`);
    if (seen.has(f.deso_2025)) throw new ParseError(origin, `$.features[${i}]: DeSO ${f.deso_2025} appears twice`);
    seen.add(f.deso_2025);
  });
  return features;
}

const KEY_COLUMNS = ["deso_2025", "deso_2018", "regso_2025", "relation"] as const;
export const DesoKeyRow = z.object({deso_2025: DesoCode, deso_2018: DesoCode, regso_2025: RegsoCode, relation: z.enum(["same", "split_of_2018"])})
  .refine((r) => (r.relation === "same") === (r.deso_2025 === r.deso_2018), {message: "relation 'same' exactly when the codes are equal", path: ["relation"]});
export type DesoKeyRow = z.infer<typeof DesoKeyRow>;

/** Parse and validate the DeSO 2025 → DeSO 2018 key (CSV with a header). */
export function parseDesoKey(body: Buffer, origin: ErrorOrigin): DesoKeyRow[] {
  const header = z.tuple([z.literal("deso_2025"), z.literal("deso_2018"), z.literal("regso_2025"), z.literal("relation")]);
  const key = validate(z.array(DesoKeyRow).min(1), csvObjects(body, origin, KEY_COLUMNS, header), origin);
  const seen = new Set<string>();
  key.forEach((r, i) => {
    if (seen.has(r.deso_2025)) throw new ParseError(origin, `row ${i}: DeSO 2025 ${r.deso_2025} listed twice`);
    seen.add(r.deso_2025);
  });
  return key;
}

/** The WFS request: the DeSO 2025 layer in lon/lat (CRS:84, so no axis-order doubt) within the county's box. */
export function wfsUrl(base: string): string {
  const q = new URLSearchParams({
    service: "WFS", version: "2.0.0", request: "GetFeature", typeNames: "stat:DeSO_2025",
    outputFormat: "application/json", srsName: "CRS:84", bbox: `${COUNTY_BBOX.join(",")},CRS:84`
  });
  return `${base}?${q.toString()}`;
}

/** Copy a reference file into the raw layer (or reuse the raw copy unless --refresh); validated before it is written. */
async function copyReference<T>(ctx: FetchContext, o: {
  id: string; source: "reference" | "geodata"; from: string; to: string; contentType: string; url: string; publisher: string; note?: string;
  parse: (body: Buffer, origin: ErrorOrigin) => T;
}): Promise<{file: RawFileRef; data: T}> {
  const origin: ErrorOrigin = {source: o.source, dataset: o.id, file: o.to};
  const cached = ctx.refresh ? undefined : await readRaw(o.to);
  let meta: RawMeta;
  let data: T;
  if (cached) {
    ctx.stats.reused++;
    data = o.parse(cached.body, {...origin, url: cached.meta.url});
    meta = cached.meta;
  } else {
    const body = await readFile(o.from);
    data = o.parse(body, {...origin, url: pathToFileURL(o.from).href, file: o.from});
    meta = await writeRaw(o.to, body, {
      source: o.source, dataset: o.id, url: o.url, method: "GET",
      // The local copy it was read from, so the sidecar names both the origin and the file.
      query: {copied_from: pathToFileURL(o.from).href, ...(o.note ? {note: o.note} : {})},
      // Not an HTTP exchange: 0 marks a copied local file.
      http_status: 0, content_type: o.contentType, fetched_at: new Date().toISOString(),
      publisher: o.publisher, licence: SCB_LICENCE, attempts: 1
    });
  }
  return {file: {file: o.to, url: meta.url, fetched_at: meta.fetched_at, sha256: meta.sha256, publisher: meta.publisher, licence: meta.licence, reused: Boolean(cached)}, data};
}

/** Fetch the DeSO 2025 polygons (WFS or the configured snapshot) and copy the 2025→2018 key; two datasets. */
export async function fetchDesoBoundaries(ctx: FetchContext): Promise<FetchedDataset[]> {
  const dir = ctx.config.referenceDir;
  const keyFile = rawPath(ctx.config.dataDir, "reference", "deso2025_deso2018_key", "deso2025_to_deso2018_lan06.csv");
  const key = await copyReference(ctx, {
    id: DESO_KEY_ID, source: "reference", from: join(dir, DESO_KEY_FILE), to: keyFile, contentType: "text/csv; charset=utf-8",
    url: SNAPSHOT_ORIGIN.url, publisher: SNAPSHOT_ORIGIN.publisher, parse: parseDesoKey
  });
  let geo: {file: RawFileRef; data: DesoFeature[]};
  if (ctx.config.boundariesSource === "reference") {
    geo = await copyReference(ctx, {
      id: DESO_BOUNDARIES_ID, source: "geodata", from: join(dir, DESO_BOUNDARIES_FILE),
      to: rawPath(ctx.config.dataDir, "geodata", "deso_2025", "snapshot-deso2025_lan06.geojson"),
      contentType: "application/geo+json", url: SNAPSHOT_ORIGIN.url, publisher: SNAPSHOT_ORIGIN.publisher, note: SNAPSHOT_ORIGIN.note,
      parse: (body, origin) => parseDesoBoundaries(body, "application/json", origin, "snapshot")
    });
  } else {
    const url = wfsUrl(ctx.config.geodataBase);
    const file = rawPath(ctx.config.dataDir, "geodata", "deso_2025", "wfs-deso2025_lan06.json");
    const res = await getRaw(ctx, {origin: {source: "geodata", dataset: DESO_BOUNDARIES_ID, url}, file, publisher: `${SCB_PUBLISHER}, DeSO 2025 (geodata WFS)`, licence: SCB_LICENCE},
      (body, ct, origin) => parseDesoBoundaries(body, ct, origin, "wfs"));
    geo = {file: {file, url: res.meta.url, fetched_at: res.meta.fetched_at, sha256: res.meta.sha256, publisher: res.meta.publisher, licence: res.meta.licence, reused: res.reused}, data: res.data};
  }
  return [
    {id: DESO_BOUNDARIES_ID, source: "geodata", files: [geo.file], rows: geo.data.length},
    {id: DESO_KEY_ID, source: "reference", files: [key.file], rows: key.data.length}
  ];
}

/** Read a staged dataset's raw file again (stage never trusts the fetch step's memory). */
export async function readBoundaryDatasets(datasets: readonly FetchedDataset[]): Promise<{features: DesoFeature[]; key: DesoKeyRow[]; snapshot: boolean}> {
  const one = async (id: string) => {
    const ds = datasets.find((d) => d.id === id);
    if (!ds || ds.files.length !== 1) throw new Error(`boundaries: dataset ${id} is missing or has ${ds?.files.length ?? 0} raw files`);
    const raw = await readRaw(ds.files[0]!.file);
    if (!raw) throw new Error(`boundaries: raw file ${ds.files[0]!.file} or its sidecar is missing`);
    return {raw, origin: {source: ds.source, dataset: id, file: ds.files[0]!.file, url: raw.meta.url} as ErrorOrigin};
  };
  const g = await one(DESO_BOUNDARIES_ID);
  const k = await one(DESO_KEY_ID);
  const snapshot = g.raw.meta.http_status === 0;
  return {
    features: parseDesoBoundaries(g.raw.body, g.raw.meta.content_type, g.origin, snapshot ? "snapshot" : "wfs"),
    key: parseDesoKey(k.raw.body, k.origin),
    snapshot
  };
}
