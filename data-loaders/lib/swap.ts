/**
 * Make a run's outputs live in one undoable step. Every output (the warehouse, the published directory,
 * last-run.json) is first built completely beside its live copy; then a journal listing the renames is
 * written, the live copies are renamed aside, the new ones into place, and the result is verified. If any
 * step fails, the completed renames are undone in reverse order, so the live files are exactly as before.
 * A crash in the middle leaves the journal, and the next run (under the lock) undoes it the same way.
 */
import {existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync} from "node:fs";
import {basename, dirname, join} from "node:path";
import {z} from "zod";

/** One output: the freshly built copy and where it goes live. */
export interface SwapItem {
  fresh: string;
  live: string;
}

const Step = z.object({from: z.string(), to: z.string()});
const Journal = z.object({pid: z.number(), started_at: z.string(), steps: z.array(Step), backups: z.array(z.string())});
type Journal = z.infer<typeof Journal>;

/** Path of the swap journal of a data directory. */
export function journalPath(dataDir: string): string {
  return join(dataDir, "swap-journal.json");
}

/** Names, sizes and (for files) mtimes under a path: what a rename must preserve. */
function manifest(path: string): string {
  const st = statSync(path);
  if (!st.isDirectory()) return `${st.size}:${st.mtimeMs}`;
  const entries = readdirSync(path, {recursive: true, withFileTypes: true})
    .filter((e) => e.isFile())
    .map((e) => {
      const f = join(e.parentPath, e.name);
      return `${f.slice(path.length)}:${statSync(f).size}`;
    })
    .sort();
  return entries.join("\n");
}

/** Test hook: called before each rename of the swap (a test throws here to simulate a full disk). */
export type SwapHook = (step: {from: string; to: string; index: number}) => void;

/**
 * Swap every fresh copy into place, or none. The old copies are kept (as `<live>.<pid>.old`) until
 * `done()` removes them, after the caller has recorded success.
 */
export function swapInto(dataDir: string, items: readonly SwapItem[], hook?: SwapHook): {done: () => void} {
  const steps: {from: string; to: string}[] = [];
  const backups: string[] = [];
  for (const it of items) {
    if (!existsSync(it.fresh)) throw new Error(`swap: ${it.fresh} was not built`);
    if (existsSync(it.live)) {
      const old = `${it.live}.${process.pid}.old`;
      rmSync(old, {recursive: true, force: true});
      steps.push({from: it.live, to: old});
      backups.push(old);
    }
  }
  for (const it of items) steps.push({from: it.fresh, to: it.live});
  const expected = items.map((it) => manifest(it.fresh));
  const journal: Journal = {pid: process.pid, started_at: new Date().toISOString(), steps, backups};
  const jf = journalPath(dataDir);
  writeFileSync(`${jf}.new`, JSON.stringify(journal, null, 2));
  renameSync(`${jf}.new`, jf);
  try {
    steps.forEach((s, index) => {
      hook?.({...s, index});
      renameSync(s.from, s.to);
    });
    items.forEach((it, i) => {
      if (manifest(it.live) !== expected[i]) throw new Error(`swap: ${it.live} does not hold what was built after the rename`);
    });
  } catch (e) {
    undo(journal);
    rmSync(jf, {force: true});
    throw e;
  }
  // From here on the new outputs are live: the journal goes, the backups follow once the run is recorded.
  rmSync(jf, {force: true});
  return {
    done: () => {
      for (const b of backups) rmSync(b, {recursive: true, force: true});
    }
  };
}

/** Undo the completed renames of a journal, last first (each rename is atomic, so each is either done or not). */
function undo(journal: Journal): void {
  for (const s of [...journal.steps].reverse()) {
    if (existsSync(s.to) && !existsSync(s.from)) renameSync(s.to, s.from);
  }
}

/** After a crash: undo a swap that a dead run left half done. Returns true when there was one. */
export function recoverSwap(dataDir: string): boolean {
  const jf = journalPath(dataDir);
  if (!existsSync(jf)) return false;
  const journal = Journal.parse(JSON.parse(readFileSync(jf, "utf8")));
  undo(journal);
  rmSync(jf, {force: true});
  return true;
}

/**
 * Remove what crashed runs left beside `live`: `<live>.<pid>[.<ts>].tmp`, `.wal`, `.old` and `.new` copies.
 * Called under the lock, so none of them belongs to a running process. Returns the removed paths.
 */
export function removeLeftovers(live: string): string[] {
  const dir = dirname(live);
  if (!existsSync(dir)) return [];
  const base = basename(live);
  const leftover = new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\.\\d+(\\.\\d+)?\\.(tmp|old|new)(\\.wal)?$`);
  const removed: string[] = [];
  for (const name of readdirSync(dir)) {
    if (!leftover.test(name)) continue;
    rmSync(join(dir, name), {recursive: true, force: true});
    removed.push(join(dir, name));
  }
  return removed;
}
