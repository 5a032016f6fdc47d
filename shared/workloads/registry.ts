import { z } from 'zod';
import { download } from './download/download';
import { hashing } from './hashing';
import { mandelbrot } from './mandelbrot';
import { primes } from './primes';
import { tinyTasks } from './tiny-tasks';
import type { SizedWorkload, Workload } from './workload';

/** A workload with its types erased, for code that handles any of them (runners, protocol). */
export type AnyWorkload = Workload<unknown, unknown, unknown, unknown>;
/** A Playground workload with its types erased, for code that loops over them (calibration, views). */
export type AnySizedWorkload = SizedWorkload<unknown, unknown, unknown, unknown, unknown>;

/**
 * Every workload, by the name a task request uses, in the order the UI lists them. Adding a
 * workload is its file and one line here: one with `presets` joins the Playground and Compare,
 * and the types below then ask for everything else it needs.
 */
const WORKLOADS = {
  mandelbrot,
  primes,
  hashing,
  'tiny-tasks': tinyTasks,
  download,
} satisfies Record<string, AnyWorkload>;

type Registry = typeof WORKLOADS;
export type WorkloadName = keyof Registry;

/** The workloads the Playground offers (sized in seconds by presets); the others serve one lesson each. */
export type PlaygroundWorkload = {
  [N in WorkloadName]: Registry[N] extends { readonly presets: object } ? N : never;
}[WorkloadName];

/** The parameters of workload `N`, as its run receives them. */
export type ParamsOf<N extends WorkloadName> = z.output<Registry[N]['params']>;
/** What the calibration keeps for Playground workload `N`. */
export type MeasuredOf<N extends PlaygroundWorkload> = Registry[N] extends {
  readonly presets: { measure(probeMs: number): infer M };
}
  ? M
  : never;

export const WORKLOAD_NAMES = Object.keys(WORKLOADS) as readonly WorkloadName[];
export const workloadName = z.enum(WORKLOAD_NAMES, {
  error: `workload must be one of: ${WORKLOAD_NAMES.join(', ')}`,
});

const isPlaygroundWorkload = (name: WorkloadName): name is PlaygroundWorkload => 'presets' in WORKLOADS[name];

/** Non-empty, so the first one can be every screen's default. */
export const PLAYGROUND_WORKLOADS = nonEmpty(WORKLOAD_NAMES.filter(isPlaygroundWorkload));

export function getWorkload(name: WorkloadName): AnyWorkload {
  return WORKLOADS[name];
}

export function getPlaygroundWorkload(name: PlaygroundWorkload): AnySizedWorkload {
  // Its declared type ties params, chunks, presets and view together; loops over the names cannot see that.
  return WORKLOADS[name] as unknown as AnySizedWorkload;
}

function nonEmpty<T>(list: readonly T[]): readonly [T, ...T[]] {
  const [first, ...rest] = list;
  if (first === undefined) throw new Error('The registry has no Playground workload');
  return [first, ...rest];
}
