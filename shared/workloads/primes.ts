import { z } from 'zod';
import { intInRange } from './ranges';
import type { Shard, SizedWorkload, WorkStep } from './workload';

export const primesParams = z.strictObject({
  /** Count the primes p with 2 ≤ p ≤ limit. */
  limit: intInRange('limit', 2, 100_000_000),
});
export type PrimesParams = z.output<typeof primesParams>;

export interface PrimesResult {
  readonly limit: number;
  readonly count: number;
}

/** Numbers are checked in blocks; one block is one slice of work between yields. */
export const PRIMES_BLOCK = 5_000;

/** Deliberately plain trial division: the point is honest CPU work, not the fastest sieve. */
export function isPrime(n: number): boolean {
  if (!Number.isInteger(n) || n < 2) return false;
  if (n % 2 === 0) return n === 2;
  for (let d = 3; d * d <= n; d += 2) {
    if (n % d === 0) return false;
  }
  return true;
}

function blocksOfShard(limit: number, shard: Shard): number[] {
  const blocks: number[] = [];
  const count = Math.ceil((limit + 1) / PRIMES_BLOCK);
  // Interleaved: later blocks cost more, so contiguous ranges would leave one worker last.
  for (let b = shard.index; b < count; b += shard.count) blocks.push(b);
  return blocks;
}

function* runPrimes(p: PrimesParams, shard: Shard): Generator<WorkStep<never>, number> {
  let found = 0;
  let done = 0;
  for (const block of blocksOfShard(p.limit, shard)) {
    const from = block * PRIMES_BLOCK;
    const to = Math.min(from + PRIMES_BLOCK - 1, p.limit);
    for (let n = from; n <= to; n++) if (isPrime(n)) found++;
    done += to - from + 1;
    yield { kind: 'progress', done };
  }
  return found;
}

export interface PrimesMeasured {
  /** Milliseconds to count the primes up to `probe`. */
  readonly probeMs: number;
  readonly probe: number;
}

const PROBE_LIMIT = 150_000;

/** Trial division up to n costs about n^1.5 / ln(n): each of ~n/ln(n) primes is tried by ~√n divisors. */
const primesCost = (limit: number) => limit ** 1.5 / Math.log(limit);

/** The limit whose cost is `goal`, by bisection on the monotone cost model (1,000 to 100,000,000). */
function limitOfCost(goal: number): number {
  let lo = 1_000;
  let hi = 100_000_000;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (primesCost(mid) < goal) lo = mid;
    else hi = mid;
  }
  return Math.round(lo);
}

export const primes: SizedWorkload<PrimesParams, never, number, PrimesResult, PrimesMeasured> = {
  name: 'primes',
  title: 'Prime counting',
  params: primesParams,
  chunk: z.never(),
  part: z.int().nonnegative(),
  total: (p, shard) =>
    blocksOfShard(p.limit, shard).reduce(
      (sum, b) => sum + Math.min(b * PRIMES_BLOCK + PRIMES_BLOCK - 1, p.limit) - b * PRIMES_BLOCK + 1,
      0,
    ),
  run: runPrimes,
  combine: (p, parts) => ({ limit: p.limit, count: parts.reduce((sum, n) => sum + n, 0) }),
  transferables: () => [],
  describe: (r) => `${r.count.toLocaleString('en-US')} primes up to ${r.limit.toLocaleString('en-US')}`,
  presets: {
    probe: { limit: PROBE_LIMIT },
    measure: (ms) => ({ probeMs: ms, probe: PROBE_LIMIT }),
    measured: z.object({ probeMs: z.number().positive().finite(), probe: z.int().positive() }),
    defaults: { probeMs: 30, probe: 300_000 },
    // Solve cost(limit) = cost(probe) · ms / probeMs.
    paramsFor: (ms, m) => ({ limit: limitOfCost((primesCost(m.probe) * ms) / m.probeMs) }),
    msFor: (p, m) => (primesCost(p.limit) * m.probeMs) / primesCost(m.probe),
  },
  view: 'text',
  describeParams: (p) => `primes up to ${p.limit.toLocaleString('en-US')}`,
};
