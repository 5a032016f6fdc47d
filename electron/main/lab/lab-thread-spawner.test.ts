import { describe, expect, it } from 'vitest';
import type { ToLabWorker } from '../../../shared/lab/lab-messages';
import type { PoolWorkerEvents } from '../../../shared/pool/worker-pool';
import { labThreadSpawner } from './lab-thread-spawner';

/** The lab's threads on their own; running scenarios through them is lab-runner.test.ts's job. */
function spawnOne(entry: URL, lane = 0) {
  const threads = labThreadSpawner(entry);
  const messages: unknown[] = [];
  const failures: string[] = [];
  const events: PoolWorkerEvents = {
    message: (data) => messages.push(data),
    failed: (reason) => failures.push(reason),
  };
  const worker = threads.spawn(lane, events);
  return { threads, worker, messages, failures };
}

describe('labThreadSpawner', () => {
  it('reports a thread whose entry cannot load once (not as a crash and then an exit), naming the lane', async () => {
    const { threads, worker, failures } = spawnOne(new URL('./fixtures/no-such-entry.mjs', import.meta.url), 2);
    expect(threads.alive()).toBe(1);
    await threads.allExited();
    expect(threads.alive()).toBe(0);
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatch(/^Lab thread 3 crashed: Cannot find module .*no-such-entry\.mjs/);
    // What the crew does next: harmless on a thread that has gone.
    const run: ToLabWorker = {
      type: 'run',
      runId: 1,
      scenario: 'race',
      lane: 2,
      lanes: 3,
      buffer: new SharedArrayBuffer(64),
      params: {},
    };
    expect(() => worker.post(run)).not.toThrow();
    worker.terminate();
  });

  it('stops a thread on terminate without calling that a failure, and leaves none behind', async () => {
    const { threads, worker, failures } = spawnOne(new URL('./fixtures/lab-thread-via-tsx.mjs', import.meta.url));
    worker.terminate();
    worker.terminate();
    await threads.allExited();
    expect(threads.alive()).toBe(0);
    expect(failures).toEqual([]);
  });
});
