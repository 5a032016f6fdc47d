import {
  getPlaygroundWorkload,
  PLAYGROUND_WORKLOADS,
  type MeasuredOf,
  type ParamsOf,
  type PlaygroundWorkload,
} from './registry';
import { WHOLE } from './workload';

// Mandelbrot's preset view and sizing live in mandelbrot.ts; tests across the repository import them from here.
export { MANDELBROT_VIEW, mandelbrotOfPixels } from './mandelbrot';

/** Sizes named by how long they take on one thread of *this* computer. */
export const SIZE_PRESETS = ['1s', '3s', '10s'] as const;
export type SizePreset = (typeof SIZE_PRESETS)[number];
export const PRESET_SECONDS: Readonly<Record<SizePreset, number>> = { '1s': 1, '3s': 3, '10s': 10 };

/** Longest size a link may ask for ("size=2s" … "size=60s"). */
export const MAX_SIZE_SECONDS = 60;

/** Reads a size such as "3s": a preset or any whole number of seconds from 1 to 60. */
export function parseSizeSeconds(text: string): number | null {
  const match = /^(\d{1,2})s$/.exec(text);
  if (!match) return null;
  const seconds = Number(match[1]);
  return seconds >= 1 && seconds <= MAX_SIZE_SECONDS ? seconds : null;
}

/** Measured speed of this computer: each Playground workload's numbers, from a short run of it. */
export type Calibration = { readonly [N in PlaygroundWorkload]: MeasuredOf<N> };

/** A probe that seems to take no time (a coarse clock) still counts as this long, so no speed is infinite. */
export const MIN_PROBE_MS = 0.05;

/** Used until the calibration has run (and by tests): every workload's mid-range laptop. */
export const DEFAULT_CALIBRATION: Calibration = perWorkload(
  PLAYGROUND_WORKLOADS,
  (name) => getPlaygroundWorkload(name).presets.defaults,
);

function drain(work: Generator<unknown, unknown>): void {
  for (let s = work.next(); !s.done; s = work.next());
}

/**
 * Times each workload's probe — a few tens of milliseconds per workload on a typical laptop.
 * Pure: the caller passes its clock. `names` measures only some.
 *
 * A fresh thread (the calibration's own worker) runs its first rounds in the JIT's baseline
 * tiers: those are run and thrown away (`WARM_UP_ROUNDS`), then the best of `rounds` counts.
 * Measured here, the best of 3 cold rounds predicted a "≈2 s" run as 1.5 s: 25 % off.
 */
export function calibrate(now: () => number, rounds?: number): Calibration;
export function calibrate<N extends PlaygroundWorkload>(
  now: () => number,
  rounds: number,
  names: readonly N[],
): Pick<Calibration, N>;
export function calibrate(
  now: () => number,
  rounds = 5,
  names: readonly PlaygroundWorkload[] = PLAYGROUND_WORKLOADS,
): Partial<Calibration> {
  for (let i = 0; i < WARM_UP_ROUNDS; i++) {
    for (const name of names) {
      const workload = getPlaygroundWorkload(name);
      drain(workload.run(workload.presets.probe, WHOLE));
    }
  }
  const best = new Map<PlaygroundWorkload, number>(names.map((name) => [name, Infinity]));
  for (let i = 0; i < rounds; i++) {
    // Round by round, not workload by workload: a burst of load on the machine hits one round of all.
    for (const name of names) {
      const workload = getPlaygroundWorkload(name);
      const started = now();
      drain(workload.run(workload.presets.probe, WHOLE));
      best.set(name, Math.min(best.get(name) ?? Infinity, now() - started));
    }
  }
  return perWorkload(names, (name) =>
    getPlaygroundWorkload(name).presets.measure(Math.max(best.get(name) ?? Infinity, MIN_PROBE_MS)),
  );
}

/** Untimed rounds before the timed ones: past the JIT's baseline tiers (see calibrate). */
export const WARM_UP_ROUNDS = 2;

/** A preset's name, or a number of seconds. */
export type Size = SizePreset | number;

/**
 * Parameters for `name` that take about `size` on one thread of the calibrated computer.
 * `placeFactor`: how much slower (> 1) or faster one thread of a particular place runs than the
 * calibration predicts (see nextPlaceFactor); 1 where nothing has been learnt.
 */
export function presetParams<N extends PlaygroundWorkload>(
  name: N,
  size: Size,
  c: Calibration,
  placeFactor = 1,
): ParamsOf<N> {
  const targetMs = ((typeof size === 'number' ? size : PRESET_SECONDS[size]) * 1000) / placeFactor;
  // The registry's types tie c[name] to this workload's presets and their params to ParamsOf<N>.
  return getPlaygroundWorkload(name).presets.paramsFor(targetMs, c[name]) as ParamsOf<N>;
}

/** How long `params` should take on one thread of the calibrated computer (the cost model backwards). */
export function expectedMs<N extends PlaygroundWorkload>(name: N, params: ParamsOf<N>, c: Calibration): number {
  const presets = getPlaygroundWorkload(name).presets as {
    msFor(p: ParamsOf<N>, m: Calibration[N]): number;
  };
  return presets.msFor(params, c[name]);
}

/**
 * A run further than this from its preset's time makes its place re-calibrate: the honest-sizes
 * goal's own line (±10 %, the bench's sizes table). At 15 % a steady miss between the two lines
 * stayed for good: a sliced run here pays 12–13 % for the frames it draws (quiet machine, bench of
 * 1 December), so every sliced preset ran 1.12× long and none was ever re-sized. Noise on a quiet
 * machine is ±3 %, well inside the line.
 */
export const RECALIBRATE_BEYOND = 0.1;

/** A place factor never leaves this range: a run disturbed by something else must not wreck the sizes. */
export const PLACE_FACTOR_RANGE = { min: 0.25, max: 4 } as const;

/**
 * The re-calibration decision, after a run in a place whose factor is `factor` (1 at first):
 * its preset said `expected` ms, it took `measured`. Within ±RECALIBRATE_BEYOND: null (keep the
 * factor). Beyond: the factor that would have predicted this run — presets for this place are
 * then sized by it (presetParams' placeFactor).
 */
export function nextPlaceFactor(factor: number, expected: number, measured: number): number | null {
  if (!(expected > 0) || !(measured > 0) || !Number.isFinite(measured)) return null;
  const ratio = measured / expected;
  if (Math.abs(ratio - 1) <= RECALIBRATE_BEYOND) return null;
  return Math.min(PLACE_FACTOR_RANGE.max, Math.max(PLACE_FACTOR_RANGE.min, factor * ratio));
}

/** A record with one entry per named workload: the loop cannot see the name-to-type link, the return type states it. */
function perWorkload<N extends PlaygroundWorkload>(
  names: readonly N[],
  entry: (name: N) => unknown,
): Pick<Calibration, N> {
  return Object.fromEntries(names.map((name) => [name, entry(name)])) as Pick<Calibration, N>;
}
