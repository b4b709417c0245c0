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
  /**
   * Resolves once at least `n` logged lines match: the simulator logs after it answered, so a line can arrive
   * after the client got its response (tests wait for what they expect instead of reading the log at once).
   */
  waitForLog(match: (line: string) => boolean, n: number, timeoutMs?: number): Promise<void>;
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
  const waiters = new Set<() => void>();
  createInterface({input: child.stderr!}).on("line", (l) => {
    log.push(l);
    for (const w of waiters) w();
  });
  const waitForLog = (match: (line: string) => boolean, n: number, timeoutMs = 30_000) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (log.filter(match).length < n) return;
        waiters.delete(check);
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`api-sim logged ${log.filter(match).length} matching line(s) within ${timeoutMs} ms, expected ${n}`));
      }, timeoutMs);
      waiters.add(check);
      check();
    });
  const first = await new Promise<string>((resolve, reject) => {
    const rl = createInterface({input: child.stdout!});
    rl.once("line", resolve);
    child.once("exit", (code) => reject(new Error(`api-sim exited with ${code} before it started:\n${log.join("\n")}`)));
  });
  const info = JSON.parse(first) as {url: string; kolada: string; scb: string};
  return {
    ...info,
    log,
    waitForLog,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      await once(child, "exit");
    }
  };
}
