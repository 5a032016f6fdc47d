import { describe, expect, it } from 'vitest';
import type { TaskOutcome } from '../../../shared/run/task-outcome';
import { parseParams } from '../../../shared/workloads/params-error';
import {
  download,
  type DownloadEvent,
  type DownloadResult,
  type FileResult,
} from '../../../shared/workloads/download/download';
import { BatchMachine, BUSY, type BatchCommand, type BatchEvent, type BatchStatus } from './batch-machine';

const KB = 1000;
/** Three files of 100 kB, ids 1 to 3. */
const params = () =>
  parseParams(
    download.params,
    {
      files: [1, 2, 3].map((id) => ({ id, name: `file-${id}.bin`, size: 100 * KB })),
      bandwidth: 100 * KB,
      retries: 3,
      concurrency: 3,
    },
    'download',
  );

const ev = (id: number, state: DownloadEvent['state'], bytes: number, attempt = 1): DownloadEvent => ({
  id,
  state,
  bytes,
  attempt,
  at: 0,
});

const fileResult = (id: number, status: 'done' | 'failed' = 'done'): FileResult => ({
  id,
  name: `file-${id}.bin`,
  status,
  bytes: status === 'done' ? 100 * KB : 40 * KB,
  attempts: status === 'done' ? 1 : 4,
  sha256: status === 'done' ? 'a'.repeat(64) : null,
  expectedSha256: status === 'done' ? 'a'.repeat(64) : null,
  startedAt: 0,
  endedAt: 1000,
  ...(status === 'failed' ? { message: 'gave up after 4 attempts' } : {}),
});

const doneOutcome = (ids: readonly number[], failed: readonly number[] = []): TaskOutcome<unknown> => {
  const result: DownloadResult = {
    files: ids.map((id) => fileResult(id, failed.includes(id) ? 'failed' : 'done')),
    elapsedMs: 1000,
  };
  return { status: 'done', result, elapsedMs: 1000 };
};

const E = {
  start: { type: 'start' },
  pause: { type: 'pause' },
  resume: { type: 'resume' },
  cancel: { type: 'cancel' },
  cancelFile2: { type: 'cancelFile', id: 2 },
  retryFailed: { type: 'retryFailed' },
  taskStarted: { type: 'taskStarted' },
  taskEvent: { type: 'taskEvent', done: 20 * KB, events: [ev(3, 'transferring', 20 * KB)] },
  endedDone: { type: 'taskEnded', outcome: doneOutcome([1, 2, 3]) },
  endedCancelled: { type: 'taskEnded', outcome: { status: 'cancelled', elapsedMs: 10 } },
  endedFailed: { type: 'taskEnded', outcome: { status: 'failed', message: 'worker crashed', elapsedMs: 10 } },
} as const satisfies Record<string, BatchEvent>;
type EventName = keyof typeof E;

/** After the ordinary start (the task started, file 1 transferring): the events that lead to each state. */
const AFTER_START: Record<Exclude<BatchStatus, 'idle' | 'starting'>, readonly BatchEvent[]> = {
  running: [],
  pausing: [E.pause],
  paused: [E.pause, E.endedCancelled],
  resuming: [E.pause, E.endedCancelled, E.resume],
  restarting: [{ type: 'cancelFile', id: 1 }],
  cancelling: [E.cancel],
  done: [E.endedDone],
  cancelled: [E.cancel, E.endedCancelled],
  // Failed the usual way: the task ended, and a file had run out of retries.
  failed: [{ type: 'taskEnded', outcome: doneOutcome([1, 2, 3], [1]) }],
};

/** A machine driven into each state the ordinary way, at page times 0, 10, 20 … */
function machineIn(state: BatchStatus): BatchMachine {
  const m = new BatchMachine(params());
  let t = 0;
  const send = (...events: BatchEvent[]) => {
    for (const e of events) m.send(e, (t += 10));
  };
  const started = () =>
    send(E.start, E.taskStarted, { type: 'taskEvent', done: 0, events: [ev(1, 'transferring', 0)] });
  if (state === 'starting') send(E.start);
  else if (state !== 'idle') {
    started();
    send(...AFTER_START[state]);
  }
  expect(m.status).toBe(state);
  return m;
}

type Expect = readonly [BatchStatus, BatchCommand['type'] | null];
const same = (s: BatchStatus): Expect => [s, null];

/** While a task is asked for but not stopped yet (starting, resuming, running). */
const asked = (s: BatchStatus): Record<EventName, Expect> => ({
  start: same(s),
  pause: ['pausing', 'cancelTask'],
  resume: same(s),
  cancel: ['cancelling', 'cancelTask'],
  cancelFile2: ['restarting', 'cancelTask'],
  retryFailed: same(s),
  taskStarted: same('running'),
  taskEvent: same(s),
  endedDone: same('done'),
  endedCancelled: same('cancelled'),
  endedFailed: same('failed'),
});
/** Nothing happens at all, whatever comes. */
const inert = (s: BatchStatus): Record<EventName, Expect> => ({
  start: same(s),
  pause: same(s),
  resume: same(s),
  cancel: same(s),
  cancelFile2: same(s),
  retryFailed: same(s),
  taskStarted: same(s),
  taskEvent: same(s),
  endedDone: same(s),
  endedCancelled: same(s),
  endedFailed: same(s),
});

/** Every state × every event: the state it leads to, and the command for the driver. */
const TABLE: Record<BatchStatus, Record<EventName, Expect>> = {
  idle: { ...inert('idle'), start: ['starting', 'startTask'], cancel: same('cancelled') },
  starting: { ...asked('starting'), taskStarted: same('running') },
  resuming: asked('resuming'),
  running: { ...asked('running'), taskStarted: same('running') },
  pausing: {
    ...inert('pausing'),
    // The stop is already on its way: it now means "cancel".
    cancel: same('cancelling'),
    endedDone: same('done'),
    endedCancelled: same('paused'),
    endedFailed: same('failed'),
  },
  restarting: {
    ...inert('restarting'),
    pause: same('pausing'),
    cancel: same('cancelling'),
    endedDone: same('done'),
    endedCancelled: ['resuming', 'startTask'],
    endedFailed: same('failed'),
  },
  cancelling: {
    ...inert('cancelling'),
    endedDone: same('done'),
    endedCancelled: same('cancelled'),
    endedFailed: same('failed'),
  },
  paused: { ...inert('paused'), resume: ['resuming', 'startTask'], cancel: same('cancelled') },
  done: inert('done'),
  cancelled: inert('cancelled'),
  failed: { ...inert('failed'), retryFailed: ['resuming', 'startTask'] },
};

describe('BatchMachine: every state × every event', () => {
  const cases = Object.entries(TABLE).flatMap(([state, row]) =>
    Object.entries(row).map(([event, expected]) => ({
      state: state as BatchStatus,
      event: event as EventName,
      expected,
    })),
  );
  it.each(cases)('$state + $event → $expected', ({ state, event, expected }) => {
    const m = machineIn(state);
    const command = m.send(E[event], 1000);
    expect([m.status, command?.type ?? null]).toEqual(expected);
  });

  it('changes nothing at all for an event it ignores', () => {
    for (const [state, row] of Object.entries(TABLE)) {
      for (const [event, [to, command]] of Object.entries(row)) {
        if (to !== state || command !== null || event === 'taskEvent' || event === 'cancelFile2') continue;
        const m = machineIn(state as BatchStatus);
        const before = { files: m.files, received: m.receivedBytes, ended: m.endedAt, active: m.activeMs(2000) };
        m.send(E[event as EventName], 1000);
        expect({ files: m.files, received: m.receivedBytes, ended: m.endedAt, active: m.activeMs(2000) }).toEqual(
          before,
        );
        expect(m.files, `${state} + ${event}`).toBe(before.files);
      }
    }
  });

  it('counts as busy exactly the states with a task asked for', () => {
    expect([...BUSY].sort()).toEqual(['cancelling', 'pausing', 'restarting', 'resuming', 'running', 'starting']);
  });
});

describe('BatchMachine: clicks right after Start are kept (the hostile tester’s races)', () => {
  it('start, then cancel before the task exists: it never starts, and the batch ends cancelled', () => {
    const m = new BatchMachine(params());
    expect(m.send(E.start, 0)?.type).toBe('startTask');
    expect(m.send(E.cancel, 1)).toEqual({ type: 'cancelTask' });
    // The driver's signal kept the task from starting: it ends cancelled, never having started.
    m.send(E.endedCancelled, 40);
    expect(m.status).toBe('cancelled');
    expect(m.startedAt).toBeNull();
    expect(m.files.every((f) => f.result === null && f.stopped === 'cancelled')).toBe(true);
  });

  it('start, then cancel: a task that starts anyway (already under way) is still cancelled, not done', () => {
    const m = new BatchMachine(params());
    m.send(E.start, 0);
    m.send(E.cancel, 1);
    m.send(E.taskStarted, 30);
    m.send(E.taskEvent, 40);
    expect(m.status).toBe('cancelling');
    m.send(E.endedCancelled, 50);
    expect(m.status).toBe('cancelled');
  });

  it('start, then pause: the batch pauses instead of "Pausing…" for the whole download', () => {
    const m = new BatchMachine(params());
    m.send(E.start, 0);
    expect(m.send(E.pause, 1)).toEqual({ type: 'cancelTask' });
    expect(m.status).toBe('pausing');
    m.send(E.endedCancelled, 40);
    expect(m.status).toBe('paused');
    const resumed = m.send(E.resume, 100);
    expect(resumed).toMatchObject({ type: 'startTask', files: [{ id: 1 }, { id: 2 }, { id: 3 }] });
    m.send(E.taskStarted, 130);
    expect(m.status).toBe('running');
  });

  it('start, then cancel file 3: file 3 is never fetched nor counted, and the others go on', () => {
    const m = new BatchMachine(params());
    m.send(E.start, 0);
    expect(m.send({ type: 'cancelFile', id: 3 }, 1)).toEqual({ type: 'cancelTask' });
    expect(m.status).toBe('restarting');
    expect(m.totalBytes).toBe(200 * KB);
    const restart = m.send(E.endedCancelled, 40);
    expect(restart).toMatchObject({ type: 'startTask' });
    expect(restart?.type === 'startTask' && restart.files.map((f) => f.id)).toEqual([1, 2]);
    m.send(E.taskStarted, 60);
    m.send({ type: 'taskEnded', outcome: doneOutcome([1, 2]) }, 2000);
    expect(m.status).toBe('done');
    expect(m.receivedBytes).toBe(200 * KB);
    expect(m.receivedBytes).toBeLessThanOrEqual(m.totalBytes);
    expect(m.files[2]).toMatchObject({ result: null, stopped: 'cancelled', segments: [] });
  });

  it('a cancelled file hears nothing more: no events, no open segment, no bytes, no result', () => {
    const m = machineIn('running');
    m.send({ type: 'taskEvent', done: 30 * KB, events: [ev(2, 'transferring', 10 * KB), ev(3, 'connecting', 0)] }, 100);
    m.send(E.cancelFile2, 200);
    expect(m.files[1]?.segments.every((s) => s.to !== null)).toBe(true);
    // The task still carries file 2 until the restart lands: its bytes are in `done`, not in the batch.
    m.send({ type: 'taskEvent', done: 90 * KB, events: [ev(2, 'transferring', 60 * KB)] }, 250);
    expect(m.files[1]?.last?.bytes).toBe(10 * KB);
    expect(m.files[1]?.segments.every((s) => s.to !== null)).toBe(true);
    expect(m.receivedBytes).toBeLessThanOrEqual(m.totalBytes);
    // The task ended done before the cancel reached it: file 2's result is dropped.
    m.send({ type: 'taskEnded', outcome: doneOutcome([1, 2, 3]) }, 300);
    expect(m.status).toBe('done');
    expect(m.files[1]).toMatchObject({ result: null, stopped: 'cancelled' });
    expect(m.receivedBytes).toBe(200 * KB);
    expect(m.totalBytes).toBe(200 * KB);
  });
});

describe('BatchMachine: what the states mean', () => {
  it('folds events into the latest state and timeline segments, closed by a pause', () => {
    const m = machineIn('idle');
    m.send(E.start, 0);
    m.send(E.taskStarted, 10);
    m.send({ type: 'taskEvent', done: 0, events: [ev(1, 'connecting', 0), ev(1, 'transferring', 0)] }, 20);
    m.send({ type: 'taskEvent', done: 30 * KB, events: [ev(1, 'transferring', 30 * KB)] }, 320);
    expect(m.files[0]?.segments).toEqual([
      { state: 'connecting', from: 20, to: 20 },
      { state: 'transferring', from: 20, to: null },
    ]);
    expect(m.files[0]?.transferFrom).toEqual({ t: 20, bytes: 0 });
    expect(m.receivedBytes).toBe(30 * KB);
    m.send(E.pause, 400);
    m.send(E.endedCancelled, 420);
    expect(m.files[0]).toMatchObject({ stopped: 'paused', transferFrom: null });
    expect(m.files[0]?.segments.at(-1)).toEqual({ state: 'transferring', from: 20, to: 420 });
    // Files that never started are not "paused": they are still queued.
    expect(m.files[1]?.stopped).toBeNull();
  });

  it('never changes a view it has handed out: each change is a new object and a new array', () => {
    const m = machineIn('running');
    const files = m.files;
    const first = files[0];
    m.send({ type: 'taskEvent', done: 10 * KB, events: [ev(1, 'transferring', 10 * KB)] }, 100);
    expect(m.files).not.toBe(files);
    expect(files[0]).toBe(first);
    expect(first?.last?.bytes).toBe(0);
    expect(m.files[1]).toBe(files[1]);
  });

  it('times only the stretches a task was on the wire', () => {
    const m = new BatchMachine(params());
    m.send(E.start, 0);
    m.send(E.taskStarted, 100);
    expect(m.activeMs(250)).toBe(150);
    m.send(E.pause, 300);
    m.send(E.endedCancelled, 400);
    expect(m.activeMs(5000)).toBe(300);
    m.send(E.resume, 6000);
    m.send(E.taskStarted, 6100);
    m.send(E.endedDone, 6600);
    expect(m.activeMs(9999)).toBe(800);
    expect([m.startedAt, m.endedAt]).toEqual([100, 6600]);
  });

  it('resumes each file where it stopped, its retries already spent counted on', () => {
    const m = machineIn('running');
    m.send(
      {
        type: 'taskEvent',
        done: 90 * KB,
        events: [ev(1, 'transferring', 40 * KB, 3), ev(2, 'retrying', 50 * KB, 2), ev(3, 'done', 100 * KB)],
      },
      100,
    );
    m.send(E.pause, 200);
    m.send(E.endedCancelled, 210);
    const resumed = m.send(E.resume, 300);
    expect(resumed?.type === 'startTask' && resumed.files).toEqual([
      expect.objectContaining({ id: 1, offset: 40 * KB, firstAttempt: 2, retriesUsed: 2 }),
      expect.objectContaining({ id: 2, offset: 50 * KB, firstAttempt: 2, retriesUsed: 2 }),
    ]);
    // Paused again at once: nothing new was heard, so the same files go again, the same way.
    m.send(E.pause, 310);
    m.send(E.endedCancelled, 320);
    expect(m.send(E.resume, 330)).toEqual(resumed);
  });

  it('a retry by hand gives the failed files a fresh budget, and the wall clock runs again', () => {
    const m = machineIn('failed');
    expect(m.endedAt).not.toBeNull();
    const retry = m.send(E.retryFailed, 5000);
    expect(retry).toMatchObject({ type: 'startTask', files: [{ id: 1, retriesUsed: 0 }] });
    expect(m.endedAt).toBeNull();
    expect(m.files[0]?.result).toBeNull();
    m.send(E.taskStarted, 5010);
    m.send({ type: 'taskEnded', outcome: doneOutcome([1]) }, 6000);
    expect(m.status).toBe('done');
    expect(m.files.every((f) => f.result?.status === 'done')).toBe(true);
  });

  it('a task that fails ends the batch failed, with the reason', () => {
    const m = machineIn('running');
    m.send(E.endedFailed, 500);
    expect(m.status).toBe('failed');
    expect(m.error).toBe('worker crashed');
    expect(m.files.every((f) => f.result === null && f.stopped === 'cancelled')).toBe(true);
  });

  it('a task that finished before a pause reached it ends the batch done: the bytes did arrive', () => {
    const m = machineIn('pausing');
    m.send(E.endedDone, 500);
    expect(m.status).toBe('done');
    expect(m.receivedBytes).toBe(300 * KB);
  });

  it('cancelling every file left of a paused batch ends it', () => {
    const m = machineIn('running');
    m.send({ type: 'taskEvent', done: 100 * KB, events: [ev(1, 'done', 100 * KB)] }, 100);
    m.send(E.pause, 200);
    m.send(E.endedCancelled, 210);
    m.send({ type: 'cancelFile', id: 2 }, 300);
    expect(m.status).toBe('paused');
    m.send({ type: 'cancelFile', id: 3 }, 400);
    // File 1 had arrived, so the batch is done, with two files cancelled.
    expect(m.status).toBe('done');
    expect(m.endedAt).toBe(400);
  });

  it('a pause during a restart is kept: the batch pauses, and resumes without the cancelled file', () => {
    const m = machineIn('restarting');
    m.send(E.pause, 100);
    m.send(E.endedCancelled, 110);
    expect(m.status).toBe('paused');
    const resumed = m.send(E.resume, 200);
    expect(resumed?.type === 'startTask' && resumed.files.map((f) => f.id)).toEqual([2, 3]);
  });

  it('a batch cancelled before it starts never starts', () => {
    const m = new BatchMachine(params());
    m.send(E.cancel, 0);
    expect(m.status).toBe('cancelled');
    expect(m.send(E.start, 10)).toBeNull();
  });
});
