import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { defaultPoolSize } from './pool-size';

describe('defaultPoolSize', () => {
  it.each([
    [1, 1],
    [2, 2],
    [6, 6],
    [8, 8],
    [64, 8],
    [0, 1],
    [-3, 1],
    [2.7, 2],
    [Number.NaN, 1],
  ])('gives %d cores a pool of %d', (cores, size) => {
    expect(defaultPoolSize(cores)).toBe(size);
  });

  it('uses this machine’s cores by default', () => {
    expect(defaultPoolSize()).toBe(Math.min(8, Math.max(1, availableParallelism())));
  });
});
