import { describe, expect, it } from 'vitest';
import { MAIN_PROCESS, MAIN_THREAD, PAGE_PROCESS } from '../../../shared/trace/place-tracks';
import { TraceRecorder } from '../../../shared/trace/trace-recorder';
import { traceWindow } from '../../../shared/trace/trace-window';
import { mainSideImport, type MainTraceApi } from './main-side-trace';

/** A main side over a real recorder, answering as the `trace:window` handler does. */
function mainSide() {
  const recorder = new TraceRecorder(100);
  const track = recorder.track(MAIN_PROCESS, MAIN_THREAD);
  const asked: [number, number][] = [];
  const api: MainTraceApi = {
    fetchMainTrace: (fromMs, toMs) => {
      asked.push([fromMs, toMs]);
      return Promise.resolve(traceWindow(recorder.snapshot(), { fromMs, toMs }));
    },
  };
  return { recorder, track, asked, api };
}

describe('mainSideImport', () => {
  it('adds the main process’s records on its own lane, and never the same record twice', async () => {
    const main = mainSide();
    const page = new TraceRecorder(100);
    page.track(PAGE_PROCESS, MAIN_THREAD);
    const pull = mainSideImport(main.api, page);
    main.recorder.span(main.track, 'IPC task:start', 'ipc', 1000, 1001);
    main.recorder.span(main.track, 'event-loop stall', 'stall', 1200, 1900);
    expect(await pull.pull(500, 2000)).toEqual({ added: 2 });
    main.recorder.span(main.track, 'IPC ping', 'ipc', 2100, 2101);
    // The second run's window reaches back over the first: only what is new comes.
    expect(await pull.pull(1000, 3000)).toEqual({ added: 1 });
    expect(main.asked).toEqual([
      [500, 2000],
      [2000, 3000],
    ]);
    const { tracks, records } = page.snapshot();
    expect(tracks[1]).toMatchObject({ process: MAIN_PROCESS, thread: MAIN_THREAD, pid: 2 });
    expect(records.map((r) => r.kind === 'span' && r.name)).toEqual(['IPC task:start', 'event-loop stall', 'IPC ping']);
  });

  it('says what went wrong, and adds nothing, when the answer is malformed or the call fails', async () => {
    const page = new TraceRecorder(10);
    const bad: MainTraceApi = {
      fetchMainTrace: () =>
        Promise.resolve({
          tracks: [],
          records: [{ kind: 'counter', track: 3, name: 'x', atMs: 1, value: 1 }],
          truncated: false,
        }),
    };
    expect((await mainSideImport(bad, page).pull(0, 10)).problem).toMatch(/malformed trace window.*track not listed/s);
    const failing: MainTraceApi = {
      fetchMainTrace: () => Promise.reject(new Error('Invalid request for "trace:window"')),
    };
    expect(await mainSideImport(failing, page).pull(0, 10)).toEqual({
      added: 0,
      problem: 'Invalid request for "trace:window"',
    });
    expect(page.length).toBe(0);
  });
});
