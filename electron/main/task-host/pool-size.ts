import { availableParallelism } from 'node:os';

/**
 * Workers per pool: one per core the OS gives us, at least 1 and at most 8 (beyond that a
 * teaching demo gains nothing but start-up time and memory).
 */
export function defaultPoolSize(cores: number = availableParallelism()): number {
  if (!Number.isFinite(cores)) return 1;
  return Math.min(8, Math.max(1, Math.floor(cores)));
}
