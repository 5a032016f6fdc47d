import { describe, expect, it, vi } from 'vitest';
import type { TaskEvent } from '../../../shared/host/task-event';
import { PROGRESS_INTERVAL_MS } from '../../../shared/run/progress-batcher';
import { taskEvents } from './task-events';

function setup() {
  let clock = 0;
  const sent: TaskEvent[] = [];
  const events = taskEvents(
    't1',
    (e) => sent.push(e),
    () => clock,
  );
  return { events, sent, tick: (ms: number) => (clock += ms) };
}

describe('taskEvents', () => {
  it('forwards progress and sends exactly one end, last', () => {
    const { events, sent } = setup();
    events.listener.onProgress({ done: 5, total: 10, chunks: ['a'], lane: 1 });
    expect(events.end({ status: 'done', result: 42, elapsedMs: 3 })).toBe(true);
    expect(events.end({ status: 'cancelled', elapsedMs: 4 })).toBe(false);
    events.listener.onProgress({ done: 10, total: 10, chunks: [], lane: 1 });
    events.listener.onLanes([{ lane: 1, done: 10, total: 10 }]);
    expect(sent).toEqual([
      { type: 'progress', taskId: 't1', done: 5, total: 10, lane: 1, chunks: ['a'] },
      { type: 'end', taskId: 't1', outcome: { status: 'done', result: 42, elapsedMs: 3 } },
    ]);
    expect(events.ended()).toBe(true);
  });

  it('coalesces lane snapshots to one per progress interval, but sends a new lane layout at once', () => {
    const { events, sent, tick } = setup();
    const lanes = (done: number, which = [0, 1]) => which.map((lane) => ({ lane, done, total: 100 }));
    events.listener.onLanes(lanes(0, [0]));
    events.listener.onLanes(lanes(0)); // a second lane joined: sent at once
    events.listener.onLanes(lanes(10)); // same layout, too soon: held
    tick(PROGRESS_INTERVAL_MS);
    events.listener.onLanes(lanes(20)); // interval passed: sent
    events.listener.onLanes(lanes(30)); // held …
    events.end({ status: 'done', result: null, elapsedMs: 1 }); // … and flushed before the end
    expect(
      sent.map((e) => (e.type === 'lanes' ? `lanes ${e.lanes.map((l) => `${l.lane}:${l.done}`).join(' ')}` : e.type)),
    ).toEqual(['lanes 0:0', 'lanes 0:0 1:0', 'lanes 0:20 1:20', 'lanes 0:30 1:30', 'end']);
  });

  it('survives a listener that throws, and still ends', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const seen: string[] = [];
    const events = taskEvents(
      't2',
      (e) => {
        seen.push(e.type);
        throw new Error('window closed');
      },
      () => 0,
    );
    expect(() => events.listener.onProgress({ done: 1, total: 2, chunks: [], lane: 0 })).not.toThrow();
    expect(events.end({ status: 'cancelled', elapsedMs: 0 })).toBe(true);
    expect(seen).toEqual(['progress', 'end']);
    expect(error).toHaveBeenCalledTimes(2);
    error.mockRestore();
  });
});
