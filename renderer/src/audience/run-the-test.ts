import type { RunFigures } from '../../../shared/audience/run-figures';
import { audienceRunRequest } from '../../../shared/audience/run-plan';
import type { Place } from '../../../shared/places';
import type { RunResponsiveness } from '../../../shared/stats/run-responsiveness';
import { measuredRun } from '../run/measured-run';

export interface DeviceRun {
  readonly place: Place;
  readonly responsiveness: RunResponsiveness;
  readonly figures: RunFigures;
}

/** The test's two runs, in order: the freeze first, then the same work off the main thread. */
export const AUDIENCE_PLACES = ['renderer-main', 'web-worker'] as const satisfies readonly Place[];

/**
 * Runs the audience test on this device with the renderer's one measured-run lifecycle
 * (`measuredRun`): the same Mandelbrot on the page's main thread, then in Web Workers. Neither
 * needs SharedArrayBuffer, so it works on a plain-http page of the room's network.
 */
export async function runTheTest(
  runSeconds: number,
  onPlace: (place: Place, fraction: number | null) => void,
): Promise<DeviceRun[]> {
  const request = audienceRunRequest(runSeconds);
  const runs: DeviceRun[] = [];
  for (const place of AUDIENCE_PLACES) {
    onPlace(place, 0);
    const run = await measuredRun(place, request, {
      listener: { onProgress: (p) => onPlace(place, p.total > 0 ? p.done / p.total : null) },
    });
    if (run.outcome.status !== 'done') {
      throw new Error(run.outcome.status === 'failed' ? run.outcome.message : 'the run was cancelled');
    }
    runs.push({ place, responsiveness: run.responsiveness, figures: figuresOf(run.wallMs, run.responsiveness) });
  }
  return runs;
}

/** What is sent of a run: rounded to 0.1 ms, and the input delay only if there was input. */
export function figuresOf(wallMs: number, r: RunResponsiveness): RunFigures {
  const tenth = (ms: number) => Math.round(ms * 10) / 10;
  return {
    wallMs: tenth(wallMs),
    worstGapMs: tenth(r.worstGapMs),
    framesOver50: r.framesOver50,
    inputDelayMs: r.inputDelay.count > 0 ? tenth(r.inputDelay.maxMs) : null,
  };
}
