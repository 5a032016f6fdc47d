import { z } from 'zod';
import type { Calibration } from './presets';

/** A calibration measured in another thread is checked before the presets trust it. */
export const calibrationSchema: z.ZodType<Calibration> = z.object({
  mandelbrotMsPerPixel: z.number().positive().finite(),
  primesProbeMs: z.number().positive().finite(),
  primesProbe: z.int().positive(),
});
