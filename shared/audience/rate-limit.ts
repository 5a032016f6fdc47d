/**
 * A token bucket per connection: `perSecond` messages a second on average, up to `burst` at
 * once. Pure: the caller passes its clock (milliseconds), so tests drive time themselves.
 */
export class RateLimit {
  private tokens: number;
  private lastMs: number;

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    nowMs: number,
  ) {
    this.tokens = burst;
    this.lastMs = nowMs;
  }

  /** True if a message arriving now may be handled; false if it is over the limit. */
  take(nowMs: number): boolean {
    const elapsed = Math.max(0, nowMs - this.lastMs);
    this.lastMs = nowMs;
    this.tokens = Math.min(this.burst, this.tokens + (elapsed / 1000) * this.perSecond);
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
