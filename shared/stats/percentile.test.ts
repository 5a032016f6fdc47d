import { describe, expect, it } from 'vitest';
import { percentile, summarizeDistribution } from './percentile';

describe('percentile', () => {
  it('uses the nearest rank, so the result is an observed value', () => {
    const values = [15, 20, 35, 40, 50];
    expect(percentile(values, 30)).toBe(20);
    expect(percentile(values, 40)).toBe(20);
    expect(percentile(values, 50)).toBe(35);
    expect(percentile(values, 100)).toBe(50);
  });

  it('gives the minimum at p0 and handles a single value', () => {
    expect(percentile([9, 3, 7], 0)).toBe(3);
    expect(percentile([42], 95)).toBe(42);
  });

  it('sorts numerically, not as strings, and does not reorder the input', () => {
    const values = [100, 9, 20];
    expect(percentile(values, 100)).toBe(100);
    expect(percentile(values, 1)).toBe(9);
    expect(values).toEqual([100, 9, 20]);
  });

  it('p95 of 1..100 is 95 and p95 of 1..20 is 19', () => {
    const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(hundred, 95)).toBe(95);
    expect(percentile(hundred.slice(0, 20), 95)).toBe(19);
  });

  it('accepts typed arrays', () => {
    expect(percentile(new Float64Array([3, 1, 2]), 50)).toBe(2);
  });

  it('rejects an empty list and out-of-range p', () => {
    expect(() => percentile([], 50)).toThrow(RangeError);
    expect(() => percentile([1], -1)).toThrow(RangeError);
    expect(() => percentile([1], 101)).toThrow(RangeError);
    expect(() => percentile([1], Number.NaN)).toThrow(RangeError);
  });
});

describe('summarizeDistribution', () => {
  it('reports count, p50, p95 and max', () => {
    const values = Array.from({ length: 20 }, (_, i) => (i + 1) * 10);
    expect(summarizeDistribution(values)).toEqual({ count: 20, p50: 100, p95: 190, max: 200 });
  });

  it('gives zeros with count 0 for no values', () => {
    expect(summarizeDistribution([])).toEqual({ count: 0, p50: 0, p95: 0, max: 0 });
  });
});
