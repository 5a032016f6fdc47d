import type { Place } from '../places';

/**
 * Who is who on the timeline (ARCHITECTURE.md, "The timeline"): the process and thread a
 * worker's spans belong to, by place. One table for the page's lanes and the export's pid/tid
 * names, so the page's recorder and the main process's agree on every name.
 * - a Web Worker is a thread of the page's renderer process;
 * - a Node worker thread is a thread of Electron's main process;
 * - a utility process is a process of its own, with one (main) thread.
 */
export const PAGE_PROCESS = 'Page (renderer)';
export const MAIN_PROCESS = 'Electron main process';
export const MAIN_THREAD = 'Main thread';

export interface TrackName {
  readonly process: string;
  readonly thread: string;
}

/** The track of pool worker `lane` (0-based) of a place; numbered from 1 as the lab's lanes are. */
export function workerTrackName(place: Place, lane: number): TrackName {
  const n = lane + 1;
  switch (place) {
    case 'worker-thread':
      return { process: MAIN_PROCESS, thread: `Worker thread ${n}` };
    case 'utility-process':
      return { process: `Utility process ${n}`, thread: MAIN_THREAD };
    default:
      // Web Workers; the other places have no pool, and nothing calls this for them.
      return { process: PAGE_PROCESS, thread: `Web Worker ${n}` };
  }
}
