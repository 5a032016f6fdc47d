import { describe, expect, it, vi } from 'vitest';
import type { HostPlace } from '../../../shared/host/host-places';
import type { TaskRequest } from '../../../shared/run/task-request';
import type { TaskProgress } from '../../../shared/run/task-request';
import { startHostTask } from './host-task';

/**
 * The event plumbing of a main-side task, against a recording in-test double of the three
 * calls it uses (not a stand-in desktop app: no metrics, no pings, no real work).
 */
function recordingApi(startReply: () => Promise<void> = () => Promise.resolve()) {
  const listeners = new Set<(event: unknown) => void>();
  const calls: string[] = [];
  const api = {
    onTaskEvent: (listener: (event: never) => void) => {
      calls.push('subscribe');
      const l = listener as (event: unknown) => void;
      listeners.add(l);
      return () => {
        calls.push('unsubscribe');
        listeners.delete(l);
      };
    },
    startTask: vi.fn((taskId: string, place: HostPlace, _request: TaskRequest) => {
      calls.push(`start ${taskId} ${place}`);
      return startReply();
    }),
    cancelTask: vi.fn((taskId: string) => {
      calls.push(`cancel ${taskId}`);
      return Promise.resolve();
    }),
  };
  const emit = (event: unknown) => {
    for (const l of [...listeners]) l(event);
  };
  return { api, calls, emit, listeners };
}

const primes: TaskRequest = { workload: 'primes', params: { limit: 1000 } };
const options = { newId: () => 'task-1', now: () => 0 };

describe('startHostTask', () => {
  it('subscribes before starting, forwards its own events, and resolves on end', async () => {
    const { api, calls, emit, listeners } = recordingApi();
    const progress: TaskProgress[] = [];
    const lanes: unknown[] = [];
    const task = startHostTask(
      api,
      'worker-thread',
      primes,
      { onProgress: (p) => progress.push(p), onLanes: (l) => lanes.push(l) },
      options,
    );
    expect(calls).toEqual(['subscribe', 'start task-1 worker-thread']);

    emit({ type: 'progress', taskId: 'someone-else', done: 5, total: 10, lane: 0, chunks: [] });
    emit({ type: 'progress', taskId: 'task-1', done: 3, total: 10, lane: 1, chunks: [] });
    emit({ type: 'lanes', taskId: 'task-1', lanes: [{ lane: 1, done: 3, total: 10 }] });
    emit({
      type: 'end',
      taskId: 'task-1',
      outcome: { status: 'done', result: { limit: 1000, count: 168 }, elapsedMs: 12 },
    });

    expect(await task.outcome).toEqual({ status: 'done', result: { limit: 1000, count: 168 }, elapsedMs: 12 });
    expect(progress).toEqual([{ done: 3, total: 10, lane: 1, chunks: [] }]);
    expect(lanes).toEqual([[{ lane: 1, done: 3, total: 10 }]]);
    expect(listeners.size).toBe(0);
  });

  it('fails the task with the main process’s message when it refuses to start', async () => {
    const { api, listeners } = recordingApi(() => Promise.reject(new Error('Unknown workload “gpu”')));
    const task = startHostTask(api, 'utility-process', primes, { onProgress: () => {} }, options);
    expect(await task.outcome).toEqual({ status: 'failed', message: 'Unknown workload “gpu”', elapsedMs: 0 });
    expect(listeners.size).toBe(0);
  });

  it('fails the task on a malformed event of its own, and stops the work there', async () => {
    const { api, emit, calls } = recordingApi();
    const task = startHostTask(api, 'worker-thread', primes, { onProgress: () => {} }, options);
    emit({ type: 'progress', taskId: 'task-1', done: -1, total: 'lots', lane: 0, chunks: [] });
    const outcome = await task.outcome;
    expect(outcome.status).toBe('failed');
    expect(outcome.status === 'failed' && outcome.message).toMatch(
      /^The main process sent a malformed task event: .*total/,
    );
    expect(calls).toContain('cancel task-1');
  });

  it('fails the task on a chunk its workload does not accept', async () => {
    const { api, emit } = recordingApi();
    const onProgress = vi.fn();
    const task = startHostTask(
      api,
      'worker-thread',
      {
        workload: 'mandelbrot',
        params: { width: 64, height: 64, maxIterations: 100, centerRe: -0.5, centerIm: 0, span: 3 },
      },
      { onProgress },
      options,
    );
    emit({ type: 'progress', taskId: 'task-1', done: 1, total: 4, lane: 0, chunks: [{ index: 0 }] });
    const outcome = await task.outcome;
    expect(outcome.status === 'failed' && outcome.message).toMatch(/malformed chunk/);
    expect(onProgress).not.toHaveBeenCalled();
  });

  it('cancels through the API, and the end event settles it', async () => {
    const { api, emit } = recordingApi();
    const task = startHostTask(api, 'utility-process', primes, { onProgress: () => {} }, options);
    task.cancel();
    expect(api.cancelTask).toHaveBeenCalledWith('task-1');
    emit({ type: 'end', taskId: 'task-1', outcome: { status: 'cancelled', elapsedMs: 40 } });
    expect(await task.outcome).toEqual({ status: 'cancelled', elapsedMs: 40 });
    task.cancel();
    expect(api.cancelTask).toHaveBeenCalledTimes(1);
  });

  it('asks the pool for a number of shares when told to (the speedup chart)', () => {
    const { api } = recordingApi();
    startHostTask(api, 'worker-thread', primes, { onProgress: () => {} }, { ...options, shards: 2 });
    startHostTask(api, 'worker-thread', primes, { onProgress: () => {} }, options);
    expect(api.startTask.mock.calls).toEqual([
      ['task-1', 'worker-thread', primes, 2],
      ['task-1', 'worker-thread', primes],
    ]);
  });

  it("leaves bad parameters to the main process, and shows the user its 'bad-request' message", async () => {
    // What the dispatcher answers for these parameters (electron/main/invoke-handlers.test.ts).
    const refusal =
      'Invalid request for "task:start": Invalid Prime counting parameters: limit: ' +
      'limit must be a whole number from 2 to 100,000,000';
    const { api, calls, listeners } = recordingApi(() => Promise.reject(new Error(refusal)));
    const task = startHostTask(
      api,
      'main-process',
      { workload: 'primes', params: { limit: 1 } },
      { onProgress: () => {} },
      options,
    );
    expect(await task.outcome).toEqual({ status: 'failed', message: refusal, elapsedMs: 0 });
    expect(calls).toEqual(['subscribe', 'start task-1 main-process', 'unsubscribe']);
    expect(listeners.size).toBe(0);
  });
});
