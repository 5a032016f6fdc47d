import type { Shard } from './workload';

/**
 * Batches of shares: half the work, a quarter, …, a 64th, and the last 64th (each worker's last share
 * is 1/128 of the work, ≈ 16 ms of a ≈ 2 s run). Measured on 2 cores, quiet (web-worker-profile.ts,
 * three runs each): 5 batches left one worker idle 100–113 ms at the end in most runs (its last
 * share, 1/32, ≈ 60 ms of work at a shared core's pace), wall 1371–1438 ms; 7 batches 1–31 ms,
 * wall 1327–1417 ms, for 4 more hand-offs (each ≈ 1–3 ms between jobs).
 */
export const GUIDED_BATCHES = 7;

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
