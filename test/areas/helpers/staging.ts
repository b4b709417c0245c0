/**
 * The per-table SCB staging tables of the contract (data-loaders/staging-schema.sql lists their
 * columns in comments; the SCB staging creates them), created here so area tests can load fixtures.
 */
import {readdir} from "node:fs/promises";
import {join} from "node:path";
import type {DuckDBConnection} from "@duckdb/node-api";
import {PROJECT_ROOT} from "../../../data-loaders/lib/config.js";
import {exec} from "../../../data-loaders/lib/duckdb.js";
import type {OmradesgruppSet} from "../../../indicators/omraden/meta.js";
import {freshDb} from "../../helpers/db.js";

export const AREA_FIXTURE_DIR = join(PROJECT_ROOT, "test", "fixtures", "areas");

/** Fixture neighbourhood groups (invented): one single-RegSO group and one spanning two RegSO. */
export const FIXTURE_GROUPS: OmradesgruppSet = {
  municipality_code: "0698",
  groups: [
    {code: "norr", name: "Norr", regso: ["0698R001"]},
    {code: "soder", name: "Söder och Holmen", regso: ["0698R002", "0698R003"]}
  ]
};

/** DDL mirroring the column lists in the comments of staging-schema.sql. */
export const SCB_STAGING_DDL = `
  create table stg_scb__regso_population_birthregion (region_code VARCHAR NOT NULL, birth_region VARCHAR NOT NULL, year INTEGER NOT NULL, persons DOUBLE, status VARCHAR);
  create table stg_scb__dwellings_tenure (region_code VARCHAR NOT NULL, region_level VARCHAR NOT NULL, tenure VARCHAR NOT NULL, year INTEGER NOT NULL, dwellings DOUBLE, status VARCHAR);
  create table stg_scb__regso_mean_wage_income (region_code VARCHAR NOT NULL, year INTEGER NOT NULL, mean_income_tkr DOUBLE, status VARCHAR);
  create table stg_scb__deso_population_background (region_code VARCHAR NOT NULL, background VARCHAR NOT NULL, year INTEGER NOT NULL, persons DOUBLE, status VARCHAR);
  create table stg_scb__deso_education (region_code VARCHAR NOT NULL, level VARCHAR NOT NULL, year INTEGER NOT NULL, persons DOUBLE, status VARCHAR);
  create table stg_scb__deso_population_age (region_code VARCHAR NOT NULL, age_group VARCHAR NOT NULL, year INTEGER NOT NULL, persons DOUBLE, status VARCHAR);
  create table stg_scb__deso_households (region_code VARCHAR NOT NULL, year INTEGER NOT NULL, households DOUBLE, status VARCHAR);
  create table stg_scb__deso_cars (region_code VARCHAR NOT NULL, year INTEGER NOT NULL, cars DOUBLE, status VARCHAR);
  create table stg_scb__deso_median_income (region_code VARCHAR NOT NULL, year INTEGER NOT NULL, median_income_tkr DOUBLE, persons DOUBLE, status VARCHAR);
  create table stg_scb__regso_area_type (region_code VARCHAR NOT NULL, year INTEGER NOT NULL, area_type INTEGER, status VARCHAR);
`;

/** A fresh in-memory DuckDB with the staging contract and the invented area fixtures loaded. */
export async function fixtureDb() {
  const db = await freshDb();
  await exec(db.conn, SCB_STAGING_DDL);
  await loadFixtureCsvs(db.conn, AREA_FIXTURE_DIR);
  return db;
}

/** Load every <table>.csv of a folder into the table of that name (first line: the "invented" note). */
export async function loadFixtureCsvs(conn: DuckDBConnection, dir: string): Promise<void> {
  for (const f of (await readdir(dir)).filter((n) => n.endsWith(".csv")).sort()) {
    const table = f.replace(/\.csv$/, "");
    if (!/^[a-z_]+$/.test(table)) throw new Error(`fixture file name is not a table name: ${f}`);
    // Text first (codes keep their leading zeros); the insert casts to the table's column types.
    await exec(conn, `insert into ${table} by name select * from read_csv($path, header = true, skip = 1, all_varchar = true)`, {
      path: join(dir, f)
    });
  }
}
