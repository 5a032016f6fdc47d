import type { ChildProcess } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { PoolWorkerEvents } from '../../../shared/pool/worker-pool';
import type { CrashMode } from '../../../shared/protocol/messages';
import { sourceProcessSpawner } from './fixtures/source-entries';
import { processExists, until, withTimeout } from './fixtures/task-runs';
import { childProcessSpawner } from './spawn-child-process';

function spawnOne(lane = 0, entry?: URL) {
  let child: ChildProcess | undefined;
  const onSpawn = (c: ChildProcess) => (child = c);
  const spawn = entry ? childProcessSpawner(entry, { onSpawn }) : sourceProcessSpawner({ onSpawn });
  const messages: unknown[] = [];
  const failures: string[] = [];
  const events: PoolWorkerEvents = {
    message: (data) => messages.push(data),
    failed: (reason) => failures.push(reason),
  };
  const worker = spawn(lane, events);
  if (!child) throw new Error('onSpawn was not called');
  return { worker, child, messages, failures };
}

describe('childProcessSpawner', () => {
  it('runs the process entry over advanced serialization, and kills it on terminate', async () => {
    const { worker, messages, failures } = spawnOne();
    expect(worker.id).toBeGreaterThan(0);
    worker.post(
      {
        type: 'start',
        taskId: 't',
        workload: 'mandelbrot',
        params: { width: 16, height: 16, maxIterations: 50, centerRe: 0, centerIm: 0, span: 3, tileSize: 16 },
        shard: { index: 0, count: 1 },
      },
      [],
    );
    await until(() => messages.some((m) => (m as { type: string }).type === 'result'), 'the result');
    const progress = messages.find((m) => ((m as { chunks?: unknown[] }).chunks?.length ?? 0) > 0) as {
      chunks: { rgba: unknown }[];
    };
    // A typed array survives the trip between processes (as a copy).
    expect(progress.chunks[0]?.rgba).toBeInstanceOf(Uint8ClampedArray);
    worker.terminate();
    await withTimeout(worker.exited, 5_000, 'exit');
    expect(failures).toEqual([]);
    expect(processExists(worker.id ?? -1)).toBe(false);
  });

  it.each<[CrashMode, RegExp]>([
    ['exit', /^Utility process 2 exited with code 3$/],
    ['throw', /^Utility process 2 exited with code 1: Error: Crash lab: an uncaught error was thrown on purpose$/],
    ['crash', /^Utility process 2 crashed \(signal SIGABRT\)$/],
  ])('reports a process that dies (%s) once, clearly, and never writes to it again', async (mode, message) => {
    const { worker, child, failures } = spawnOne(1);
    let sendsAfterExit = 0;
    let exited = false;
    child.once('exit', () => (exited = true));
    const send = child.send.bind(child);
    child.send = ((...args: Parameters<ChildProcess['send']>) => {
      if (exited) sendsAfterExit++;
      return send(...args);
    }) as ChildProcess['send'];
    worker.post({ type: 'crash', taskId: 'c', mode }, []);
    await withTimeout(worker.exited, 10_000, 'exit');
    worker.post({ type: 'cancel', taskId: 'c' }, []);
    await until(() => failures.length > 0, 'the failure report');
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatch(message);
    expect(sendsAfterExit).toBe(0);
    worker.terminate(); // what the pool does next: harmless on a dead process
  });

  it('reports an entry that cannot load, with the error line from its stderr', async () => {
    const { worker, failures } = spawnOne(0, new URL('./fixtures/no-such-entry.mjs', import.meta.url));
    await withTimeout(worker.exited, 10_000, 'exit');
    await until(() => failures.length > 0, 'the failure report');
    expect(failures[0]).toMatch(
      /^Utility process 1 exited with code 1: Error: Cannot find module .*no-such-entry\.mjs/,
    );
  });
});
