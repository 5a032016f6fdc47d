import { describe, expect, it } from 'vitest';
import { DEFAULT_CALIBRATION, expectedMs, presetParams } from '../../../shared/workloads/presets';
import { PlaceFactors } from './place-factors';

const c = DEFAULT_CALIBRATION;
const threeSeconds = () => ({ workload: 'mandelbrot' as const, params: presetParams('mandelbrot', '3s', c) });

describe('PlaceFactors', () => {
  it('starts every place at 1 and keeps it while runs land within ±10 % of their preset', () => {
    const f = new PlaceFactors();
    expect(f.factor('renderer-sliced', 'mandelbrot')).toBe(1);
    const request = threeSeconds();
    const preset = expectedMs('mandelbrot', request.params, c);
    expect(f.record('renderer-sliced', request, preset * 1.09, 1, c)).toBeNull();
    expect(f.factor('renderer-sliced', 'mandelbrot')).toBe(1);
  });

  it('re-calibrates a place that misses, and only that place and workload', () => {
    const f = new PlaceFactors();
    const heard: number[] = [];
    f.subscribe(() => heard.push(f.factor('renderer-sliced', 'mandelbrot')));
    const request = threeSeconds();
    const preset = expectedMs('mandelbrot', request.params, c);
    expect(f.record('renderer-sliced', request, preset * 1.3, 1, c)).toBeCloseTo(1.3, 6);
    expect(heard).toEqual([f.factor('renderer-sliced', 'mandelbrot')]);
    expect(f.factor('renderer-main', 'mandelbrot')).toBe(1);
    expect(f.factor('renderer-sliced', 'primes')).toBe(1);
    // Sized by the new factor, the next run takes the preset's time: nothing more to learn.
    const next = { workload: 'mandelbrot' as const, params: presetParams('mandelbrot', '3s', c, 1.3) };
    const nextMs = expectedMs('mandelbrot', next.params, c) * 1.3;
    expect(f.record('renderer-sliced', next, nextMs, 1, c)).toBeNull();
  });

  it('expects a pool place to share the work: 2 workers, half the time', () => {
    const f = new PlaceFactors();
    const request = threeSeconds();
    const preset = expectedMs('mandelbrot', request.params, c);
    expect(f.record('web-worker', request, preset / 2, 2, c)).toBeNull();
    expect(f.record('web-worker', request, preset, 2, c)).toBeCloseTo(2, 6);
  });

  it('ignores workloads without presets', () => {
    const f = new PlaceFactors();
    expect(f.record('web-worker', { workload: 'tiny-tasks', params: {} } as never, 1e6, 1, c)).toBeNull();
  });
});
