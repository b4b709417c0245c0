/** allOrErrors: the pipeline's side-by-side stage branches fail only after all have ended, with every error. */
import {describe, expect, it} from "vitest";
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
