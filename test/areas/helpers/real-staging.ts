/**
 * Real SCB data for the area tests, read at test time from ../shared/data/raw (never copied).
 *
 * The switch: once the SCB client and staging exist (data-loaders/scb/client.ts and stage.ts, after
 * integration), the real staging is produced by them, from the API simulator serving those same
 * files. Until then the staging tables are built here straight from the CSVs with DuckDB, mimicking
 * the contract in data-loaders/staging-schema.sql (same tables, columns and category codes).
 */
import {existsSync} from "node:fs";
import {mkdtemp, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {pathToFileURL} from "node:url";
import type {DuckDBConnection} from "@duckdb/node-api";
import {loadConfig, PROJECT_ROOT} from "../../../data-loaders/lib/config.js";
import {exec} from "../../../data-loaders/lib/duckdb.js";
import {createContext, type FetchContext} from "../../../data-loaders/lib/fetcher.js";
import type {FetchedDataset} from "../../../data-loaders/lib/types.js";
import {startSim} from "../../helpers/api-sim.js";
import {freshDb} from "../../helpers/db.js";
import {SCB_STAGING_DDL} from "./staging.js";

export const RAW_DIR = join(PROJECT_ROOT, "..", "shared", "data", "raw");
export const rawFile = (rel: string) => join(RAW_DIR, rel);

const CLIENT = join(PROJECT_ROOT, "data-loaders", "scb", "client.ts");
const STAGE = join(PROJECT_ROOT, "data-loaders", "scb", "stage.ts");

/** True when the project's own SCB client and staging are there to produce the real staging. */
export const HAS_SCB_STAGING = existsSync(CLIENT) && existsSync(STAGE);

/** A fresh DuckDB with the real staging tables, by the project's SCB modules when present, else from the CSVs. */
export async function realStagingDb() {
  const db = await freshDb();
  if (HAS_SCB_STAGING) await stageThroughScbModules(db.conn);
  else await stageFromCsv(db.conn);
  return db;
}

type FetchScb = (ctx: FetchContext, opts: {only?: string[]}) => Promise<FetchedDataset[]>;
type StageScb = (conn: DuckDBConnection, datasets: FetchedDataset[]) => Promise<void>;

/** fetchScb → stageScb against the simulator, then meta_raw_files as the orchestrator writes it. */
async function stageThroughScbModules(conn: DuckDBConnection): Promise<void> {
  // Loaded by path: these modules land with the SCB branch (signatures as data-loaders/pipeline.ts calls them).
  const {fetchScb} = (await import(pathToFileURL(CLIENT).href)) as {fetchScb: FetchScb};
  const {stageScb} = (await import(pathToFileURL(STAGE).href)) as {stageScb: StageScb};
  const sim = await startSim();
  const dataDir = await mkdtemp(join(tmpdir(), "areas-real-"));
  try {
    const ctx = createContext(loadConfig({scbBase: sim.scb, dataDir, referenceDir: RAW_DIR}), {retryBaseMs: 10});
    const datasets = await fetchScb(ctx, {});
    await stageScb(conn, datasets);
    for (const d of datasets) {
      for (const f of d.files) {
        await exec(conn, `insert into meta_raw_files values ($dataset, $source, $file, $url, $fetched_at, $sha256, $publisher, $licence)`, {
          dataset: d.id, source: d.source, file: f.file, url: f.url, fetched_at: f.fetched_at, sha256: f.sha256, publisher: f.publisher, licence: f.licence
        });
      }
    }
  } finally {
    await sim.stop();
    await rm(dataDir, {recursive: true, force: true});
  }
}

const REGSO = "scb-regso-2020-2023/";
const DESO = "scb-deso-2022/";
const DELMOS = "scb-delmos-omradestyp-2022/";

/** The staging tables straight from the shared CSVs (RegSO names mapped to codes through the DeSO→RegSO key). */
async function stageFromCsv(conn: DuckDBConnection): Promise<void> {
  await exec(conn, SCB_STAGING_DDL);
  const p = {
    key: rawFile(`${DELMOS}koppling_deso2018_regso2020_lan06.csv`),
    types: rawFile(`${DELMOS}regso_omradestyp_2022_lan06.csv`),
    birth: rawFile(`${REGSO}regso_population_by_birthregion_2020-2023_lan06.csv`),
    tenure: rawFile(`${REGSO}regso_dwellings_by_tenure_2020-2023_lan06.csv`),
    wage: rawFile(`${REGSO}regso_mean_wage_income_20plus_2020-2023_lan06.csv`),
    deso_tenure: rawFile(`${DESO}deso_dwellings_by_tenure_2022_lan06.csv`),
    background: rawFile(`${DESO}deso_population_by_background_2022_lan06.csv`),
    education: rawFile(`${DESO}deso_education_25-64_2022_lan06.csv`),
    age: rawFile(`${DESO}deso_population_by_age_2022_lan06.csv`),
    households: rawFile(`${DESO}deso_households_2022_lan06.csv`),
    cars: rawFile(`${DESO}deso_cars_in_traffic_2022_lan06.csv`),
    median: rawFile(`${DESO}deso_median_income_20plus_2022_lan06.csv`)
  };
  await exec(
    conn,
    `create temp table csv_key as
     select Kommun as municipality_code, Kommunnamn || ' (' || RegSO_2020 || ')' as regso_name, RegSO_2020 as short_name,
            RegSOkod_2020 as regso_code, DeSO_2018 as deso_code
     from read_csv($key, header = true, all_varchar = true)`,
    {key: p.key}
  );
  await exec(
    conn,
    `insert into stg_areas
     with types as (select column0 as regso_name, "2022"::INTEGER as area_type from read_csv($types, header = true))
     select distinct k.regso_code, k.regso_name, k.short_name, 'regso', k.municipality_code, k.municipality_code, '0006', t.area_type
     from csv_key k left join types t on t.regso_name = k.regso_name
     union all
     select deso_code, deso_code, deso_code, 'deso', regso_code, municipality_code, '0006', null from csv_key`,
    {types: p.types}
  );
  await exec(
    conn,
    `insert into stg_scb__regso_area_type
     select k.regso_code, 2022, t."2022"::INTEGER, null
     from read_csv($types, header = true) t join (select distinct regso_name, regso_code from csv_key) k on k.regso_name = t.column0`,
    {types: p.types}
  );
  // RegSO wide files: one column per year ("Antal 2020" …), rows named "Kommun (Område)".
  await exec(
    conn,
    `insert into stg_scb__regso_population_birthregion
     with wide as (select * from read_csv($f, header = true)),
     long as (unpivot wide on columns('^Antal') into name col value persons)
     select k.regso_code, case "födelseregion" when 'Sverige' then 'sweden' when 'totalt' then 'total' end,
            right(col, 4)::INTEGER, persons, null
     from long join (select distinct regso_name, regso_code from csv_key) k on k.regso_name = long.region`,
    {f: p.birth}
  );
  await exec(
    conn,
    `insert into stg_scb__dwellings_tenure
     with wide as (select * from read_csv($f, header = true)),
     long as (unpivot wide on columns('^Antal') into name col value dwellings)
     select k.regso_code, 'regso',
            case "upplåtelseform" when 'hyresrätt' then 'rental' when 'bostadsrätt' then 'tenant_owned'
              when 'äganderätt' then 'owner_occupied' when 'uppgift saknas' then 'missing' end,
            right(col, 4)::INTEGER, dwellings, null
     from long join (select distinct regso_name, regso_code from csv_key) k on k.regso_name = long.region`,
    {f: p.tenure}
  );
  await exec(
    conn,
    `insert into stg_scb__dwellings_tenure
     with wide as (select deso, "hyresrätt" as rental, "bostadsrätt" as tenant_owned, "äganderätt" as owner_occupied,
                          "uppgift saknas" as missing from read_csv($f, header = true)),
     long as (unpivot wide on rental, tenant_owned, owner_occupied, missing into name tenure value dwellings)
     select deso, 'deso', tenure, 2022, dwellings, null from long`,
    {f: p.deso_tenure}
  );
  await exec(
    conn,
    `insert into stg_scb__regso_mean_wage_income
     with wide as (select * from read_csv($f, header = true)),
     long as (unpivot wide on columns('tkr') into name col value mean_income_tkr)
     select k.regso_code, right(col, 4)::INTEGER, mean_income_tkr, null
     from long join (select distinct regso_name, regso_code from csv_key) k on k.regso_name = long.region`,
    {f: p.wage}
  );
  // "foreign" in this file is utländsk bakgrund (foreign background), as the contract's 'foreign' is.
  await exec(
    conn,
    `insert into stg_scb__deso_population_background
     with long as (unpivot (select * from read_csv($f, header = true)) on swedish, "foreign", total into name background value persons)
     select deso, background, 2022, persons, null from long`,
    {f: p.background}
  );
  await exec(
    conn,
    `insert into stg_scb__deso_education
     with wide as (select deso, middle_school as pre_upper_secondary, gymnasium as upper_secondary,
                          post_gymnasium_less_than_3 as post_secondary_lt3, post_gymnasium_more_than_3 as post_secondary_ge3,
                          education_missing as missing from read_csv($f, header = true)),
     long as (unpivot wide on columns(* exclude (deso)) into name level value persons)
     select deso, level, 2022, persons, null from long`,
    {f: p.education}
  );
  await exec(
    conn,
    `insert into stg_scb__deso_population_age
     with long as (unpivot (select * from read_csv($f, header = true)) on columns(* exclude (deso)) into name col value persons)
     select deso, case when col = 'total' then 'total' else replace(replace(col, ' år', ''), '-år', '-') end, 2022, persons, null
     from long`,
    {f: p.age}
  );
  await exec(
    conn,
    `insert into stg_scb__deso_households select deso, 2022, total_households, null from read_csv($f, header = true)`,
    {f: p.households}
  );
  await exec(conn, `insert into stg_scb__deso_cars select deso, 2022, bilar_i_trafik, null from read_csv($f, header = true)`, {f: p.cars});
  await exec(
    conn,
    `insert into stg_scb__deso_median_income
     select deso, 2022, "Median income tkr", "Antal personer totalt", null from read_csv($f, header = true)`,
    {f: p.median}
  );
  // Provenance as the orchestrator records it: one row per dataset "scb:<table_key>".
  const files: Record<string, string> = {
    regso_population_birthregion: p.birth, dwellings_tenure: p.tenure, regso_mean_wage_income: p.wage,
    deso_population_background: p.background, deso_education: p.education, deso_population_age: p.age,
    deso_households: p.households, deso_cars: p.cars, deso_median_income: p.median, regso_area_type: p.types
  };
  for (const [key, file] of Object.entries(files)) {
    await exec(conn, `insert into meta_raw_files values ($dataset, 'scb', $file, $url, '2026-11-25T00:00:00Z', $sha, 'SCB (Statistiska centralbyrån)', 'CC0 1.0 (SCB öppna data)')`, {
      dataset: `scb:${key}`, file, url: pathToFileURL(file).href, sha: "not computed (test staging from the shared CSV)"
    });
  }
}
