/**
 * The similar municipalities: peers.csv (each municipality's nearest, with distances), peers-variables.csv (the
 * variables used, value, year and z-score per municipality) and peers.json (method, variables, reference year).
 * The structural values appear only here, never in the indicator files.
 */
import {join} from "node:path";
import {listValue, type DuckDBConnection} from "@duckdb/node-api";
import {MAX_FILL_YEARS, PEER_COUNT, PEER_VARIABLES, PEERS_METHOD_SV} from "../../indicators/peers.js";
import {query} from "../lib/duckdb.js";
import {formatCsv, writeText, type Row} from "./areas-files.js";

export const PEERS_COLUMNS = ["area_code", "area_name", "rank", "peer_code", "peer_name", "distance", "reference_year"] as const;
export const PEER_VALUES_COLUMNS = ["area_code", "area_name", "kpi", "variable_sv", "year", "value", "z"] as const;

/** Write the three files into outDir (next to summary.csv). */
export async function publishPeers(conn: DuckDBConnection, opts: {outDir: string; generatedAt: string}): Promise<void> {
  const [meta] = await query<{reference_year: number}>(conn, "select reference_year from peer_meta");
  if (!meta) throw new Error("publishPeers: peer_meta is empty (the peers stage did not run)");
  const peers = await query<Row>(conn, `
    with named as (
      select p.area_code, a.name as area_name, p.rank, p.peer_code, b.name as peer_name, round(p.distance, 3) as distance, $year::INTEGER as reference_year
      from peers p join stg_kolada__structural_areas a using (area_code) join stg_kolada__structural_areas b on b.area_code = p.peer_code
    )
    select * from named order by area_code, rank`, {year: meta.reference_year});
  const values = await query<Row>(conn, `
    with labels as (select unnest($kpis::VARCHAR[]) as kpi, unnest($labels::VARCHAR[]) as variable_sv),
    named as (
      select v.area_code, a.name as area_name, v.kpi, l.variable_sv, v.year, v.value, round(v.z, 3) as z
      from peer_values v join stg_kolada__structural_areas a using (area_code) join labels l using (kpi)
    )
    select * from named order by area_code, kpi`, {kpis: listValue(PEER_VARIABLES.map((v) => v.kpi)), labels: listValue(PEER_VARIABLES.map((v) => v.label_sv))});
  await writeText(join(opts.outDir, "peers.csv"), formatCsv(peers, PEERS_COLUMNS));
  await writeText(join(opts.outDir, "peers-variables.csv"), formatCsv(values, PEER_VALUES_COLUMNS));
  await writeText(join(opts.outDir, "peers.json"), JSON.stringify({
    generated_at: opts.generatedAt,
    method_sv: PEERS_METHOD_SV,
    reference_year: meta.reference_year,
    max_fill_years: MAX_FILL_YEARS,
    k: PEER_COUNT,
    distance: "euclidean_z",
    variables: PEER_VARIABLES,
    source: "Kolada (RKA); urvalet av variabler, standardiseringen och avstånden är vår bearbetning",
    files: {peers: "peers.csv", variables: "peers-variables.csv"}
  }, null, 1));
}
