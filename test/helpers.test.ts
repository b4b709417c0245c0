import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {startSim, type Sim} from "./helpers/api-sim.js";
import {freshDb} from "./helpers/db.js";
import {query} from "../data-loaders/lib/duckdb.js";

describe("test helpers", () => {
  let sim: Sim;
  beforeAll(async () => {
    sim = await startSim();
  });
  afterAll(async () => {
    await sim.stop();
  });

  it("starts the simulator on a loopback port", async () => {
    expect(sim.kolada).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/kolada\/v3$/);
    const res = await fetch(`${sim.url}/__sim/health`);
    expect(((await res.json()) as {ok: boolean}).ok).toBe(true);
  });

  it("creates the staging contract in a fresh in-memory DuckDB", async () => {
    const db = await freshDb();
    const tables = await query<{name: string}>(db.conn, "select table_name as name from information_schema.tables order by 1");
    expect(tables.map((t) => t.name)).toEqual([
      "meta_raw_files", "raw_scb__cells", "stg_areas", "stg_geodata__deso_2025", "stg_geodata__deso_key", "stg_kolada__kpis",
      "stg_kolada__structural", "stg_kolada__structural_areas", "stg_kolada__values", "stg_scb__tables"
    ]);
    db.close();
  });
});
