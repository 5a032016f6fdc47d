import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { defaultPoolSize } from './pool-size';

/**
 * Properties, not the formula again: what any pool size must be, checked over every core count a
 * machine could report (and some it could not). pool-size.ts holds no core back for the main
 * thread: while the workers compute, the main thread only passes messages, so the speedup chart
 * can climb to the core count. The cap of 8 keeps start-up time and memory reasonable.
 */
const CAP = 8;
const CORE_COUNTS = Array.from({ length: 256 }, (_, i) => i + 1);
const NONSENSE = [0, -1, -3, 0.5, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];

describe('defaultPoolSize', () => {
  it('is a whole number of at least 1, for any input at all', () => {
    for (const cores of [...CORE_COUNTS, ...NONSENSE, 2.7, 8.9, 1e9]) {
      const size = defaultPoolSize(cores);
      expect(Number.isInteger(size), `${cores} cores`).toBe(true);
      expect(size, `${cores} cores`).toBeGreaterThanOrEqual(1);
    }
  });

  it('never starts more workers than there are cores, nor more than the cap', () => {
    for (const cores of [...CORE_COUNTS, 2.7, 8.9]) {
      expect(defaultPoolSize(cores), `${cores} cores`).toBeLessThanOrEqual(Math.min(cores, CAP));
    }
  });

  it('leaves no core idle below the cap: one more core is one more worker until it is reached', () => {
    for (const cores of CORE_COUNTS.slice(1)) {
      const grows = defaultPoolSize(cores) - defaultPoolSize(cores - 1);
      expect(grows, `${cores - 1} → ${cores} cores`).toBe(defaultPoolSize(cores - 1) < CAP ? 1 : 0);
    }
    expect(defaultPoolSize(1)).toBe(1);
    expect(Math.max(...CORE_COUNTS.map((cores) => defaultPoolSize(cores)))).toBe(CAP);
  });

  it('gives one worker for a core count that makes no sense', () => {
    for (const cores of NONSENSE) expect(defaultPoolSize(cores), `${cores} cores`).toBe(1);
  });

  it('counts only whole cores: a fraction of one runs no worker', () => {
    expect(defaultPoolSize(2.7)).toBe(defaultPoolSize(2));
    expect(defaultPoolSize(8.9)).toBe(defaultPoolSize(8));
  });

  it('sizes the pool for this machine’s cores by default', () => {
    expect(defaultPoolSize()).toBe(defaultPoolSize(availableParallelism()));
    expect(defaultPoolSize()).toBeLessThanOrEqual(availableParallelism());
  });
});
