import { z } from 'zod';
import type { Calibration } from './presets';
import { getPlaygroundWorkload, PLAYGROUND_WORKLOADS } from './registry';

/**
 * A calibration measured in another thread is checked before the presets trust it: one entry
 * per Playground workload, each checked by that workload's own schema for its measured numbers.
 */
export const calibrationSchema = z.object(
  Object.fromEntries(PLAYGROUND_WORKLOADS.map((name) => [name, getPlaygroundWorkload(name).presets.measured])),
) as unknown as z.ZodType<Calibration>;
