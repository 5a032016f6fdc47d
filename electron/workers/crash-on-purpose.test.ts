import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import type { CrashMode } from '../../shared/protocol/messages';
import { CRASH_EXIT_CODE } from './crash-on-purpose';

/** Each mode breaks a real worker thread (fixtures/crash-via-tsx.mjs), as the entries use it. */
function breakThread(mode: CrashMode) {
  const worker = new Worker(new URL('./fixtures/crash-via-tsx.mjs', import.meta.url), { workerData: { mode } });
  const errors: string[] = [];
  worker.on('error', (error: Error) => errors.push(error.message));
  const exitCode = new Promise<number>((resolve) => worker.once('exit', resolve));
  return { worker, errors, exitCode };
}

const within = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([promise, new Promise<'still running'>((resolve) => setTimeout(() => resolve('still running'), ms))]);

describe('crashOnPurpose', () => {
  it('throw: an uncaught error that no try/catch of the task server can catch', async () => {
    const { errors, exitCode } = breakThread('throw');
    expect(await within(exitCode, 15_000)).toBe(1);
    expect(errors).toEqual(['Crash lab: an uncaught error was thrown on purpose']);
  });

  it('exit: ends the worker through the exit it was given, with code 3', async () => {
    const { errors, exitCode } = breakThread('exit');
    expect(CRASH_EXIT_CODE).toBe(3);
    expect(await within(exitCode, 15_000)).toBe(3);
    expect(errors).toEqual([]);
  });

  it('crash: crashes through the hard crash it was given', async () => {
    const { errors, exitCode } = breakThread('crash');
    expect(await within(exitCode, 15_000)).toBe(70);
    expect(errors).toEqual([]);
  });

  it('hang: never returns, so only terminating the thread ends it', async () => {
    const { worker, exitCode } = breakThread('hang');
    // The thread has loaded and is breaking now: what follows is the hang, not a slow start.
    await new Promise<void>((resolve) => worker.once('message', () => resolve()));
    expect(await within(exitCode, 1_000)).toBe('still running');
    void worker.terminate();
    expect(await within(exitCode, 5_000)).toBe(1);
  });
});
