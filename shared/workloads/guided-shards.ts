import type { Shard } from './workload';

/** Batches of shares: half the work, a quarter, an eighth, a sixteenth, and the last sixteenth. */
export const GUIDED_BATCHES = 5;

/**
 * Shares for `workers` workers that take the next one when they finish, largest first: half the
 * work in `workers` shares, then a quarter, an eighth, …, and a last batch as large as the one
 * before it. With two shares of one half each, a worker whose core the page's thread shares, or
 * whose tiles cost more, finishes last while the other idles (the tail); here it simply takes fewer
 * of the small shares at the end, so the tail is at most one of those (measured and modelled in
 * ARCHITECTURE.md, "Web Worker shares").
 *
 * No new kind of share is needed: every workload's share `{ index, count }` is every count-th unit
 * from unit `index`, so share (i, n) is exactly shares (i, 2n) and (i + n, 2n) together. Each batch
 * halves the count's step and takes half of the units still left: the shares partition the work.
 */
export function guidedShards(workers: number, batches: number = GUIDED_BATCHES): Shard[] {
  const w = Math.max(1, Math.floor(workers));
  if (w === 1 || batches <= 1) return Array.from({ length: w }, (_, index) => ({ index, count: w }));
  const shards: Shard[] = [];
  const batch = (first: number, count: number) => {
    for (let j = 0; j < w; j++) shards.push({ index: first + j, count });
  };
  // Units 0 … w−1 of every 2w: half the work. What is left are units w … 2w−1 of every 2w.
  let count = 2 * w;
  batch(0, count);
  for (let b = 2; b < batches; b++) {
    // What is left, the last w of every count/2 units, is the last w of each half of every count:
    // the first half's are this batch, the second half's are left for the next.
    count *= 2;
    batch(count / 2 - w, count);
  }
  batch(count - w, count);
  return shards;
}
