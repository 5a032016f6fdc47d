import { z } from 'zod';
import { mandelbrot } from './mandelbrot';
import { primes } from './primes';
import type { Workload } from './workload';

/** A workload with its types erased, for code that handles any of them (runners, protocol). */
export type AnyWorkload = Workload<unknown, unknown, unknown, unknown>;

export const WORKLOAD_NAMES = ['mandelbrot', 'primes'] as const;
export type WorkloadName = (typeof WORKLOAD_NAMES)[number];
export const workloadName = z.enum(WORKLOAD_NAMES, {
  error: `workload must be one of: ${WORKLOAD_NAMES.join(', ')}`,
});

const REGISTRY: Record<WorkloadName, AnyWorkload> = {
  mandelbrot: mandelbrot as unknown as AnyWorkload,
  primes: primes as unknown as AnyWorkload,
};

export function getWorkload(name: WorkloadName): AnyWorkload {
  return REGISTRY[name];
}
