import { describe, expect, it } from 'vitest';
import { calibrationSchema } from './calibration-schema';
import { calibrate, DEFAULT_CALIBRATION } from './presets';

describe('calibrationSchema', () => {
  it('accepts a real measurement and the default', () => {
    const measured = calibrate(() => performance.now(), 1);
    expect(calibrationSchema.parse(measured)).toEqual(measured);
    expect(calibrationSchema.parse(DEFAULT_CALIBRATION)).toEqual(DEFAULT_CALIBRATION);
  });

  it.each([
    ['a zero speed', { ...DEFAULT_CALIBRATION, mandelbrotMsPerPixel: 0 }],
    ['an infinite time', { ...DEFAULT_CALIBRATION, primesProbeMs: Number.POSITIVE_INFINITY }],
    ['a fractional probe', { ...DEFAULT_CALIBRATION, primesProbe: 1.5 }],
    ['a missing field', { mandelbrotMsPerPixel: 0.001, primesProbeMs: 30 }],
    ['not an object', 'fast'],
  ])('rejects %s', (_what, value) => {
    expect(calibrationSchema.safeParse(value).success).toBe(false);
  });
});
