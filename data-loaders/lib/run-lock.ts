/**
 * One pipeline run per data directory: a lock file holding the holder's pid, host and start time,
 * created with O_EXCL. A lock whose pid no longer runs (a crashed or killed run) is stale and taken over.
 */
import {hostname} from "node:os";
import {statSync, openSync, readFileSync, renameSync, rmSync, writeSync, closeSync, existsSync, mkdirSync} from "node:fs";
import {join} from "node:path";

export interface LockInfo {
  pid: number;
  host: string;
  started_at: string;
  command: string;
}

/** A second run on the same data directory while the first is alive. */
export class LockedError extends Error {
  constructor(
    readonly lockFile: string,
    readonly holder: LockInfo
  ) {
    super(
      `another pipeline run holds ${lockFile} (pid ${holder.pid} on ${holder.host}, started ${holder.started_at}, command ${holder.command}): ` +
        `wait for it to finish; if that process is gone the lock is taken over automatically`
    );
    this.name = "LockedError";
  }
}

export interface RunLock {
  file: string;
  /** The stale lock this run took over, if any (for the report). */
  tookOver: LockInfo | null;
  release(): void;
}

/** Path of the lock file of a data directory. */
export function lockPath(dataDir: string): string {
  return join(dataDir, "pipeline.lock");
}

/** True when a process with this pid exists (EPERM: it exists but is not ours). */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readLock(file: string): LockInfo | null {
  try {
    const v = JSON.parse(readFileSync(file, "utf8")) as Partial<LockInfo>;
    return typeof v.pid === "number" && Number.isInteger(v.pid) && v.pid > 0
      ? {pid: v.pid, host: String(v.host ?? "?"), started_at: String(v.started_at ?? "?"), command: String(v.command ?? "?")}
      : null;
  } catch {
    // Unreadable or half-written (a crash while creating it): no live holder can be named, so it is stale.
    return null;
  }
}

/** Take the lock or throw LockedError naming the holder; a stale lock (dead pid on this host, or unreadable) is taken over. */
export function acquireLock(dataDir: string, command: string): RunLock {
  mkdirSync(dataDir, {recursive: true});
  const file = lockPath(dataDir);
  const me: LockInfo = {pid: process.pid, host: hostname(), started_at: new Date().toISOString(), command};
  let tookOver: LockInfo | null = null;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, "wx");
      writeSync(fd, JSON.stringify(me));
      closeSync(fd);
      let released = false;
      return {
        file,
        tookOver,
        release: () => {
          if (released) return;
          released = true;
          // Only remove our own lock (never one a later run took over).
          if (readLock(file)?.pid === me.pid) rmSync(file, {force: true});
        }
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    }
    const holder = readLock(file);
    if (holder && (holder.host !== me.host || pidAlive(holder.pid))) throw new LockedError(file, holder);
    // An unreadable lock younger than a few seconds may be one being written right now.
    if (!holder && Date.now() - statSync(file, {throwIfNoEntry: false})!.mtimeMs < 5_000) {
      throw new LockedError(file, {pid: 0, host: "?", started_at: "just now", command: "lock being created"});
    }
    // Stale: move it aside atomically (only one contender wins the rename), then retry the exclusive create.
    tookOver = holder ?? {pid: 0, host: "?", started_at: "?", command: "unreadable lock file"};
    const aside = `${file}.stale-${process.pid}`;
    try {
      renameSync(file, aside);
      rmSync(aside, {force: true});
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
    }
  }
  const holder = existsSync(file) ? readLock(file) : null;
  throw new LockedError(file, holder ?? {pid: 0, host: "?", started_at: "?", command: "?"});
}
