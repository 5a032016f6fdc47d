import { useSyncExternalStore } from 'react';
import type { Place } from '../../../shared/places';
import type { TaskRequest } from '../../../shared/run/task-request';
import { nextPlaceFactor, type Calibration } from '../../../shared/workloads/presets';
import {
  getPlaygroundWorkload,
  PLAYGROUND_WORKLOADS,
  type PlaygroundWorkload,
} from '../../../shared/workloads/registry';

/**
 * What the calibration cannot see from its one worker: how fast each *place* really runs a
 * workload (a sliced run pays for drawing, a Web Worker for its cold JIT, the page's thread may
 * be faster than a worker). Learnt from the runs themselves: a run that misses its preset by more
 * than 10 % sets its place's factor (shared/workloads/presets.ts nextPlaceFactor), and the next
 * presets there are sized by it. Kept for this page's life, per place and workload.
 */
export class PlaceFactors {
  private readonly factors = new Map<string, number>();
  private readonly listeners = new Set<() => void>();
  /** What runs are checked against: set once the page has measured this computer (use-calibration.ts). */
  calibration: Calibration | null = null;

  factor(place: Place, workload: PlaygroundWorkload): number {
    return this.factors.get(`${place}/${workload}`) ?? 1;
  }

  /**
   * A finished run: `shards` workers shared it (1 on the page's thread). Returns the new factor
   * when the run re-calibrated its place, null when the preset was honest enough.
   */
  record(place: Place, request: TaskRequest, elapsedMs: number, shards: number, c: Calibration): number | null {
    const name = PLAYGROUND_WORKLOADS.find((w) => w === request.workload);
    if (!name) return null;
    const workload = getPlaygroundWorkload(name);
    // The run has checked these already; parsed again (cheaply) so the cost model reads its own params.
    const params = workload.params.safeParse(request.params);
    if (!params.success) return null;
    const factor = this.factor(place, name);
    // The preset's time for this place: one thread's estimate, by this place's factor, shared out.
    const expected = (workload.presets.msFor(params.data, c[name]) * factor) / Math.max(1, shards);
    const next = nextPlaceFactor(factor, expected, elapsedMs);
    if (next === null) return null;
    this.factors.set(`${place}/${name}`, next);
    for (const listener of this.listeners) listener();
    return next;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}

/** The page's one set of place factors: startTask records into it, the presets read it. */
export const placeFactors = new PlaceFactors();

/** The factor presets for `place` and `workload` are sized by; re-renders when a run changes it. */
export function usePlaceFactor(place: Place, workload: PlaygroundWorkload): number {
  return useSyncExternalStore(placeFactors.subscribe, () => placeFactors.factor(place, workload));
}
