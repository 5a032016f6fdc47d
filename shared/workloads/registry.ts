import { z } from 'zod';
import { download } from './download/download';
import { mandelbrot } from './mandelbrot';
import { primes } from './primes';
import { tinyTasks } from './tiny-tasks';
import type { Workload } from './workload';

/** A workload with its types erased, for code that handles any of them (runners, protocol). */
export type AnyWorkload = Workload<unknown, unknown, unknown, unknown>;

export const WORKLOAD_NAMES = ['mandelbrot', 'primes', 'tiny-tasks', 'download'] as const;
export type WorkloadName = (typeof WORKLOAD_NAMES)[number];
export const workloadName = z.enum(WORKLOAD_NAMES, {
  error: `workload must be one of: ${WORKLOAD_NAMES.join(', ')}`,
});

/** The workloads the Playground offers (sized in seconds by presets); the others serve one lesson each. */
export const PLAYGROUND_WORKLOADS = ['mandelbrot', 'primes'] as const satisfies readonly WorkloadName[];
export type PlaygroundWorkload = (typeof PLAYGROUND_WORKLOADS)[number];

const REGISTRY: Record<WorkloadName, AnyWorkload> = {
  mandelbrot: mandelbrot as unknown as AnyWorkload,
  primes: primes as unknown as AnyWorkload,
  'tiny-tasks': tinyTasks as unknown as AnyWorkload,
  download: download as unknown as AnyWorkload,
};

export function getWorkload(name: WorkloadName): AnyWorkload {
  return REGISTRY[name];
}
