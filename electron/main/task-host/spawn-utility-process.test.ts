import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ToWorker } from '../../../shared/protocol/messages';
import { PROCESS_ENTRY_TS } from './fixtures/source-entries';
import { processExists, until, withTimeout } from './fixtures/task-runs';
import { forkViaChildProcess } from './fixtures/utility-process-via-fork';
import { utilityProcessSpawner } from './spawn-utility-process';

/**
 * The utilityProcess spawner driving real processes: Electron's utilityProcess.fork needs the
 * Electron binary, so a thin adapter over child_process.fork of the same shape stands in for it
 * (fixtures/utility-process-via-fork.ts), running the real process entry. Naming, message flow,
 * failure reasons, and never posting after exit. The real utility process is exercised by
 * e2e/electron.e2e.test.ts wherever Electron runs.
 */

const ENTRY = fileURLToPath(PROCESS_ENTRY_TS);

const start: ToWorker = {
  type: 'start',
  taskId: 'job-1',
  workload: 'primes',
  params: { limit: 10 },
  shard: { index: 0, count: 1 },
};

const made: { terminate(): void; exited: Promise<void> }[] = [];

afterEach(async () => {
  for (const worker of made) worker.terminate();
  await Promise.all(made.map((worker) => worker.exited));
  made.length = 0;
});

function spawn(lane: number) {
  const { fork, forked } = forkViaChildProcess();
  const events = { message: vi.fn(), failed: vi.fn() };
  const worker = utilityProcessSpawner(fork, ENTRY)(lane, events);
  made.push(worker);
  const child = forked.at(-1);
  if (!child) throw new Error('nothing was forked');
  return { worker, events, child };
}

describe('utilityProcessSpawner', () => {
  it('forks the entry as "Unfreeze worker N", with piped output', () => {
    const { child } = spawn(2);
    expect(child.modulePath).toBe(ENTRY);
    expect(child.args).toEqual([]);
    expect(child.options).toEqual({ serviceName: 'Unfreeze worker 3', stdio: 'pipe' });
  });

  it('passes messages both ways and knows its pid once spawned', async () => {
    const { worker, events, child } = spawn(0);
    expect(worker.id).toBeUndefined();
    worker.post(start, []);
    expect(child.posts).toBe(1);
    await until(() => events.message.mock.calls.some(([m]) => (m as { type: string }).type === 'result'), 'the result');
    expect(events.message).toHaveBeenCalledWith(expect.objectContaining({ type: 'result', taskId: 'job-1', part: 4 }));
    expect(worker.id).toBe(child.child.pid);
    expect(processExists(worker.id ?? -1)).toBe(true);
  });

  it('fails the lane with the exit code and the error line of stderr, and posts nothing after', async () => {
    const { worker, events, child } = spawn(0);
    worker.post({ type: 'crash', taskId: 'c', mode: 'throw' }, []);
    await withTimeout(worker.exited, 10_000, 'exit');
    expect(worker.hasExited()).toBe(true);
    await until(() => events.failed.mock.calls.length > 0, 'the failure report');
    expect(events.failed.mock.calls).toEqual([
      ['Unfreeze worker 1 exited unexpectedly with code 1: Error: Crash lab: an uncaught error was thrown on purpose'],
    ]);
    await expect(worker.exited).resolves.toBeUndefined();
    worker.post(start, []);
    worker.terminate();
    expect(child.posts).toBe(1);
    expect(child.postsAfterExit).toBe(0);
    expect(child.kills).toBe(0);
  });

  it('names a fatal V8 error when there is one', async () => {
    const { worker, events, child } = spawn(1);
    // Electron reports a fatal V8 error with 'error' just before the process dies; plain Node
    // has no such event, so it is emitted here as Electron would, and the process really aborts.
    child.emit('error', 'FatalError', 'v8::ToLocalChecked Empty MaybeLocal', '{}');
    worker.post({ type: 'crash', taskId: 'c', mode: 'crash' }, []);
    await withTimeout(worker.exited, 10_000, 'exit');
    await until(() => events.failed.mock.calls.length > 0, 'the failure report');
    expect(events.failed.mock.calls).toEqual([
      ['Unfreeze worker 2 exited unexpectedly with code 134: FatalError at v8::ToLocalChecked Empty MaybeLocal'],
    ]);
  });

  it('kills once on terminate, reports no failure for that exit, and posts nothing in between', async () => {
    const { worker, events, child } = spawn(0);
    worker.post({ type: 'crash', taskId: 'h', mode: 'hang' }, []);
    worker.terminate();
    worker.terminate();
    expect(child.kills).toBe(1);
    worker.post(start, []);
    expect(child.posts).toBe(1);
    await withTimeout(worker.exited, 10_000, 'exit');
    // Every report the spawner could make is made by now: the process is gone, its stderr read.
    await child.closed;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(events.failed).not.toHaveBeenCalled();
    expect(processExists(child.child.pid ?? -1)).toBe(false);
  });

  it('drains stdout, so a chatty worker cannot block on a full pipe', () => {
    const { child } = spawn(0);
    expect(child.stdout?.readableFlowing).toBe(true);
  });
});
