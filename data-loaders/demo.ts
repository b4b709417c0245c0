/**
 * The offline main job: start the API simulator (../shared/tools/api-sim) on a free loopback
 * port, run the whole pipeline against it over real HTTP, build the site, stop the simulator.
 * The demo keeps its raw layer and warehouse in data/demo/, apart from runs against the real
 * APIs, so simulator responses are never reused as if they came from Kolada or SCB.
 */
import {join} from "node:path";
import {parseArgs} from "node:util";
import {loadConfig, PROJECT_ROOT} from "./lib/config.js";
import {log} from "./lib/log.js";
import {startSim} from "./lib/simulator.js";
import {runPipeline} from "./pipeline.js";
import {buildSite} from "./site.js";

const {values} = parseArgs({
  options: {scope: {type: "string", default: "county"}, "no-build": {type: "boolean", default: false}, refresh: {type: "boolean", default: false}}
});
if (values.scope !== "county" && values.scope !== "sweden") {
  process.stderr.write("usage: npm run demo -- [--scope county|sweden] [--refresh] [--no-build]\n");
  process.exit(2);
}
const scope = values.scope;

const sim = await startSim({scope});
log(`demo: API simulator (real data from ../shared/data/raw) at ${sim.url}`);
let failed = false;
try {
  const config = loadConfig({koladaBase: sim.kolada, scbBase: sim.scb, dataDir: join(PROJECT_ROOT, "data", "demo"),
    // The simulator serves no WFS: the demo takes the boundaries snapshot, chosen here, never as a fallback.
    boundariesSource: "reference"});
  await runPipeline({command: "all", scope, offline: false, refresh: values.refresh, only: [], config});
  if (!values["no-build"]) {
    const ms = await buildSite();
    log(`demo: site built in ${(ms / 1000).toFixed(1)} s`);
  }
  log(
    [
      "",
      "Done. Output:",
      `  warehouse        data/demo/warehouse.duckdb`,
      `  raw responses    data/demo/raw/ (with .meta.json sidecars)`,
      `  run reports      data/demo/runs/`,
      `  published files  src/data/pub/ (CSV, CSV för Excel, Parquet, catalogue.json, bulk.zip)`,
      values["no-build"] ? "" : `  site             dist/  — serve it with: npm run serve`
    ].join("\n")
  );
} catch (e) {
  failed = true;
  process.stderr.write(`\ndemo failed: ${e instanceof Error ? e.message : String(e)}\n`);
} finally {
  await sim.stop();
}
process.exit(failed ? 1 : 0);
