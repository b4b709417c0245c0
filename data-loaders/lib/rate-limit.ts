/** Per-host rate limiter: at most `calls` requests in any window of `windowMs` (sliding log). */
import {setTimeout as sleep} from "node:timers/promises";

export class RateLimiter {
  private readonly stamps: number[] = [];
  private chain: Promise<void> = Promise.resolve();

  /** A margin keeps us clear of a server whose fixed window started slightly before ours. */
  constructor(
    readonly calls: number,
    readonly windowMs: number,
    private readonly marginMs = 250
  ) {
    if (!(calls > 0) || !(windowMs > 0)) throw new Error(`invalid rate limit ${calls}/${windowMs}ms`);
  }

  /** Wait until one more call is allowed, then record it. Calls are served in order. */
  acquire(): Promise<void> {
    const next = this.chain.then(() => this.take());
    // Keep the chain alive even if a waiter is abandoned; take() itself never rejects.
    this.chain = next;
    return next;
  }

  private async take(): Promise<void> {
    for (;;) {
      const now = Date.now();
      while (this.stamps.length && this.stamps[0]! <= now - this.windowMs - this.marginMs) this.stamps.shift();
      if (this.stamps.length < this.calls) {
        this.stamps.push(now);
        return;
      }
      await sleep(this.stamps[0]! + this.windowMs + this.marginMs - now + 1);
    }
  }
}
