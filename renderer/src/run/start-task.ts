import type { Place } from '../../../shared/places';
import { runHere } from '../../../shared/run/run-here';
import { runInPool } from '../../../shared/run/run-in-pool';
import type { RunningTask, TaskListener, TaskRequest } from '../../../shared/run/task-request';
import { guidedShards } from '../../../shared/workloads/guided-shards';
import { getWorkload } from '../../../shared/workloads/registry';
import { startHostTask } from './host-task';
import { frameSlices } from './frame-slices';
import { placeFactors } from './place-factors';
import { browserThread, macrotask } from './thread-hooks';
import { webWorkerPool } from './web-worker-pool';
import { tracingSlices } from '../timeline/run-tracer';

/**
 * The slice length when frames cannot be seen: the sliced place itself slices to the frame
 * (frame-slices.ts), so every frame is drawn and drawing costs the run as little as it can.
 */
export const SLICE_MS = 10;

/** A fresh policy per run: it learns this page's frame rate and drawing cost as the run goes. */
const pageSlices = () =>
  frameSlices({
    now: () => performance.now(),
    // Where there are no frames (Node's tests), none come, and the policy slices by time.
    requestFrame: (callback) => void (typeof requestAnimationFrame === 'function' && requestAnimationFrame(callback)),
    macrotask,
  });

/** A finished run tells the presets how honest they were here (place-factors.ts re-calibrates on a miss). */
function checked(place: Place, request: TaskRequest, shards: number, task: RunningTask): RunningTask {
  void task.outcome.then((outcome) => {
    const calibration = placeFactors.calibration;
    if (outcome.status === 'done' && calibration)
      placeFactors.record(place, request, outcome.elapsedMs, shards, calibration);
  });
  return task;
}

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
      return checked(place, request, 1, runHere(request, listener, { style: 'blocking' }, browserThread));
    case 'renderer-sliced': {
      // tracingSlices: each slice becomes a span on the timeline (renderer/src/timeline/run-tracer.ts).
      // It wraps the policy's yield, which is the one the run takes (run-here.ts).
      const how = { style: 'sliced', sliceMs: SLICE_MS, slices: tracingSlices(pageSlices()) } as const;
      return checked(place, request, 1, runHere(request, listener, how, browserThread));
    }
    case 'web-worker': {
      const pool = webWorkerPool();
      const workers = Math.min(pool.size, getWorkload(request.workload).maxShards ?? pool.size);
      // Largest shares first, the next to whichever worker is free: a worker that gets less of a
      // core than the other (the page's thread shares one) does not leave the other idle at the end.
      const shares = guidedShards(workers);
      return checked(
        place,
        request,
        workers,
        runInPool(pool, request, listener, () => performance.now(), shares),
      );
    }
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
