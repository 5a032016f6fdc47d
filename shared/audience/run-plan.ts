import { DEFAULT_CALIBRATION, presetParams } from '../workloads/presets';
import type { TaskRequest } from '../run/task-request';

/**
 * The work every attendee's device runs: Mandelbrot, sized with the presets' defaults (a
 * mid-range laptop) to take `runSeconds` there. The same work on every device, not sized per
 * device: a slow phone then freezes longer than a fast laptop, and the room sees why it matters
 * where work runs. The page runs it on its main thread, then in Web Workers.
 */
export function audienceRunRequest(runSeconds: number): TaskRequest {
  return { workload: 'mandelbrot', params: presetParams('mandelbrot', runSeconds, DEFAULT_CALIBRATION) };
}
