import { describe, it, expect } from 'vitest';
import { MANDELBROT_VIEW, mandelbrotParams } from './mandelbrot';
import {
  DEFAULT_CALIBRATION,
  MIN_PROBE_MS,
  PRESET_SECONDS,
  SIZE_PRESETS,
  PLACE_FACTOR_RANGE,
  calibrate,
  expectedMs,
  nextPlaceFactor,
  presetParams,
  type Calibration,
} from './presets';
import { primesParams } from './primes';
import { getPlaygroundWorkload, PLAYGROUND_WORKLOADS } from './registry';
import { WHOLE } from './workload';

/** What calibrate would report if every workload's probe took `probeMs`. */
const measuredAt = (probeMs: number) =>
  Object.fromEntries(
    PLAYGROUND_WORKLOADS.map((name) => [name, getPlaygroundWorkload(name).presets.measure(probeMs)]),
  ) as unknown as Calibration;

// Extremes for every workload, with the hand-picked figures the Mandelbrot and primes cases were written for.
const VERY_FAST: Calibration = {
  ...measuredAt(1e-6),
  mandelbrot: { msPerPixel: 1e-9 },
  primes: { probeMs: 1e-6, probe: 150_000 },
};
const VERY_SLOW: Calibration = {
  ...measuredAt(1e7),
  mandelbrot: { msPerPixel: 1e3 },
  primes: { probeMs: 1e7, probe: 150_000 },
};
const CALIBRATIONS: [string, Calibration][] = [
  ['the default calibration', DEFAULT_CALIBRATION],
  ['a very fast machine', VERY_FAST],
  ['a very slow machine', VERY_SLOW],
  // { msPerPixel: 0.05 / 9600 } and { probeMs: 0.05, probe: 150_000 }: every probe at the floor.
  ['the calibration floor', measuredAt(MIN_PROBE_MS)],
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
    const target = 1000 / DEFAULT_CALIBRATION.mandelbrot.msPerPixel;
    expect(m.width * m.height).toBeGreaterThan(target * 0.95);
    expect(m.width * m.height).toBeLessThan(target * 1.05);
    expect(m).toMatchObject(MANDELBROT_VIEW);
  });

  it('solves the primes cost model: the 1s limit costs 1000/probeMs times the probe', () => {
    const c = DEFAULT_CALIBRATION.primes;
    const cost = (n: number) => n ** 1.5 / Math.log(n);
    const { limit } = presetParams('primes', '1s', DEFAULT_CALIBRATION);
    expect(cost(limit) / cost(c.probe)).toBeCloseTo(1000 / c.probeMs, 1);
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

describe('calibrate', () => {
  it('measures with the clock it is given and never reports zero', () => {
    let calls = 0;
    const frozen = () => {
      calls++;
      return 1000;
    };
    const c = calibrate(frozen, 1, ['mandelbrot', 'primes']);
    expect(calls).toBe(4);
    expect(c.primes.probeMs).toBe(0.05);
    expect(c.mandelbrot.msPerPixel).toBeGreaterThan(0);
    expect(Number.isFinite(c.mandelbrot.msPerPixel)).toBe(true);
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
    const c = { ...DEFAULT_CALIBRATION, ...calibrate(clock, 3, ['mandelbrot', 'primes']) };
    expect(c.primes.probeMs).toBe(5);
    expect(c.mandelbrot.msPerPixel * 120 * 80).toBeCloseTo(5, 6);
    for (const preset of SIZE_PRESETS) {
      expect(mandelbrotParams.safeParse(presetParams('mandelbrot', preset, c)).success).toBe(true);
      expect(primesParams.safeParse(presetParams('primes', preset, c)).success).toBe(true);
    }
  });
});

describe('every Playground workload', () => {
  it('is measured by calibrate, in the order the registry lists them, two clock reads per probe', () => {
    let calls = 0;
    const c = calibrate(() => calls++, 1);
    expect(Object.keys(c)).toEqual([...PLAYGROUND_WORKLOADS]);
    expect(calls).toBe(2 * PLAYGROUND_WORKLOADS.length);
    expect(Object.keys(DEFAULT_CALIBRATION)).toEqual([...PLAYGROUND_WORKLOADS]);
  });

  it.each(CALIBRATIONS)('gets valid params that never shrink, and a description, for %s', (_, calibration) => {
    for (const name of PLAYGROUND_WORKLOADS) {
      const workload = getPlaygroundWorkload(name);
      let lastWork = 0;
      for (const preset of SIZE_PRESETS) {
        const params = presetParams(name, preset, calibration);
        expect(workload.params.safeParse(params).success, `${name} ${preset}`).toBe(true);
        const work = workload.total(params, WHOLE);
        expect(work, `${name} ${preset}`).toBeGreaterThanOrEqual(lastWork);
        lastWork = work;
        expect(workload.describeParams(params)).toMatch(/\d/);
      }
    }
  });

  it('has a probe that is valid params', () => {
    for (const name of PLAYGROUND_WORKLOADS) {
      const { presets, params } = getPlaygroundWorkload(name);
      expect(params.safeParse(presets.probe).success, name).toBe(true);
    }
  });
});

describe('honest sizes', () => {
  // Realistic machines only: at the extremes the parameter ranges clamp the sizes (tested above).
  const REALISTIC: [string, Calibration][] = [
    ['the default calibration', DEFAULT_CALIBRATION],
    ['probes of 10 ms', measuredAt(10)],
    ['probes of 60 ms', measuredAt(60)],
  ];

  it.each(REALISTIC)('reads the cost model backwards within 5 %% for every workload and preset (%s)', (_, c) => {
    for (const name of PLAYGROUND_WORKLOADS) {
      for (const preset of SIZE_PRESETS) {
        const ms = PRESET_SECONDS[preset] * 1000;
        const estimate = expectedMs(name, presetParams(name, preset, c), c);
        expect(Math.abs(estimate / ms - 1), `${name} ${preset}: ${estimate} ms`).toBeLessThan(0.05);
      }
    }
  });

  it('sizes a place that runs slower than calibrated by its factor: 2× slower → half the work', () => {
    const c = DEFAULT_CALIBRATION;
    const plain = expectedMs('mandelbrot', presetParams('mandelbrot', '3s', c), c);
    const slowPlace = expectedMs('mandelbrot', presetParams('mandelbrot', '3s', c, 2), c);
    expect(slowPlace / plain).toBeCloseTo(0.5, 1);
  });

  it('keeps the factor while runs land within ±10 % of their preset', () => {
    expect(nextPlaceFactor(1, 1000, 1000)).toBeNull();
    expect(nextPlaceFactor(1, 1000, 1090)).toBeNull();
    expect(nextPlaceFactor(1.3, 1000, 910)).toBeNull();
  });

  it('re-calibrates beyond ±10 %: the new factor would have predicted the run', () => {
    // The sliced place's steady miss on this machine: 12 % for its frames, now learnt.
    expect(nextPlaceFactor(1, 1000, 1120)).toBeCloseTo(1.12, 6);
    // A "≈2 s" preset that took 1.5 s: this place runs at 0.75 of the calibration's time.
    expect(nextPlaceFactor(1, 2000, 1500)).toBeCloseTo(0.75, 6);
    expect(nextPlaceFactor(1, 1000, 1300)).toBeCloseTo(1.3, 6);
    // Learnt factors compound: sized with 1.3, still 20 % slow → 1.56.
    expect(nextPlaceFactor(1.3, 1000, 1200)).toBeCloseTo(1.56, 6);
  });

  it('never lets one disturbed run push the factor out of range, and ignores nonsense', () => {
    expect(nextPlaceFactor(1, 1000, 60_000)).toBe(PLACE_FACTOR_RANGE.max);
    expect(nextPlaceFactor(1, 1000, 1)).toBe(PLACE_FACTOR_RANGE.min);
    expect(nextPlaceFactor(1, 0, 1000)).toBeNull();
    expect(nextPlaceFactor(1, 1000, Number.NaN)).toBeNull();
    expect(nextPlaceFactor(1, 1000, Infinity)).toBeNull();
  });
});
