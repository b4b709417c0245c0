/** Logging to stderr only (stdout is reserved for Framework loaders' file output). */
import cliProgress from "cli-progress";

let quiet = process.env.PIPELINE_QUIET === "1";

/** Silence info logs (tests). */
export function setQuiet(q: boolean): void {
  quiet = q;
}

/** One log line on stderr. */
export function log(message: string): void {
  if (!quiet) process.stderr.write(`${message}\n`);
}

/** Warnings are always printed. */
export function warn(message: string): void {
  process.stderr.write(`warning: ${message}\n`);
}

export interface Progress {
  tick(label?: string): void;
  addTotal(n: number): void;
  stop(): void;
}

/** A progress bar on a TTY, plain log lines otherwise. */
export function progress(title: string, total: number): Progress {
  if (!quiet && process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      {format: `${title} [{bar}] {value}/{total} {label}`, stream: process.stderr, hideCursor: true},
      cliProgress.Presets.shades_classic
    );
    let t = total;
    bar.start(t, 0, {label: ""});
    return {
      tick: (label = "") => bar.increment(1, {label}),
      addTotal: (n) => {
        t += n;
        bar.setTotal(t);
      },
      stop: () => bar.stop()
    };
  }
  let done = 0;
  let t = total;
  return {
    tick: (label = "") => {
      done++;
      log(`${title} ${done}/${t} ${label}`);
    },
    addTotal: (n) => {
      t += n;
    },
    stop: () => undefined
  };
}
