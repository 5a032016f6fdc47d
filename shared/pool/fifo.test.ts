import { describe, expect, it } from 'vitest';
import { Fifo } from './fifo';

/** Milliseconds for `work` (the best of three, so a moment of contention does not count). */
function timed(work: () => void): number {
  let best = Infinity;
  for (let round = 0; round < 3; round++) {
    const t = performance.now();
    work();
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

const items = (n: number) => Array.from({ length: n }, (_, i) => ({ i }));

describe('Fifo', () => {
  it('hands items out oldest first, skipping removed ones, and empties in order', () => {
    const q = new Fifo<string>();
    for (const x of ['a', 'b', 'c', 'd']) q.push(x);
    expect(q.delete('b')).toBe(true);
    expect(q.delete('b')).toBe(false);
    expect(q.shift()).toBe('a');
    expect(q.size).toBe(2);
    q.push('e');
    expect(q.clear()).toEqual(['c', 'd', 'e']);
    expect(q.shift()).toBeUndefined();
    expect(q.size).toBe(0);
  });

  it('drains from the front, and removes from anywhere, in linear time', () => {
    const drain = (n: number) => {
      const q = new Fifo<{ i: number }>();
      for (const item of items(n)) q.push(item);
      while (q.shift() !== undefined);
    };
    const removeNewestFirst = (n: number) => {
      const q = new Fifo<{ i: number }>();
      const all = items(n);
      for (const item of all) q.push(item);
      for (let i = all.length - 1; i >= 0; i--) q.delete(all[i] as { i: number });
    };
    for (const work of [drain, removeNewestFirst]) {
      work(10_000); // warm the JIT
      const small = timed(() => work(50_000));
      const large = timed(() => work(400_000));
      // 8× the items: about 8× the time when linear, 64× when quadratic (a Set's front: 11 s for 200k).
      expect(large).toBeLessThan(3_000);
      expect(large / Math.max(small, 1)).toBeLessThan(32);
    }
  });
});
