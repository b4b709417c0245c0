/** The pipeline's side-by-side stage branches: allOrErrors fails only after all have ended, with every error; the side branch reads nothing the main one writes. */
import {readFileSync} from "node:fs";
import {dirname, join, relative, resolve} from "node:path";
import {describe, expect, it} from "vitest";
import {PROJECT_ROOT} from "../../data-loaders/lib/config.js";
import {allOrErrors, CheckError, PipelineError} from "../../data-loaders/lib/errors.js";

/** A promise that settles when `release` is called: the order is set by the test, never by timers. */
function gate<T>() {
  let release!: (v: T) => void;
  const promise = new Promise<T>((ok) => (release = ok));
  return {promise, release};
}

describe("allOrErrors", () => {
  it("resolves when every branch does", async () => {
    await expect(allOrErrors([Promise.resolve(1), Promise.resolve("x")])).resolves.toBeUndefined();
  });

  it("waits for the slower branch before failing with the faster one's error as it is", async () => {
    const slow = gate<void>();
    let slowEnded = false;
    const err = new PipelineError({source: "areas", file: "x.csv"}, "bad row");
    const all = allOrErrors([Promise.reject(err), slow.promise.then(() => void (slowEnded = true))]);
    let settled = false;
    void all.catch(() => (settled = true));
    await Promise.resolve();
    await Promise.resolve();
    expect(settled).toBe(false);
    slow.release();
    await expect(all).rejects.toBe(err);
    expect(slowEnded).toBe(true);
  });

  it("merges failed checks of two branches into one CheckError", async () => {
    const e = await allOrErrors([Promise.reject(new CheckError(["a: 1"])), Promise.reject(new CheckError(["b: 2", "b: 3"]))]).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(CheckError);
    expect((e as CheckError).failures).toEqual(["a: 1", "b: 2", "b: 3"]);
  });

  it("lists every message when the errors are of different kinds", async () => {
    const first = new PipelineError({source: "kolada", url: "http://127.0.0.1/x"}, "timeout");
    const e = await allOrErrors([Promise.reject(first), Promise.reject(new CheckError(["peers: no rows"]))]).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(PipelineError);
    expect((e as Error).message).toContain("2 stage branches failed");
    expect((e as Error).message).toContain("[kolada] timeout");
    expect((e as Error).message).toContain("peers: no rows");
    expect((e as Error).cause).toBe(first);
  });
});

/** Project files reachable from `entries` by relative imports (.js specifiers are the .ts sources). */
function reachable(entries: string[]): string[] {
  const seen = new Set<string>();
  const todo = [...entries];
  while (todo.length) {
    const file = todo.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const m of readFileSync(file, "utf8").matchAll(/from "(\.{1,2}\/[^"]+)\.js"/g)) todo.push(resolve(dirname(file), `${m[1]}.ts`));
  }
  return [...seen].map((f) => relative(PROJECT_ROOT, f)).sort();
}

describe("the side branch (pipeline.ts)", () => {
  // It runs beside the indicator stage and its files: it must never read what that branch writes.
  it("reads no indicator mart or indicator temp table, in any module it reaches", () => {
    const files = reachable(
      ["indicators/omraden/compute.ts", "indicators/peers.ts", "data-loaders/publish/areas.ts", "data-loaders/publish/boundaries.ts", "data-loaders/publish/peers.ts"].map((f) => join(PROJECT_ROOT, f))
    );
    expect(files).toContain("indicators/omraden/sql.ts");
    const offenders = files.filter((f) => /mart_indicator_|mart_county_status|tmp_indicator_|tmp_publish_(indicators|tidy)/.test(readFileSync(join(PROJECT_ROOT, f), "utf8")));
    expect(offenders).toEqual([]);
  });
});
