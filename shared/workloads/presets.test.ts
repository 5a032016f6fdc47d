import { describe, it, expect } from 'vitest';
import { mandelbrotParams } from './mandelbrot';
import {
  DEFAULT_CALIBRATION,
  MANDELBROT_VIEW,
  PRESET_SECONDS,
  SIZE_PRESETS,
  calibrate,
  mandelbrotOfPixels,
  presetParams,
  type Calibration,
} from './presets';
import { primesParams } from './primes';

const VERY_FAST: Calibration = { mandelbrotMsPerPixel: 1e-9, primesProbeMs: 1e-6, primesProbe: 150_000 };
const VERY_SLOW: Calibration = { mandelbrotMsPerPixel: 1e3, primesProbeMs: 1e7, primesProbe: 150_000 };
const CALIBRATIONS: [string, Calibration][] = [
  ['the default calibration', DEFAULT_CALIBRATION],
  ['a very fast machine', VERY_FAST],
  ['a very slow machine', VERY_SLOW],
  ['the calibration floor', { mandelbrotMsPerPixel: 0.05 / 9600, primesProbeMs: 0.05, primesProbe: 150_000 }],
];

describe('presetParams', () => {
  it('lists the presets in increasing duration', () => {
    expect(SIZE_PRESETS.map((p) => PRESET_SECONDS[p])).toEqual([1, 3, 10]);
  });

  it('grows strictly from 1s to 3s to 10s on a typical machine', () => {
    const pixels = SIZE_PRESETS.map((p) => {
      const m = presetParams('mandelbrot', p, DEFAULT_CALIBRATION);
      return m.width * m.height;
    });
    const limits = SIZE_PRESETS.map((p) => presetParams('primes', p, DEFAULT_CALIBRATION).limit);
    for (const series of [pixels, limits]) {
      expect(series[1]).toBeGreaterThan(series[0] ?? Infinity);
      expect(series[2]).toBeGreaterThan(series[1] ?? Infinity);
    }
  });

  it('sizes the default 1s Mandelbrot at about 1000 ms / msPerPixel pixels', () => {
    const m = presetParams('mandelbrot', '1s', DEFAULT_CALIBRATION);
    const target = 1000 / DEFAULT_CALIBRATION.mandelbrotMsPerPixel;
    expect(m.width * m.height).toBeGreaterThan(target * 0.95);
    expect(m.width * m.height).toBeLessThan(target * 1.05);
    expect(m).toMatchObject(MANDELBROT_VIEW);
  });

  it('solves the primes cost model: the 1s limit costs 1000/probeMs times the probe', () => {
    const c = DEFAULT_CALIBRATION;
    const cost = (n: number) => n ** 1.5 / Math.log(n);
    const { limit } = presetParams('primes', '1s', c);
    expect(cost(limit) / cost(c.primesProbe)).toBeCloseTo(1000 / c.primesProbeMs, 1);
  });

  it.each(CALIBRATIONS)('never shrinks and stays within the schemas for %s', (_, calibration) => {
    let lastPixels = 0;
    let lastLimit = 0;
    for (const preset of SIZE_PRESETS) {
      const m = presetParams('mandelbrot', preset, calibration);
      const p = presetParams('primes', preset, calibration);
      expect(mandelbrotParams.safeParse(m).success).toBe(true);
      expect(primesParams.safeParse(p).success).toBe(true);
      expect(m.width * m.height).toBeGreaterThanOrEqual(lastPixels);
      expect(p.limit).toBeGreaterThanOrEqual(lastLimit);
      lastPixels = m.width * m.height;
      lastLimit = p.limit;
    }
  });

  it('clamps to the largest and smallest sizes on extreme machines', () => {
    expect(presetParams('mandelbrot', '10s', VERY_FAST).width).toBe(4096);
    expect(presetParams('mandelbrot', '1s', VERY_SLOW)).toMatchObject({ width: 48, height: 32 });
    expect(presetParams('primes', '10s', VERY_FAST).limit).toBeLessThanOrEqual(100_000_000);
    expect(presetParams('primes', '10s', VERY_FAST).limit).toBeGreaterThan(99_000_000);
    expect(presetParams('primes', '1s', VERY_SLOW).limit).toBeGreaterThanOrEqual(1_000);
    expect(presetParams('primes', '1s', VERY_SLOW).limit).toBeLessThan(1_100);
  });
});

describe('mandelbrotOfPixels', () => {
  it.each([0, 1, 100, 9600, 1e6, 1e9, Number.POSITIVE_INFINITY])(
    'gives valid 3:2 parameters for %d pixels',
    (pixels) => {
      const m = mandelbrotOfPixels(pixels);
      expect(mandelbrotParams.safeParse(m).success).toBe(true);
      expect(m.width / m.height).toBeGreaterThan(1.4);
      expect(m.width / m.height).toBeLessThan(1.6);
    },
  );
});

describe('calibrate', () => {
  it('measures with the clock it is given and never reports zero', () => {
    let calls = 0;
    const frozen = () => {
      calls++;
      return 1000;
    };
    const c = calibrate(frozen, 1);
    expect(calls).toBe(4);
    expect(c.primesProbeMs).toBe(0.05);
    expect(c.mandelbrotMsPerPixel).toBeGreaterThan(0);
    expect(Number.isFinite(c.mandelbrotMsPerPixel)).toBe(true);
  });

  it('takes the best of several rounds', () => {
    // Each timed run appears to take 10, 5, then 20 ms (mandelbrot and primes alike).
    const durations = [10, 10, 5, 5, 20, 20];
    let t = 0;
    let call = 0;
    const clock = () => {
      // Odd calls end a run: advance by that run's duration.
      if (call % 2 === 1) t += durations[(call - 1) / 2] ?? 0;
      call++;
      return t;
    };
    const c = calibrate(clock, 3);
    expect(c.primesProbeMs).toBe(5);
    expect(c.mandelbrotMsPerPixel * 120 * 80).toBeCloseTo(5, 6);
    for (const preset of SIZE_PRESETS) {
      expect(mandelbrotParams.safeParse(presetParams('mandelbrot', preset, c)).success).toBe(true);
      expect(primesParams.safeParse(presetParams('primes', preset, c)).success).toBe(true);
    }
  });
});
