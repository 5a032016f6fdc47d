import { describe, it, expect } from 'vitest';
import { paramsRejection } from '../testing/params-rejection';
import { parseParams } from './params-error';
import { PRIMES_BLOCK, isPrime, primes, primesParams, type PrimesParams } from './primes';
import { WHOLE, type Shard } from './workload';

/** Runs one shard to completion, recording every progress step. */
function runShard(p: PrimesParams, shard: Shard): { part: number; progress: number[] } {
  const progress: number[] = [];
  const work = primes.run(p, shard);
  for (let step = work.next(); ; step = work.next()) {
    if (step.done) return { part: step.value, progress };
    if (step.value.kind !== 'progress') throw new Error(`unexpected ${step.value.kind} step`);
    progress.push(step.value.done);
  }
}

function countSplit(limit: number, count: number): number {
  const parts = Array.from({ length: count }, (_, index) => runShard({ limit }, { index, count }).part);
  return primes.combine({ limit }, parts).count;
}

const rejection = (input: unknown) => paramsRejection(primesParams, input, primes.title);

describe('isPrime', () => {
  it.each([-7, -2, -1, 0, 1])('rejects %d (below 2)', (n) => expect(isPrime(n)).toBe(false));
  it.each([Number.NaN, 2.5, 7.5, Number.POSITIVE_INFINITY])('rejects %d (not a whole number)', (n) =>
    expect(isPrime(n)).toBe(false),
  );

  it.each([2, 3, 5, 7, 97, 7919, 999_983, 1_000_003, 2_147_483_647])('accepts the prime %d', (n) => {
    expect(isPrime(n)).toBe(true);
  });

  it.each([4, 6, 9, 15, 25, 49, 121, 7917, 999_981, 1_000_001, 2_147_483_649])('rejects the composite %d', (n) => {
    expect(isPrime(n)).toBe(false);
  });

  it('rejects squares of primes, where the divisor loop ends exactly at √n', () => {
    for (const p of [3, 5, 7, 11, 13, 997, 7919]) expect(isPrime(p * p)).toBe(false);
  });

  it('finds the 25 primes below 100', () => {
    const found = Array.from({ length: 100 }, (_, n) => n).filter(isPrime);
    expect(found).toEqual([
      2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97,
    ]);
  });
});

describe('primes workload', () => {
  it('counts exactly 78,498 primes up to 1,000,000 as one shard', () => {
    const { part } = runShard({ limit: 1_000_000 }, WHOLE);
    expect(primes.combine({ limit: 1_000_000 }, [part])).toEqual({ limit: 1_000_000, count: 78_498 });
  });

  it.each([2, 3])('gives the same 78,498 when split into %d shards', (count) => {
    expect(countSplit(1_000_000, count)).toBe(78_498);
  });

  it.each([
    [2, 1],
    [3, 2],
    [10, 4],
    [100, 25],
    [PRIMES_BLOCK - 1, 669],
    [PRIMES_BLOCK, 669],
    [PRIMES_BLOCK + 3, 670], // 5003 is prime: the one-number last block counts
    [100_000, 9_592],
  ])('counts primes up to %d as %d, with any number of shards', (limit, expected) => {
    for (const count of [1, 2, 3, 7]) expect(countSplit(limit, count)).toBe(expected);
  });

  it('reports progress that climbs to exactly total() for every shard', () => {
    const limit = 123_457;
    for (const count of [1, 2, 3, 5]) {
      let sum = 0;
      for (let index = 0; index < count; index++) {
        const shard = { index, count };
        const { progress } = runShard({ limit }, shard);
        const total = primes.total({ limit }, shard);
        expect(progress.length).toBeGreaterThan(0);
        for (let i = 1; i < progress.length; i++) expect(progress[i]).toBeGreaterThan(progress[i - 1] ?? Infinity);
        expect(progress.at(-1)).toBe(total);
        sum += total;
      }
      // Every number from 0 to limit belongs to exactly one shard.
      expect(sum).toBe(limit + 1);
    }
  });

  it('gives an empty shard when there are more shards than blocks', () => {
    const shard = { index: 3, count: 4 };
    expect(primes.total({ limit: 10 }, shard)).toBe(0);
    expect(runShard({ limit: 10 }, shard)).toEqual({ part: 0, progress: [] });
  });

  it('describes its result in words', () => {
    expect(primes.describe({ limit: 1_000_000, count: 78_498 })).toBe('78,498 primes up to 1,000,000');
  });
});

describe('primes parameters', () => {
  it('accepts the ends of the range', () => {
    expect(parseParams(primesParams, { limit: 2 }, primes.title)).toEqual({ limit: 2 });
    expect(parseParams(primesParams, { limit: 100_000_000 }, primes.title)).toEqual({ limit: 100_000_000 });
  });

  it.each([
    ['limit 1', { limit: 1 }],
    ['limit 0', { limit: 0 }],
    ['a negative limit', { limit: -5 }],
    ['a limit above the maximum', { limit: 100_000_001 }],
    ['a fractional limit', { limit: 10.5 }],
    ['NaN', { limit: Number.NaN }],
    ['Infinity', { limit: Number.POSITIVE_INFINITY }],
    ['a string', { limit: '1000' }],
    ['null', { limit: null }],
    ['a missing limit', {}],
  ])('rejects %s, naming the allowed range', (_, input) => {
    const error = rejection(input);
    expect(error.name).toBe('ParamsError');
    expect(error.message).toContain('Invalid Prime counting parameters');
    expect(error.message).toContain('limit must be a whole number from 2 to 100,000,000');
  });

  it('rejects unknown keys by name', () => {
    expect(rejection({ limit: 10, limitt: 10 }).message).toMatch(/Unrecognized key.*"limitt"/);
  });

  it.each([null, undefined, 42, 'limit=10', [10]])('rejects %j, which is not an object', (input) => {
    expect(rejection(input).message).toMatch(/expected object/);
  });
});
