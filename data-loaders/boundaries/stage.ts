/** Stage the DeSO 2025 polygons and the 2025→2018 key (replaces earlier rows); both raw files are validated again. */
import type {DuckDBConnection} from "@duckdb/node-api";
import {appendRows} from "../lib/append.js";
import {exec} from "../lib/duckdb.js";
import type {FetchedDataset} from "../lib/types.js";
import {readBoundaryDatasets} from "./deso-2025.js";

/** Fill stg_geodata__deso_2025 and stg_geodata__deso_key in one transaction. */
export async function stageBoundaries(conn: DuckDBConnection, datasets: readonly FetchedDataset[]): Promise<void> {
  const {features, key} = await readBoundaryDatasets(datasets);
  await exec(conn, "begin transaction");
  try {
    await exec(conn, "delete from stg_geodata__deso_2025");
    await exec(conn, "delete from stg_geodata__deso_key");
    await appendRows(conn, "stg_geodata__deso_2025", ["varchar", "varchar", "varchar", "varchar"],
      features.map((f) => [f.deso_2025, f.regso, f.municipality_code, JSON.stringify(f.geometry)]));
    await appendRows(conn, "stg_geodata__deso_key", ["varchar", "varchar", "varchar", "varchar"], key.map((r) => [r.deso_2025, r.deso_2018, r.regso_2025, r.relation]));
    await exec(conn, "commit");
  } catch (e) {
    await exec(conn, "rollback");
    throw e;
  }
}
