import type {Page, Request} from "playwright-core";

/** Tracks a page's requests in flight from the moment it is called (call before `goto`). */
export function trackRequests(page: Page): Set<Request> {
  const inflight = new Set<Request>();
  page.on("request", (r) => inflight.add(r));
  page.on("requestfinished", (r) => inflight.delete(r));
  page.on("requestfailed", (r) => inflight.delete(r));
  return inflight;
}

/**
 * Waits until the page has settled: no request in flight and the main column's DOM unchanged over `frames`
 * consecutive animation frames. Observable's runtime recomputes cells in animation frames, so a page that keeps this
 * still for several frames with nothing loading has rendered. A condition, not a sleep: a busy machine only waits longer.
 */
export async function settle(page: Page, inflight: Set<Request>, frames = 6, timeout = 60_000): Promise<void> {
  for (let round = 0; round < 20; round++) {
    await page.evaluate(() => delete (window as unknown as {__settle?: unknown}).__settle);
    await page.waitForFunction((n) => {
      const w = window as unknown as {__settle?: {sig: string; same: number}};
      const main = document.querySelector("main");
      const sig = `${main?.querySelectorAll("*").length}:${main?.textContent?.length}:${document.querySelectorAll("observablehq-loading").length}`;
      if (w.__settle?.sig !== sig) {
        w.__settle = {sig, same: 0};
        return false;
      }
      return ++w.__settle.same >= n;
    }, frames, {polling: "raf", timeout});
    if (inflight.size === 0) return;
    // A request still open: wait for each to end (a failed one gives no response), then check the DOM again.
    await Promise.all([...inflight].map(async (r) => (await r.response())?.finished()));
  }
  throw new Error(`${page.url()}: did not settle (requests still in flight: ${[...inflight].map((r) => r.url()).join(", ")})`);
}
