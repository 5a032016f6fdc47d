import { describe, expect, it } from 'vitest';
import { calibrationSchema } from './calibration-schema';
import { calibrate, DEFAULT_CALIBRATION } from './presets';

const { mandelbrot: _left, ...withoutMandelbrot } = DEFAULT_CALIBRATION;

describe('calibrationSchema', () => {
  it('accepts a real measurement and the default', () => {
    const measured = calibrate(() => performance.now(), 1);
    expect(calibrationSchema.parse(measured)).toEqual(measured);
    expect(calibrationSchema.parse(DEFAULT_CALIBRATION)).toEqual(DEFAULT_CALIBRATION);
  });

  it.each([
    ['a zero speed', { ...DEFAULT_CALIBRATION, mandelbrot: { msPerPixel: 0 } }],
    [
      'an infinite time',
      { ...DEFAULT_CALIBRATION, primes: { ...DEFAULT_CALIBRATION.primes, probeMs: Number.POSITIVE_INFINITY } },
    ],
    ['a fractional probe', { ...DEFAULT_CALIBRATION, primes: { ...DEFAULT_CALIBRATION.primes, probe: 1.5 } }],
    ['a missing field', { ...DEFAULT_CALIBRATION, primes: { probeMs: 30 } }],
    ['a missing workload', withoutMandelbrot],
    ['not an object', 'fast'],
  ])('rejects %s', (_what, value) => {
    expect(calibrationSchema.safeParse(value).success).toBe(false);
  });
});
