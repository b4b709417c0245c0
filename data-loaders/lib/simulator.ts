/** Start ../shared/tools/api-sim on a free loopback port (tests, demo, bench), and stop it afterwards. */
import {spawn, type ChildProcess} from "node:child_process";
import {once} from "node:events";
import {createInterface} from "node:readline";
import {join} from "node:path";
import {PROJECT_ROOT} from "./config.js";

export const SIM_SCRIPT = join(PROJECT_ROOT, "..", "shared", "tools", "api-sim", "server.mjs");

export interface SimOptions {
  scope?: "county" | "sweden";
  faults?: string;
  seed?: number;
  maxCells?: number;
  /** "CALLS/SECONDS" or "0" to disable. */
  scbRate?: string;
}

export interface Sim {
  url: string;
  kolada: string;
  scb: string;
  /** Lines the simulator logged on stderr (one per request). */
  log: string[];
  stop(): Promise<void>;
}

/** Start the simulator; resolves once it printed its URLs. */
export async function startSim(opts: SimOptions = {}): Promise<Sim> {
  const args = [SIM_SCRIPT, "--port", "0", "--scope", opts.scope ?? "county"];
  if (opts.faults) args.push("--faults", opts.faults);
  if (opts.seed !== undefined) args.push("--seed", String(opts.seed));
  if (opts.maxCells !== undefined) args.push("--max-cells", String(opts.maxCells));
  if (opts.scbRate !== undefined) args.push("--scb-rate", opts.scbRate);
  const child: ChildProcess = spawn(process.execPath, args, {stdio: ["ignore", "pipe", "pipe"]});
  const log: string[] = [];
  createInterface({input: child.stderr!}).on("line", (l) => log.push(l));
  const first = await new Promise<string>((resolve, reject) => {
    const rl = createInterface({input: child.stdout!});
    rl.once("line", resolve);
    child.once("exit", (code) => reject(new Error(`api-sim exited with ${code} before it started:\n${log.join("\n")}`)));
  });
  const info = JSON.parse(first) as {url: string; kolada: string; scb: string};
  return {
    ...info,
    log,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      await once(child, "exit");
    }
  };
}
