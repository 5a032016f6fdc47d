import { describe, expect, it } from 'vitest';
import { RateLimit } from './rate-limit';

describe('RateLimit', () => {
  it('allows a burst, then refuses until time has refilled it', () => {
    const limit = new RateLimit(5, 10, 0);
    const first = Array.from({ length: 15 }, () => limit.take(0));
    expect(first.filter(Boolean)).toHaveLength(10);
    expect(limit.take(100)).toBe(false); // 0.5 of a message refilled
    expect(limit.take(200)).toBe(true); // 1 message refilled
    expect(limit.take(200)).toBe(false);
  });

  it('holds 1,000 messages a second down to the average rate', () => {
    const limit = new RateLimit(5, 10, 0);
    let allowed = 0;
    for (let ms = 0; ms < 10_000; ms++) if (limit.take(ms)) allowed++;
    // 10 s at 5 a second, plus the initial burst.
    expect(allowed).toBeGreaterThanOrEqual(59);
    expect(allowed).toBeLessThanOrEqual(61);
  });

  it('never saves up more than its burst, and tolerates a clock that steps back', () => {
    const limit = new RateLimit(5, 3, 0);
    const later = Array.from({ length: 6 }, () => limit.take(60_000));
    expect(later.filter(Boolean)).toHaveLength(3);
    expect(limit.take(10)).toBe(false);
  });
});
