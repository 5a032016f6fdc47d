import type { Place } from '../../../shared/places';
import { runHere } from '../../../shared/run/run-here';
import { runInPool } from '../../../shared/run/run-in-pool';
import type { RunningTask, TaskListener, TaskRequest } from '../../../shared/run/task-request';
import { startHostTask } from './host-task';
import { browserThread } from './thread-hooks';
import { webWorkerPool } from './web-worker-pool';
import { tracingSlices } from '../timeline/run-tracer';

/**
 * ~10 ms of work, then the browser gets a turn. A 60 Hz frame lasts 16.7 ms, and this page needs
 * about 4 ms of it to render (measured in headless Chromium without a GPU), so every frame is
 * still drawn; shorter slices only add rendering overhead to the run's total time.
 */
export const SLICE_MS = 10;

export class PlaceUnavailableError extends Error {
  override readonly name = 'PlaceUnavailableError';
}

/**
 * Starts a task in any of the six places: the three in this page directly, the three of
 * Electron's main process side through `window.unfreeze` (the desktop app only; in a browser
 * they throw PlaceUnavailableError). Throws ParamsError for bad parameters (nothing starts) in
 * this page's places; the main process's places refuse them in the outcome, as 'failed'.
 * For 'renderer-main' all the work happens inside this call.
 */
export function startTask(place: Place, request: TaskRequest, listener: TaskListener): RunningTask {
  switch (place) {
    case 'renderer-main':
      return runHere(request, listener, { style: 'blocking' }, browserThread);
    case 'renderer-sliced':
      // tracingSlices: each slice becomes a span on the timeline (renderer/src/timeline/run-tracer.ts).
      return runHere(request, listener, { style: 'sliced', sliceMs: SLICE_MS }, tracingSlices(browserThread));
    case 'web-worker':
      return runInPool(webWorkerPool(), request, listener, () => performance.now());
    case 'main-process':
    case 'worker-thread':
    case 'utility-process': {
      const api = window.unfreeze;
      if (api?.edition !== 'desktop') {
        throw new PlaceUnavailableError(`“${place}” runs in Electron’s main process: it needs the desktop app.`);
      }
      return startHostTask(api, place, request, listener);
    }
  }
}
