import { describe, expect, it } from 'vitest';
import type { PoolWorkerEvents } from '../../../shared/pool/worker-pool';
import { THREAD_ENTRY_VIA_TSX } from './fixtures/source-entries';
import { withTimeout } from './fixtures/task-runs';
import type { HostWorker } from './host-worker';
import { workerThreadSpawner } from './spawn-worker-thread';

function spawnOne(entry: URL, lane = 0) {
  const messages: unknown[] = [];
  const failures: string[] = [];
  let onMessage = () => {};
  const events: PoolWorkerEvents = {
    message: (data) => {
      messages.push(data);
      onMessage();
    },
    failed: (reason) => failures.push(reason),
  };
  const worker: HostWorker = workerThreadSpawner(entry)(lane, events);
  const nextMessage = () => new Promise<void>((resolve) => (onMessage = resolve));
  return { worker, messages, failures, nextMessage };
}

describe('workerThreadSpawner', () => {
  it('runs the thread entry: a task goes in, its result comes back', async () => {
    const { worker, messages, failures, nextMessage } = spawnOne(THREAD_ENTRY_VIA_TSX);
    expect(worker.id).toBeGreaterThan(0);
    const answered = nextMessage();
    worker.post(
      { type: 'start', taskId: 't', workload: 'primes', params: { limit: 1000 }, shard: { index: 0, count: 1 } },
      [],
    );
    await withTimeout(answered, 10_000, 'an answer');
    while (!messages.some((m) => (m as { type: string }).type === 'result'))
      await withTimeout(nextMessage(), 5_000, 'the result');
    expect(messages.at(-1)).toMatchObject({ type: 'result', taskId: 't', part: 168 });
    worker.terminate();
    await withTimeout(worker.exited, 5_000, 'exit');
    expect(worker.hasExited()).toBe(true);
    // Stopped on purpose: not a failure.
    expect(failures).toEqual([]);
    // Posting to a thread that has gone is a no-op, not an error.
    expect(() => worker.post({ type: 'cancel', taskId: 't' }, [])).not.toThrow();
  });

  it('reports a thread whose entry cannot load, naming the lane, exactly once', async () => {
    const { worker, failures } = spawnOne(new URL('./fixtures/no-such-entry.mjs', import.meta.url), 2);
    await withTimeout(worker.exited, 5_000, 'exit');
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatch(/^Worker thread 3 crashed: Cannot find module .*no-such-entry\.mjs/);
  });

  it('reports an exit it did not ask for, with the exit code', async () => {
    const { worker, failures } = spawnOne(THREAD_ENTRY_VIA_TSX, 1);
    worker.post({ type: 'crash', taskId: 'c', mode: 'exit' }, []);
    await withTimeout(worker.exited, 10_000, 'exit');
    expect(failures).toEqual(['Worker thread 2 exited with code 3']);
  });
});
