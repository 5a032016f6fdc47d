import { describe, expect, it, vi } from 'vitest';
import type { ToWorker } from '../../shared/protocol/messages';

/**
 * The utilityProcess spawner against a stand-in for Electron's UtilityProcess (the real one needs
 * the Electron binary): naming, message flow, failure reasons, and never posting after exit.
 * The real process is exercised by e2e/electron.e2e.test.ts wherever Electron runs.
 */

const fake = await vi.hoisted(async () => {
  const { EventEmitter } = await import('node:events');
  const { PassThrough } = await import('node:stream');
  class FakeUtilityProcess extends EventEmitter {
    pid: number | undefined = undefined;
    readonly posted: unknown[] = [];
    readonly stdout = new PassThrough();
    readonly stderr = new PassThrough();
    kill = vi.fn(() => true);
    constructor(
      readonly modulePath: string,
      readonly args: string[],
      readonly options: Record<string, unknown>,
    ) {
      super();
    }
    postMessage(message: unknown) {
      this.posted.push(message);
    }
  }
  const forked: FakeUtilityProcess[] = [];
  return {
    forked,
    utilityProcess: {
      fork: vi.fn((modulePath: string, args: string[], options: Record<string, unknown>) => {
        const child = new FakeUtilityProcess(modulePath, args, options);
        forked.push(child);
        return child;
      }),
    },
  };
});

vi.mock('electron', () => ({ utilityProcess: fake.utilityProcess, default: { utilityProcess: fake.utilityProcess } }));

const { utilityProcessSpawner } = await import('./utility-spawner');

const start: ToWorker = {
  type: 'start',
  taskId: 'job-1',
  workload: 'primes',
  params: { limit: 10 },
  shard: { index: 0, count: 1 },
};

function spawn(lane: number) {
  const events = { message: vi.fn(), failed: vi.fn() };
  const worker = utilityProcessSpawner('/app/out/main/workers/process-entry.js')(lane, events);
  const child = fake.forked.at(-1);
  if (!child) throw new Error('nothing was forked');
  return { worker, events, child };
}

describe('utilityProcessSpawner', () => {
  it('forks the entry as "Unfreeze worker N", with piped output', () => {
    const { child } = spawn(2);
    expect(child.modulePath).toBe('/app/out/main/workers/process-entry.js');
    expect(child.args).toEqual([]);
    expect(child.options).toEqual({ serviceName: 'Unfreeze worker 3', stdio: 'pipe' });
  });

  it('passes messages both ways and knows its pid once spawned', () => {
    const { worker, events, child } = spawn(0);
    expect(worker.id).toBeUndefined();
    child.pid = 4242;
    expect(worker.id).toBe(4242);
    worker.post(start, []);
    expect(child.posted).toEqual([start]);
    child.emit('message', { type: 'cancelled', taskId: 'job-1' });
    expect(events.message).toHaveBeenCalledWith({ type: 'cancelled', taskId: 'job-1' });
  });

  it('fails the lane with the exit code and the error line of stderr, and posts nothing after', async () => {
    const { worker, events, child } = spawn(0);
    child.stderr.write(
      'file:///app/out/main/workers/process-entry.js:12\n    throw err;\nError: Crash lab: an uncaught error was thrown on purpose\n    at Timeout._onTimeout\n',
    );
    await new Promise((resolve) => setImmediate(resolve));
    child.emit('exit', 1);
    expect(events.failed).toHaveBeenCalledWith(
      'Unfreeze worker 1 exited unexpectedly with code 1: Error: Crash lab: an uncaught error was thrown on purpose',
    );
    expect(worker.hasExited()).toBe(true);
    await expect(worker.exited).resolves.toBeUndefined();
    worker.post(start, []);
    worker.terminate();
    expect(child.posted).toEqual([]);
    expect(child.kill).not.toHaveBeenCalled();
  });

  it('names a fatal V8 error when there is one', () => {
    const { events, child } = spawn(1);
    child.emit('error', 'FatalError', 'v8::ToLocalChecked Empty MaybeLocal', '{}');
    child.emit('exit', 133);
    expect(events.failed).toHaveBeenCalledWith(
      'Unfreeze worker 2 exited unexpectedly with code 133: FatalError at v8::ToLocalChecked Empty MaybeLocal',
    );
  });

  it('kills once on terminate, reports no failure for that exit, and posts nothing in between', async () => {
    const { worker, events, child } = spawn(0);
    worker.terminate();
    worker.terminate();
    expect(child.kill).toHaveBeenCalledTimes(1);
    worker.post(start, []);
    expect(child.posted).toEqual([]);
    child.emit('exit', 0);
    await worker.exited;
    expect(events.failed).not.toHaveBeenCalled();
  });

  it('drains stdout, so a chatty worker cannot block on a full pipe', () => {
    const { child } = spawn(0);
    expect(child.stdout.readableFlowing).toBe(true);
  });
});
