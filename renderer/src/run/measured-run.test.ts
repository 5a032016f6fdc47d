import { afterEach, describe, expect, it, vi } from 'vitest';
import { NO_FIGURES, nodeRunEnvironment as environment } from './fixtures/node-run-environment';
import { measuredRun } from './measured-run';
import { RunSignal } from './run-signal';

const primes = (limit: number) => ({ workload: 'primes' as const, params: { limit } });

afterEach(() => vi.unstubAllGlobals());

describe('measuredRun', () => {
  it('paints, opens the meter window, starts the task, and closes the window after the outcome', async () => {
    const log: string[] = [];
    const run = await measuredRun(
      'renderer-sliced',
      primes(200_000),
      { onStart: () => log.push('onStart'), listener: { onProgress: () => log.push('progress') } },
      environment(log),
    );
    expect(run.outcome).toMatchObject({ status: 'done', result: { limit: 200_000, count: 17_984 } });
    expect(run.started).toBe(true);
    const lifecycle = log.filter((entry, i) => entry !== 'progress' || log[i - 1] !== 'progress');
    expect(lifecycle).toEqual([
      'meters.start',
      'frame',
      'frame',
      'meters.beginRun',
      'onStart',
      'startTask',
      'progress',
      'meters.endRun',
    ]);
    expect(run.endMs).toBeGreaterThanOrEqual(run.startMs);
    expect(run.wallMs).toBeCloseTo(run.endMs - run.startMs, 6);
    expect(run.responsiveness).toBe(NO_FIGURES);
  });

  it('says "started" before a blocking run, whose progress all comes inside startTask', async () => {
    const log: string[] = [];
    await measuredRun(
      'renderer-main',
      primes(50_000),
      { paintFrames: 0, onStart: () => log.push('onStart'), listener: { onProgress: () => log.push('progress') } },
      environment(log),
    );
    expect(log.slice(0, 4)).toEqual(['meters.start', 'meters.beginRun', 'onStart', 'startTask']);
    expect(log.indexOf('progress')).toBeGreaterThan(log.indexOf('startTask'));
    expect(log.at(-1)).toBe('meters.endRun');
  });

  it('never starts a task cancelled while the "running" state paints, and still closes the window', async () => {
    const log: string[] = [];
    const env = environment(log);
    const signal = new RunSignal();
    const running = measuredRun('renderer-sliced', primes(50_000_000), { signal }, env);
    signal.cancel();
    const run = await running;
    expect(run.outcome.status).toBe('cancelled');
    expect(run.started).toBe(false);
    expect(env.tasks()).toBe(0);
    expect(log).toEqual(['meters.start', 'frame', 'frame', 'meters.beginRun', 'meters.endRun']);
  });

  it('cancels a task the moment it exists when the cancel came as it was being started', async () => {
    const signal = new RunSignal();
    const started = performance.now();
    const run = await measuredRun(
      'renderer-sliced',
      // Tens of seconds of work: only a cancel that got through ends it this soon.
      primes(50_000_000),
      { signal, paintFrames: 0, onStart: () => signal.cancel() },
      environment([]),
    );
    expect(run.outcome.status).toBe('cancelled');
    expect(run.started).toBe(true);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('cancels a running task through its signal', async () => {
    const signal = new RunSignal();
    const running = measuredRun('renderer-sliced', primes(50_000_000), { signal, paintFrames: 0 }, environment([]));
    await new Promise((resolve) => setTimeout(resolve, 50));
    signal.cancel();
    expect((await running).outcome.status).toBe('cancelled');
  });

  it('turns bad parameters into a failed outcome that names the field and its range', async () => {
    const log: string[] = [];
    const run = await measuredRun('renderer-sliced', primes(1), {}, environment(log));
    expect(run.started).toBe(false);
    expect(run.outcome).toMatchObject({ status: 'failed', message: expect.stringMatching(/limit must be .* 2 to/) });
    expect(log.at(-1)).toBe('meters.endRun');
  });

  it('turns a place this edition does not have into a failed outcome', async () => {
    vi.stubGlobal('window', {});
    const run = await measuredRun('worker-thread', primes(100), { paintFrames: 0 }, environment([]));
    expect(run.started).toBe(false);
    expect(run.outcome).toMatchObject({ status: 'failed', message: expect.stringMatching(/needs the desktop app/) });
  });
});
