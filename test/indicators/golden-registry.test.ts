/**
 * Golden tests for the REAL indicator registry: every indicator in INDICATORS computed on the
 * invented staging fixture test/fixtures/staging/kolada_values.csv (areas from the engine
 * fixtures) must reproduce test/golden/indicators/<id>.csv and <id>.summary.csv.
 * UPDATE_GOLDEN=1 rewrites them; read the diff before committing.
 */
import {fileURLToPath} from "node:url";
import {describe, expect, it} from "vitest";
import type {DuckDBConnection} from "@duckdb/node-api";
import {INDICATORS} from "../../indicators/index.js";
import {runGolden} from "../golden/harness.js";
import {loadEngineStaging} from "../fixtures/staging-engine/load.js";

async function stage(conn: DuckDBConnection): Promise<void> {
  await loadEngineStaging(conn, ["stg_areas"]);
  const path = fileURLToPath(new URL("../fixtures/staging/kolada_values.csv", import.meta.url));
  await conn.run(
    `INSERT INTO stg_kolada__values BY NAME
     SELECT * FROM read_csv($path, header = true, skip = 1, all_varchar = true)`,
    {path}
  );
}

// Coverage expectations (areas, years) describe the real data, not a two-municipality fixture;
// the range checks still apply.
const indicators = INDICATORS.map((i) => ({...i, checks: i.checks.range ? {range: i.checks.range} : {}}));

describe("golden outputs of the indicator registry", () => {
  it("every indicator reproduces its golden values and summary on the fixture", async () => {
    const outcomes = await runGolden({indicators, stage});
    expect(outcomes).toHaveLength(INDICATORS.length * 2);
    const failed = outcomes.filter((o) => o.status === "changed" || o.status === "missing");
    expect(failed.map((o) => `${o.file}: ${o.diff} (new output: ${o.changed})`)).toEqual([]);
  });
});
