import type { MandelbrotParams } from './mandelbrot';
import { mandelbrot } from './mandelbrot';
import type { PrimesParams } from './primes';
import { primes } from './primes';
import type { PlaygroundWorkload } from './registry';
import { WHOLE } from './workload';

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

/** The view every preset draws: the whole set, with enough iterations to be real work. */
export const MANDELBROT_VIEW = { centerRe: -0.65, centerIm: 0, span: 3.1, maxIterations: 4000, tileSize: 64 } as const;
const ASPECT = 3 / 2;

export function mandelbrotOfPixels(pixels: number): MandelbrotParams {
  const width = clamp(Math.round(Math.sqrt(pixels * ASPECT)), 48, 4096);
  const height = clamp(Math.round(width / ASPECT), 32, 4096);
  return { ...MANDELBROT_VIEW, width, height };
}

/** Measured speed of this computer, from a short run of each workload at a small size. */
export interface Calibration {
  /** Milliseconds per pixel of MANDELBROT_VIEW. */
  readonly mandelbrotMsPerPixel: number;
  /** Seconds for primes up to `primesProbe`, which scale as limit^1.5 / ln(limit). */
  readonly primesProbeMs: number;
  readonly primesProbe: number;
}

/** Used until the calibration has run (and by tests): a mid-range laptop. */
export const DEFAULT_CALIBRATION: Calibration = {
  mandelbrotMsPerPixel: 0.0016,
  primesProbeMs: 30,
  primesProbe: 300_000,
};

function drain(work: Generator<unknown, unknown>): void {
  for (let s = work.next(); !s.done; s = work.next());
}

/**
 * Times small runs of each workload (best of `rounds`, so the JIT is warm) — about 100 ms in
 * all on a typical laptop. Pure: the caller passes its clock.
 */
export function calibrate(now: () => number, rounds = 3): Calibration {
  const probe = mandelbrotOfPixels(120 * 80);
  const primesProbe = 150_000;
  let mandelMs = Infinity;
  let primesMs = Infinity;
  for (let i = 0; i < rounds; i++) {
    let t = now();
    drain(mandelbrot.run(probe, WHOLE));
    mandelMs = Math.min(mandelMs, now() - t);
    t = now();
    drain(primes.run({ limit: primesProbe }, WHOLE));
    primesMs = Math.min(primesMs, now() - t);
  }
  return {
    mandelbrotMsPerPixel: Math.max(mandelMs, 0.05) / (probe.width * probe.height),
    primesProbeMs: Math.max(primesMs, 0.05),
    primesProbe,
  };
}

const primesCost = (limit: number) => limit ** 1.5 / Math.log(limit);

/** A preset's name, or a number of seconds. */
export type Size = SizePreset | number;

export function presetParams(workload: 'mandelbrot', size: Size, c: Calibration): MandelbrotParams;
export function presetParams(workload: 'primes', size: Size, c: Calibration): PrimesParams;
export function presetParams(workload: PlaygroundWorkload, size: Size, c: Calibration): MandelbrotParams | PrimesParams;
export function presetParams(
  workload: PlaygroundWorkload,
  size: Size,
  c: Calibration,
): MandelbrotParams | PrimesParams {
  const targetMs = (typeof size === 'number' ? size : PRESET_SECONDS[size]) * 1000;
  if (workload === 'mandelbrot') return mandelbrotOfPixels(targetMs / c.mandelbrotMsPerPixel);
  // Solve cost(limit) = cost(probe) · target / probeMs by bisection on a monotone function.
  const goal = (primesCost(c.primesProbe) * targetMs) / c.primesProbeMs;
  let lo = 1_000;
  let hi = 100_000_000;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (primesCost(mid) < goal) lo = mid;
    else hi = mid;
  }
  return { limit: Math.round(lo) };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
