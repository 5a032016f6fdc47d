import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import type { Timers } from '../pool/worker-pool';
import { ParamsError } from '../workloads/params-error';
import type { DeadlockLane } from './deadlock';
import { LabCrew, type CrewOutcome, type SpawnLabWorker } from './lab-crew';
import { findWaitCycle } from './wait-for-graph';

/**
 * Every scenario for real: the crew starts Node worker threads running the lab's worker side
 * (fixtures/lab-thread.mjs → lab-server.ts), exactly as the page starts Web Workers.
 */
const LAB_THREAD = new URL('./fixtures/lab-thread.mjs', import.meta.url);

const timers: Timers = {
  set: (callback, ms) => setTimeout(callback, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

interface Threads {
  started: number;
  exited: Promise<void>[];
  alive(): number;
}

function nodeSpawner(threads: Threads): SpawnLabWorker {
  return (lane, events) => {
    const worker = new Worker(LAB_THREAD, { name: `lab ${lane + 1}` });
    threads.started++;
    let running = true;
    threads.exited.push(new Promise((resolve) => worker.once('exit', () => ((running = false), resolve()))));
    const alive = threads.alive;
    threads.alive = () => alive() + (running ? 1 : 0);
    worker.on('message', (data: unknown) => events.message(data));
    worker.on('error', (error) => events.failed(`Worker ${lane + 1} crashed: ${error.message}`));
    return { post: (message) => worker.postMessage(message), terminate: () => void worker.terminate() };
  };
}

let crews: { crew: LabCrew; threads: Threads }[] = [];

function newCrew() {
  const threads: Threads = { started: 0, exited: [], alive: () => 0 };
  const crew = new LabCrew(nodeSpawner(threads), timers, () => performance.now());
  crews.push({ crew, threads });
  return { crew, threads };
}

afterEach(async () => {
  for (const { crew, threads } of crews) {
    crew.dispose();
    await Promise.all(threads.exited);
  }
  crews = [];
});

function expectDone(outcome: CrewOutcome) {
  if (outcome.status !== 'done') throw new Error(`run ${outcome.status}: ${outcome.message}`);
  return outcome;
}

describe('race', () => {
  it('loses updates without synchronisation, and counts exactly with Atomics.add and with the mutex', async () => {
    const { crew } = newCrew();
    const unsafe = expectDone(
      await crew.run('race', { mode: 'unsynchronised', lanes: 4, increments: 2000 }, 30_000).done,
    );
    expect(unsafe.verdict.figures.expected_count).toBe(8000);
    expect(unsafe.verdict.figures.lost_count).toBeGreaterThan(0);
    expect(unsafe.verdict.asExpected).toBe(true);

    for (const mode of ['atomic', 'mutex'] as const) {
      const exact = expectDone(await crew.run('race', { mode, lanes: 4, increments: 2000 }, 30_000).done);
      expect(exact.verdict.figures.counted_count).toBe(8000);
      expect(exact.verdict.figures.lost_count).toBe(0);
      expect(exact.verdict.asExpected).toBe(true);
    }
  });
});

describe('bank account', () => {
  it('ends at 150 every time with the lock, and mostly wrong without it', async () => {
    const { crew, threads } = newCrew();
    for (let round = 0; round < 3; round++) {
      const locked = expectDone(await crew.run('bank', { locked: true }, 30_000).done);
      expect(locked.verdict.figures.balance_units).toBe(150);
    }
    const balances: number[] = [];
    for (let round = 0; round < 5; round++) {
      balances.push(
        expectDone(await crew.run('bank', { locked: false }, 30_000).done).verdict.figures.balance_units ?? NaN,
      );
    }
    expect(balances.filter((b) => b !== 150).length).toBeGreaterThanOrEqual(3);
    // Eight rounds, one crew: the four workers were started once.
    expect(threads.started).toBe(4);
  });
});

describe('deadlock', () => {
  it('is seen as a wait-for cycle, broken by the acquire timeout, and leaves no worker behind', async () => {
    const { crew, threads } = newCrew();
    const run = crew.run('deadlock', { variant: 'opposite', holdMs: 100, timeoutMs: 800 }, 10_000);
    let cycle: ReturnType<typeof findWaitCycle> = null;
    // What the page does every frame: look for a cycle in the lanes' live wait-for graph.
    const watch = setInterval(() => (cycle ??= findWaitCycle(run.memory.board.snapshot(), 2)), 20);
    const outcome = expectDone(await run.done);
    clearInterval(watch);

    expect(cycle).toEqual([
      { lane: 0, holds: 0, waitsFor: 1 },
      { lane: 1, holds: 1, waitsFor: 0 },
    ]);
    expect(outcome.verdict.asExpected).toBe(true);
    expect((outcome.results as DeadlockLane[]).some((r) => r.status === 'timed-out')).toBe(true);
    // Broken within about one timeout after the hold, not hung.
    expect(outcome.elapsedMs).toBeLessThan(8000);

    crew.dispose();
    await Promise.all(threads.exited);
    expect(threads.started).toBe(2);
    expect(threads.alive()).toBe(0);
  });

  it('completes with one lock order, and lets a worker re-acquire a re-entrant lock it holds', async () => {
    const { crew } = newCrew();
    const ordered = expectDone(await crew.run('deadlock', { variant: 'ordered', holdMs: 50 }, 10_000).done);
    expect((ordered.results as DeadlockLane[]).map((r) => r.status)).toEqual(['completed', 'completed']);
    const reentrant = expectDone(await crew.run('deadlock', { variant: 'reentrant', holdMs: 50 }, 10_000).done);
    expect((reentrant.results as DeadlockLane[]).map((r) => [r.depth, r.plainSelfDeadlock])).toEqual([
      [2, true],
      [2, true],
    ]);
    expect(reentrant.verdict.asExpected).toBe(true);
  });

  it('terminates the workers when a run outlives the watchdog, and the crew runs again', async () => {
    const { crew, threads } = newCrew();
    // Acquire timeouts of 10 s, a watchdog of 0.6 s: the watchdog must end it.
    const started = performance.now();
    const outcome = await crew.run('deadlock', { variant: 'opposite', timeoutMs: 10_000 }, 600).done;
    expect(outcome.status).toBe('timed-out');
    expect(performance.now() - started).toBeLessThan(3000);
    expect(crew.live()).toBe(0);
    await Promise.all(threads.exited);
    expect(threads.alive()).toBe(0);
    expectDone(await crew.run('deadlock', { variant: 'ordered', holdMs: 10 }, 10_000).done);
  });
});

describe('event', () => {
  it('wakes the waiter when the setter signals after 2 s (± 0.2 s)', async () => {
    const { crew } = newCrew();
    const outcome = expectDone(await crew.run('event', { delayMs: 2000 }, 15_000).done);
    const wake = outcome.verdict.figures.wake_s ?? NaN;
    expect(wake).toBeGreaterThanOrEqual(1.8);
    expect(wake).toBeLessThanOrEqual(2.2);
    expect(outcome.verdict.asExpected).toBe(true);
  });
});

describe('thread-local data', () => {
  it('keeps each of five workers’ request id and start time apart, ≈ 0.1 s each', async () => {
    const { crew } = newCrew();
    const outcome = expectDone(await crew.run('thread-local', {}, 15_000).done);
    expect(outcome.results).toHaveLength(5);
    expect(outcome.verdict.figures.own_ids_count).toBe(5);
    expect(outcome.verdict.figures.shortest_s).toBeGreaterThanOrEqual(0.09);
    expect(outcome.verdict.figures.longest_s).toBeLessThan(0.5);
    // The shared cell holds one id at the end: the others read someone else's (four, unless the
    // machine is so busy that a worker wrote its id only after another had read).
    expect(outcome.verdict.figures.mixed_shared_count).toBeGreaterThanOrEqual(3);
  });
});

describe('the crew', () => {
  it('refuses bad params before starting anything, and a second run while one is on', async () => {
    const { crew, threads } = newCrew();
    expect(() => crew.run('race', { mode: 'sometimes' }, 1000)).toThrow(ParamsError);
    expect(() => crew.run('bank', { locked: true, lanes: 99 }, 1000)).toThrow(/lanes/);
    expect(threads.started).toBe(0);
    const first = crew.run('event', { delayMs: 300 }, 5000);
    expect(() => crew.run('event', {}, 5000)).toThrow(/already/);
    expectDone(await first.done);
  });

  it('fails the run and terminates its workers when one answers with something that is not protocol', async () => {
    // Fault injection: a worker that answers every run with garbage.
    const terminated: number[] = [];
    const crew = new LabCrew(
      (lane, events) => ({
        post: () => queueMicrotask(() => events.message({ type: 'bogus', lane })),
        terminate: () => terminated.push(lane),
      }),
      timers,
      () => performance.now(),
    );
    const outcome = await crew.run('event', {}, 5000).done;
    expect(outcome.status).toBe('failed');
    if (outcome.status === 'failed')
      expect(outcome.message).toMatch(/Worker 1 sent an invalid message: .*"done" or "error"/);
    expect(terminated.sort()).toEqual([0, 1]);
    expect(crew.live()).toBe(0);
  });

  it('cancels a run by terminating its workers', async () => {
    const { crew, threads } = newCrew();
    const run = crew.run('event', { delayMs: 5000 }, 15_000);
    setTimeout(() => run.cancel(), 200);
    const outcome = await run.done;
    expect(outcome.status).toBe('cancelled');
    expect(outcome.elapsedMs).toBeLessThan(2000);
    await Promise.all(threads.exited);
    expect(threads.alive()).toBe(0);
  });
});
