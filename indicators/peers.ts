/**
 * Similar municipalities ("liknande kommuner"): for each of the 290 municipalities, the nearest others by Euclidean
 * distance on z-scores of a declared set of structural variables, in the spirit of Kolada's liknande kommuner,
 * CIPFA's nearest neighbours and ONS's similar areas. Pure functions; the stage (peersStage) reads the warehouse.
 */
import {listValue, type DuckDBConnection} from "@duckdb/node-api";
import {appendRows} from "../data-loaders/lib/append.js";
import {exec, query} from "../data-loaders/lib/duckdb.js";

export interface PeerVariable {
  kpi: string;
  label_sv: string;
  /** "log": log10 of the value before standardising (population size spans 2 500 to 990 000). */
  transform: "none" | "log";
}

/** The variables, equally weighted. Age structure, density and tax base are not among the KPIs served. */
export const PEER_VARIABLES: readonly PeerVariable[] = [
  {kpi: "N01951", label_sv: "Invånare, antal (log10)", transform: "log"},
  {kpi: "N02926", label_sv: "Utrikes födda, andel (%)", transform: "none"},
  {kpi: "N02006", label_sv: "Kommunmottagna flyktingar per 1 000 inv.", transform: "none"},
  {kpi: "U01805", label_sv: "Utrikes födda 18–64 år med vistelsetid 0–5 år, andel (%)", transform: "none"},
  {kpi: "N01982", label_sv: "Eftergymnasial utbildning 25–64 år, andel (%)", transform: "none"},
  {kpi: "N01984", label_sv: "Förgymnasial utbildning 25–64 år, andel (%)", transform: "none"},
  {kpi: "N02267", label_sv: "Sysselsättningsgrad 20–64 år (%)", transform: "none"},
  {kpi: "N00906", label_sv: "Förvärvsinkomst 20–64 år, median (kr)", transform: "none"},
  {kpi: "N66078", label_sv: "Låg ekonomisk standard 20–64 år, andel (%)", transform: "none"},
  {kpi: "N03920", label_sv: "Arbetslöshet 18–65 år (%)", transform: "none"},
  {kpi: "N31816", label_sv: "Långvarigt ekonomiskt bistånd 18+, andel (%)", transform: "none"}
];

/** Neighbours per municipality. */
export const PEER_COUNT = 7;
/** A value older than this many years before the reference year is not used (the variable counts as missing). */
export const MAX_FILL_YEARS = 2;
/** A municipality missing more variables than this is left out (listed in `excluded`). */
export const MAX_MISSING = 2;

export const PEERS_METHOD_SV =
  `Liknande kommuner räknas fram ur ${PEER_VARIABLES.length} strukturvariabler från Kolada för alla 290 kommuner, samma år för alla ` +
  `(referensåret; saknas en kommuns värde det året används dess senaste värde högst ${MAX_FILL_YEARS} år tidigare, och året anges). ` +
  "Varje variabel standardiseras till z-värden (avvikelse från medelvärdet för alla kommuner, delat med standardavvikelsen; invånarantalet " +
  "logaritmeras först), och avståndet mellan två kommuner är det euklidiska avståndet mellan deras z-värden, alla variabler med samma vikt. " +
  `Saknar en kommun ändå en variabel (högst ${MAX_MISSING}) räknas avståndet på de variabler båda har och skalas upp med roten ur kvoten mellan alla och gemensamma variabler. ` +
  `De ${PEER_COUNT} kommuner med kortast avstånd är kommunens liknande kommuner; kommunen själv räknas aldrig. Lika avstånd ordnas efter kommunkod. ` +
  "Metoden följer samma tanke som Koladas liknande kommuner, CIPFA:s nearest neighbours och ONS similar areas, men variablerna och vikterna är våra: " +
  "resultatet är vår bearbetning, inte Koladas. Ett litet avstånd betyder lika förutsättningar i de här variablerna, inte lika resultat.";

export interface PeerInput {
  area_code: string;
  kpi: string;
  year: number;
  value: number;
}

export interface PeerValue {
  area_code: string;
  kpi: string;
  /** The year the value is from (the reference year unless filled). */
  year: number;
  value: number;
  z: number;
}

export interface Peer {
  area_code: string;
  peer_code: string;
  rank: number;
  distance: number;
}

export interface PeerResult {
  reference_year: number;
  variables: readonly PeerVariable[];
  values: PeerValue[];
  peers: Peer[];
  /** Municipalities left out for want of a value, with the variables missing. */
  excluded: {area_code: string; missing: string[]}[];
}

/** The latest year in which every variable has values for at least `share` of the areas. */
export function referenceYear(rows: readonly PeerInput[], variables: readonly PeerVariable[], share = 0.95): number {
  const areas = new Set(rows.map((r) => r.area_code)).size;
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => b - a);
  for (const y of years) {
    const ok = variables.every((v) => rows.filter((r) => r.kpi === v.kpi && r.year === y).length >= share * areas);
    if (ok) return y;
  }
  throw new Error(`similar municipalities: no year in which every variable covers ${share * 100} % of ${areas} municipalities`);
}

/** Compute z-scores and each area's `k` nearest neighbours (Euclidean on z-scores; ties by code). Deterministic. */
export function similarMunicipalities(rows: readonly PeerInput[], opts: {variables?: readonly PeerVariable[]; k?: number; year?: number} = {}): PeerResult {
  const variables = opts.variables ?? PEER_VARIABLES;
  const k = opts.k ?? PEER_COUNT;
  const year = opts.year ?? referenceYear(rows, variables);
  const areas = [...new Set(rows.map((r) => r.area_code))].sort();
  const lookup = new Map(rows.map((r) => [`${r.area_code}|${r.kpi}|${r.year}`, r.value]));
  const picked = new Map<string, {year: number; value: number}>();
  const excluded: PeerResult["excluded"] = [];
  const included: string[] = [];
  for (const a of areas) {
    const missing: string[] = [];
    for (const v of variables) {
      let hit: {year: number; value: number} | undefined;
      for (let y = year; y >= year - MAX_FILL_YEARS && !hit; y--) {
        const x = lookup.get(`${a}|${v.kpi}|${y}`);
        if (x !== undefined) hit = {year: y, value: x};
      }
      if (hit) picked.set(`${a}|${v.kpi}`, hit);
      else missing.push(v.kpi);
    }
    if (missing.length > MAX_MISSING) excluded.push({area_code: a, missing});
    else included.push(a);
  }
  if (included.length <= k) throw new Error(`similar municipalities: only ${included.length} municipalities have every variable`);
  const transformed = (a: string, v: PeerVariable) => {
    const x = picked.get(`${a}|${v.kpi}`)!.value;
    if (v.transform === "log") {
      if (!(x > 0)) throw new Error(`similar municipalities: ${v.kpi} of ${a} is ${x}, cannot take a logarithm`);
      return Math.log10(x);
    }
    return x;
  };
  // z per area and variable; null where the area has no value for it.
  const z = new Map<string, (number | null)[]>(included.map((a) => [a, []]));
  const values: PeerValue[] = [];
  for (const v of variables) {
    const have = included.filter((a) => picked.has(`${a}|${v.kpi}`));
    const xs = have.map((a) => transformed(a, v));
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    // Population standard deviation over the municipalities with a value.
    const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length);
    if (!(sd > 0)) throw new Error(`similar municipalities: ${v.kpi} has no spread`);
    const zOf = new Map(have.map((a, i) => [a, (xs[i]! - mean) / sd]));
    for (const a of included) {
      const zi = zOf.get(a);
      z.get(a)!.push(zi ?? null);
      const p = picked.get(`${a}|${v.kpi}`);
      if (p && zi !== undefined) values.push({area_code: a, kpi: v.kpi, year: p.year, value: p.value, z: zi});
    }
  }
  /** Euclidean over the variables both have, scaled to all variables (√(V / common)). */
  const distance = (za: readonly (number | null)[], zb: readonly (number | null)[]) => {
    let sum = 0;
    let common = 0;
    za.forEach((x, i) => {
      const y = zb[i];
      if (x !== null && y !== null && y !== undefined) {
        sum += (x - y) ** 2;
        common++;
      }
    });
    return Math.sqrt(sum * (variables.length / common));
  };
  const peers: Peer[] = [];
  for (const a of included) {
    const za = z.get(a)!;
    const d = included
      .filter((b) => b !== a)
      .map((b) => ({b, d: distance(za, z.get(b)!)}))
      .sort((x, y) => x.d - y.d || x.b.localeCompare(y.b));
    d.slice(0, k).forEach((x, i) => peers.push({area_code: a, peer_code: x.b, rank: i + 1, distance: x.d}));
  }
  return {reference_year: year, variables, values, peers, excluded};
}

/** Stage after staging: compute the similar municipalities into the tables peers and peer_values. */
export async function computePeers(conn: DuckDBConnection): Promise<PeerResult> {
  const rows = await query<PeerInput>(conn, "select area_code, kpi, year, value from stg_kolada__structural where kpi in (select unnest($kpis::VARCHAR[])) order by all", {kpis: listValue(PEER_VARIABLES.map((v) => v.kpi))});
  const result = similarMunicipalities(rows);
  await exec(conn, "create or replace table peers (area_code VARCHAR, peer_code VARCHAR, rank INTEGER, distance DOUBLE)");
  await exec(conn, "create or replace table peer_values (area_code VARCHAR, kpi VARCHAR, year INTEGER, value DOUBLE, z DOUBLE)");
  await exec(conn, "create or replace table peer_meta as select $year::INTEGER as reference_year", {year: result.reference_year});
  await appendRows(conn, "peers", ["varchar", "varchar", "integer", "double"], result.peers.map((p) => [p.area_code, p.peer_code, p.rank, p.distance]));
  await appendRows(conn, "peer_values", ["varchar", "varchar", "integer", "double", "double"], result.values.map((v) => [v.area_code, v.kpi, v.year, v.value, v.z]));
  return result;
}
