import type { ScenarioName } from '../lab/scenarios';
import type { WorkloadName } from '../workloads/registry';

/** A valid, small input for each lab scenario and workload: the fuzz tests break one thing in it. */
export const VALID_LAB_PARAMS: Readonly<Record<ScenarioName, Record<string, unknown>>> = {
  race: { mode: 'atomic' },
  bank: { locked: true },
  deadlock: { variant: 'ordered' },
  event: {},
  'thread-local': {},
};

export const VALID_WORKLOAD_PARAMS: Readonly<Record<WorkloadName, Record<string, unknown>>> = {
  primes: { limit: 1000 },
  hashing: { mebibytes: 1, blockKiB: 256, seed: 1 },
  mandelbrot: { width: 64, height: 64, maxIterations: 50, centerRe: 0, centerIm: 0, span: 3 },
  'tiny-tasks': { tasks: 10, iterations: 10 },
  download: { files: [{ id: 1, name: 'a.bin', size: 1024 }], bandwidth: 1024 * 1024, concurrency: 1 },
};
