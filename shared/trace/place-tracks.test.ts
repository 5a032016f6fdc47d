import { describe, expect, it } from 'vitest';
import { TraceRecorder } from './trace-recorder';
import { MAIN_PROCESS, PAGE_PROCESS, workerTrackName } from './place-tracks';

describe('workerTrackName', () => {
  it('puts Web Workers in the page, worker threads in the main process, each utility process in its own', () => {
    expect(workerTrackName('web-worker', 0)).toEqual({ process: PAGE_PROCESS, thread: 'Web Worker 1' });
    expect(workerTrackName('worker-thread', 1)).toEqual({ process: MAIN_PROCESS, thread: 'Worker thread 2' });
    expect(workerTrackName('utility-process', 2)).toEqual({ process: 'Utility process 3', thread: 'Main thread' });
  });

  it('gives the export one pid per process: worker threads share the main process’s, utility processes get their own', () => {
    const recorder = new TraceRecorder(8);
    const track = (place: 'worker-thread' | 'utility-process', lane: number) => {
      const { process, thread } = workerTrackName(place, lane);
      return recorder.trackList()[recorder.track(process, thread, lane)];
    };
    const [t1, t2] = [track('worker-thread', 0), track('worker-thread', 1)];
    const [u1, u2] = [track('utility-process', 0), track('utility-process', 1)];
    expect(t1?.pid).toBe(t2?.pid);
    expect(t1?.tid).not.toBe(t2?.tid);
    expect(new Set([t1?.pid, u1?.pid, u2?.pid]).size).toBe(3);
  });
});
