/**
 * Percentiles by the nearest-rank method: the result is always a value that was actually
 * observed, which keeps figures like "p95 input delay" honest for small samples.
 */

/** The p-th percentile (0..100) of `values` by nearest rank. Throws on an empty list. */
export function percentile(values: ArrayLike<number>, p: number): number {
  if (values.length === 0) throw new RangeError('percentile of an empty list');
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be within 0..100, got ${p}`);
  // A typed-array copy sorts numerically without a comparator and leaves the input untouched.
  const sorted = Float64Array.from(values).sort();
  return rankValue(sorted, p);
}

export interface Distribution {
  readonly count: number;
  readonly p50: number;
  readonly p95: number;
  readonly max: number;
}

/** Median, p95 and max in one sort. An empty list gives count 0 and zeros. */
export function summarizeDistribution(values: ArrayLike<number>): Distribution {
  if (values.length === 0) return { count: 0, p50: 0, p95: 0, max: 0 };
  const sorted = Float64Array.from(values).sort();
  return {
    count: sorted.length,
    p50: rankValue(sorted, 50),
    p95: rankValue(sorted, 95),
    max: sorted[sorted.length - 1] ?? 0,
  };
}

function rankValue(sorted: Float64Array, p: number): number {
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? Number.NaN;
}
