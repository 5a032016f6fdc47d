import { afterEach, describe, expect, it } from 'vitest';
import { MAX_IPC_MESSAGE } from '../../../shared/ipc/result';
import { labRunAnswerSchema } from '../../../shared/lab/lab-ipc';
import { createLabRunner, type LabRunner } from './lab-runner';
import { labThreadSpawner, type LabThreads } from './lab-thread-spawner';

/** The main process's lab runner with real worker threads running the lab's thread entry. */
const ENTRY = new URL('./fixtures/lab-thread-via-tsx.mjs', import.meta.url);

let made: { runner: LabRunner; threads: LabThreads }[] = [];

function runnerWithThreads(timeoutMs?: number) {
  const threads = labThreadSpawner(ENTRY);
  const runner = createLabRunner(threads.spawn, timeoutMs);
  made.push({ runner, threads });
  return { runner, threads };
}

afterEach(async () => {
  for (const { runner, threads } of made) {
    runner.dispose();
    await threads.allExited();
  }
  made = [];
});

describe('lab runner in worker threads', () => {
  it('runs the bank with and without the lock, and every answer fits the channel’s schema', async () => {
    const { runner, threads } = runnerWithThreads();
    const locked = await runner.run({ scenario: 'bank', params: { locked: true } });
    expect(labRunAnswerSchema.parse(locked)).toMatchObject({ status: 'done', asExpected: true, threads: 4 });
    expect(locked.figures.balance_units).toBe(150);
    const unlocked = await runner.run({ scenario: 'race', params: { mode: 'unsynchronised', increments: 2000 } });
    expect(unlocked.figures.lost_count).toBeGreaterThan(0);
    expect(threads.alive()).toBe(4);
  });

  it('breaks a deadlock by its timeouts, and the watchdog ends one that would not break — leaving no thread', async () => {
    const { runner, threads } = runnerWithThreads(3000);
    const broken = await runner.run({ scenario: 'deadlock', params: { variant: 'opposite', timeoutMs: 300 } });
    expect(broken).toMatchObject({ status: 'done', asExpected: true });
    const stuck = await runner.run({ scenario: 'deadlock', params: { variant: 'opposite', timeoutMs: 10_000 } });
    expect(stuck.status).toBe('timed-out');
    expect(stuck.message).toMatch(/terminated/);
    await threads.allExited();
    expect(threads.alive()).toBe(0);
    expect(runner.live()).toBe(0);
  });

  it('wakes the event waiter at 2 s (± 0.2 s)', async () => {
    const { runner } = runnerWithThreads();
    const answer = await runner.run({ scenario: 'event', params: {} });
    expect(answer.asExpected).toBe(true);
    expect(answer.figures.wake_s).toBeGreaterThanOrEqual(1.8);
    expect(answer.figures.wake_s).toBeLessThanOrEqual(2.2);
  });

  it('answers bad params with a clear message and starts no thread', async () => {
    const { runner, threads } = runnerWithThreads();
    const answer = await runner.run({ scenario: 'thread-local', params: { lanes: 40 } });
    expect(answer).toMatchObject({ status: 'failed', asExpected: false });
    expect(answer.message).toMatch(/lanes/);
    expect(threads.alive()).toBe(0);
  });

  it('answers an 8 MB key or one with line breaks in one short, escaped line, like every channel', async () => {
    const { runner, threads } = runnerWithThreads();
    const huge = await runner.run({ scenario: 'event', params: { ['k'.repeat(8 * 1024 * 1024)]: 1 } });
    expect(huge.message.length).toBeLessThanOrEqual(MAX_IPC_MESSAGE);
    expect(labRunAnswerSchema.safeParse(huge).success).toBe(true);
    const forged = await runner.run({ scenario: 'event', params: { 'x\n[main] all good\u2028': 1 } });
    expect(forged.message).toContain('x\\u000a[main] all good\\u2028');
    expect(threads.alive()).toBe(0);
  });
});
