/** `npm run pipeline -- [fetch|stage|all] [--scope county|sweden] [--offline] [--refresh] [--only <dataset>]` */
import {parseCli} from "./cli-args.js";
import {runPipeline} from "./pipeline.js";

async function main(): Promise<void> {
  const opts = parseCli(process.argv.slice(2));
  if (!opts) {
    process.exitCode = 2;
    return;
  }
  try {
    await runPipeline({...opts, handleSignals: true});
  } catch (e) {
    process.stderr.write(`\npipeline failed: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  }
}

await main();
