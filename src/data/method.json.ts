// Framework data loader: the pipeline's own description of the trend method (TREND_METHOD_SV in
// indicators/compute.ts) for the method page, so the page states exactly what the computation does.
// Before the indicator engine is in the tree it writes {"sv": null} and the page shows its general text.
import {existsSync} from "node:fs";
import {join} from "node:path";
import {pathToFileURL} from "node:url";
import {PROJECT_ROOT} from "../../data-loaders/lib/config.js";

const file = join(PROJECT_ROOT, "indicators", "compute.ts");
let sv: string | null = null;
if (existsSync(file)) {
  const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  if (typeof mod.TREND_METHOD_SV !== "string") throw new Error(`${file} exports no TREND_METHOD_SV string`);
  sv = mod.TREND_METHOD_SV;
} else process.stderr.write(`method.json: ${file} not found; the method page shows its general text\n`);
process.stdout.write(JSON.stringify({sv}));
