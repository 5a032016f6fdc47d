import { traceClock } from '../../../shared/trace/trace-clock';
import { TraceRecorder } from '../../../shared/trace/trace-recorder';

/**
 * This page's one recorder and its tracks (ARCHITECTURE.md, "The timeline"). A Web Worker is a
 * thread of the page's renderer process, so it is a track of the same process.
 */
export const PAGE_PROCESS = 'Page (renderer)';
export const MAIN_THREAD = 'Main thread';
/** Long animation frames get a track of their own: they overlap the run's span, which would not nest. */
export const LONG_FRAMES_THREAD = 'Long animation frames';

export const pageTrace = new TraceRecorder();
export const pageClock = traceClock(performance);

export const PAGE_MAIN_TRACK = pageTrace.track(PAGE_PROCESS, MAIN_THREAD);
export const LONG_FRAMES_TRACK = pageTrace.track(PAGE_PROCESS, LONG_FRAMES_THREAD);

export function webWorkerThread(lane: number): string {
  return `Web Worker ${lane + 1}`;
}

export function webWorkerTrack(lane: number): number {
  return pageTrace.track(PAGE_PROCESS, webWorkerThread(lane), lane);
}
