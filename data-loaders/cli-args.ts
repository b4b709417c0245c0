/** Command-line arguments of `npm run pipeline`: parsed here so tests can check them without running anything. */
import {parseArgs} from "node:util";
import {parseRate} from "./lib/config.js";
import type {Command, RunOptions} from "./pipeline.js";

export const USAGE = `usage: npm run pipeline -- [fetch|stage|all] [--scope county|sweden] [--offline] [--refresh] [--only <dataset>]... [--scb-rate 3/1] [--accept-coverage-drop]

  fetch      fetch every source into the raw layer (data/raw/), validated
  stage      build the warehouse from the raw layer (never touches the network)
  all        fetch, stage, compute the indicators and publish the site's files (default)

  --scope    county (default): Jönköping county, its 13 municipalities and Sweden;
             sweden: all 290 municipalities and 21 regions
  --offline  never touch the network; fail naming any raw file that is missing
  --refresh  fetch again even where a raw copy exists
  --only     (re)fetch only this source: kolada, scb, scb:<table_key> or geodata; repeatable
  --scb-rate at most CALLS per SECONDS to SCB, e.g. 3/1 (SCB's /config); the stricter of this and /config applies
  --accept-coverage-drop  publish although a series lost areas or years since the last run (recorded in the report)

  Base URLs: KOLADA_BASE_URL, SCB_BASE_URL, SCB_GEODATA_URL (defaults: the real public APIs).
  BOUNDARIES_SOURCE=reference takes the DeSO 2025 snapshot in the reference directory instead of the WFS.`;

const COMMANDS: readonly Command[] = ["fetch", "stage", "all"];

/** Parse argv; returns null (after printing usage) when the arguments are bad. */
export function parseCli(argv: string[]): RunOptions | null {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        scope: {type: "string", default: "county"},
        offline: {type: "boolean", default: false},
        refresh: {type: "boolean", default: false},
        only: {type: "string", multiple: true, default: []},
        "scb-rate": {type: "string"},
        "accept-coverage-drop": {type: "boolean", default: false},
        help: {type: "boolean", short: "h", default: false}
      }
    });
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n\n${USAGE}\n`);
    return null;
  }
  const {values, positionals} = parsed;
  const problems: string[] = [];
  if (values.help) problems.push("");
  if (positionals.length > 1) problems.push(`one command expected, got: ${positionals.join(" ")}`);
  const command = (positionals[0] ?? "all") as Command;
  if (!COMMANDS.includes(command)) problems.push(`unknown command: ${command}`);
  if (values.scope !== "county" && values.scope !== "sweden") problems.push(`--scope must be county or sweden, got: ${values.scope}`);
  for (const o of values.only) if (!/^(kolada|scb|scb:[a-z0-9_]+|geodata)$/.test(o)) problems.push(`--only: unknown dataset ${o}`);
  const scbRate = values["scb-rate"] === undefined ? undefined : parseRate(values["scb-rate"]);
  if (values["scb-rate"] !== undefined && !scbRate) problems.push(`--scb-rate must be CALLS/SECONDS such as 3/1, got: ${values["scb-rate"]}`);
  if (values.offline && values.refresh) problems.push("--offline and --refresh exclude each other");
  if (problems.length) {
    process.stderr.write(`${problems.filter(Boolean).join("\n")}${problems.some(Boolean) ? "\n\n" : ""}${USAGE}\n`);
    return null;
  }
  return {
    command,
    scope: values.scope as "county" | "sweden",
    offline: values.offline,
    refresh: values.refresh,
    only: values.only,
    ...(scbRate ? {scbRate} : {}),
    ...(values["accept-coverage-drop"] ? {acceptCoverageDrop: true} : {})
  };
}

