import { traceClock } from '../../../shared/trace/trace-clock';
import { TraceRecorder } from '../../../shared/trace/trace-recorder';
import { MAIN_THREAD, PAGE_PROCESS, workerTrackName } from '../../../shared/trace/place-tracks';
import type { Place } from '../../../shared/places';

export { MAIN_THREAD, PAGE_PROCESS };

/**
 * This page's one recorder and its tracks (ARCHITECTURE.md, "The timeline"). A Web Worker is a
 * thread of the page's renderer process, so it is a track of the same process.
 */
/** Long animation frames get a track of their own: they overlap the run's span, which would not nest. */
export const LONG_FRAMES_THREAD = 'Long animation frames';

export const pageTrace = new TraceRecorder();
export const pageClock = traceClock(performance);

export const PAGE_MAIN_TRACK = pageTrace.track(PAGE_PROCESS, MAIN_THREAD);
export const LONG_FRAMES_TRACK = pageTrace.track(PAGE_PROCESS, LONG_FRAMES_THREAD);

/** The track of a pool's worker: a Web Worker here, or a desktop worker thread or utility process. */
export function workerTrack(place: Place, lane: number): number {
  const { process, thread } = workerTrackName(place, lane);
  return pageTrace.track(process, thread, lane);
}
