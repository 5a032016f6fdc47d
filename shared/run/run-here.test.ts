import { describe, it, expect } from 'vitest';
import { mandelbrot, type MandelbrotTile } from '../workloads/mandelbrot';
import { ParamsError } from '../workloads/params-error';
import { MANDELBROT_VIEW } from '../workloads/presets';
import { runHere, type ThreadHooks } from './run-here';
import type { TaskOutcome } from './task-outcome';
import type { TaskListener, TaskProgress } from './task-request';

const PENDING = Symbol('pending');

/** The outcome if the promise has already settled, PENDING if not (checked without waiting a turn). */
async function settledValue<T>(promise: Promise<T>): Promise<T | typeof PENDING> {
  return Promise.race([promise, Promise.resolve(PENDING)]);
}

function recorder() {
  const progress: TaskProgress[] = [];
  const lanes: { lane: number; done: number; total: number }[][] = [];
  const listener: TaskListener = {
    onProgress: (p) => progress.push(p),
    onLanes: (l) => lanes.push([...l]),
  };
  return { listener, progress, lanes };
}

/**
 * Hooks with a fake clock that moves 1 ms per reading, so time-based decisions are
 * deterministic; the loop turn is a real macrotask so a test can interleave with it.
 */
function fakeThread() {
  const state = { t: 0, blocked: [] as number[], yields: 0, sleeps: [] as number[] };
  const hooks: ThreadHooks = {
    now: () => ++state.t,
    blockFor: (ms) => {
      state.blocked.push(ms);
    },
    yieldToLoop: () =>
      new Promise<void>((resolve) => {
        state.yields++;
        setImmediate(resolve);
      }),
    sleep: (ms) =>
      new Promise<void>((resolve) => {
        state.sleeps.push(ms);
        setImmediate(resolve);
      }),
  };
  return { hooks, state };
}

describe('runHere, blocking', () => {
  it('does all the work inside the call and returns an already-settled "done" outcome', async () => {
    const { listener, progress, lanes } = recorder();
    const { hooks } = fakeThread();
    const task = runHere({ workload: 'primes', params: { limit: 100_000 } }, listener, { style: 'blocking' }, hooks);
    // Progress was reported before runHere returned: nothing else could run meanwhile.
    expect(progress.length).toBeGreaterThan(0);
    const outcome = await settledValue(task.outcome);
    expect(outcome).not.toBe(PENDING);
    expect(outcome).toMatchObject({ status: 'done', result: { limit: 100_000, count: 9_592 } });
    // The final progress is flushed before the result, and covers all the work.
    expect(progress.at(-1)).toMatchObject({ done: 100_001, total: 100_001, lane: 0 });
    expect(lanes.at(-1)).toEqual([{ lane: 0, done: 100_001, total: 100_001 }]);
  });

  it('measures elapsed time with the injected clock', async () => {
    const { listener } = recorder();
    const { hooks, state } = fakeThread();
    const task = runHere({ workload: 'primes', params: { limit: 1000 } }, listener, { style: 'blocking' }, hooks);
    const outcome = await task.outcome;
    expect(outcome.elapsedMs).toBeGreaterThan(0);
    expect(outcome.elapsedMs).toBeLessThan(state.t);
  });

  it('delivers every Mandelbrot tile, and the same checksum as the workload itself', async () => {
    const params = { ...MANDELBROT_VIEW, width: 80, height: 48, maxIterations: 100, tileSize: 16 };
    const { listener, progress } = recorder();
    const task = runHere({ workload: 'mandelbrot', params }, listener, { style: 'blocking' }, fakeThread().hooks);
    const outcome = await task.outcome;
    const tiles = progress.flatMap((p) => p.chunks) as MandelbrotTile[];
    expect(tiles.map((t) => t.index).sort((a, b) => a - b)).toEqual(Array.from({ length: 15 }, (_, i) => i));
    const work = mandelbrot.run({ ...params }, { index: 0, count: 1 });
    let step = work.next();
    while (!step.done) step = work.next();
    expect(outcome).toMatchObject({ status: 'done', result: mandelbrot.combine(params, [step.value]) });
  });

  it('cannot be cancelled: the work is already over', async () => {
    const task = runHere(
      { workload: 'primes', params: { limit: 1000 } },
      recorder().listener,
      { style: 'blocking' },
      fakeThread().hooks,
    );
    task.cancel();
    await expect(task.outcome).resolves.toMatchObject({ status: 'done', result: { count: 168 } });
  });
});

describe('runHere, sliced', () => {
  it('runs to the same result, giving the loop turns along the way', async () => {
    const { listener, progress } = recorder();
    const { hooks, state } = fakeThread();
    const task = runHere(
      { workload: 'primes', params: { limit: 100_000 } },
      listener,
      { style: 'sliced', sliceMs: 4 },
      hooks,
    );
    expect(await settledValue(task.outcome)).toBe(PENDING);
    const outcome = await task.outcome;
    expect(outcome).toMatchObject({ status: 'done', result: { limit: 100_000, count: 9_592 } });
    expect(state.yields).toBeGreaterThan(0);
    expect(progress.at(-1)).toMatchObject({ done: 100_001, total: 100_001 });
  });

  it('can be cancelled and then settles "cancelled" without finishing the work', async () => {
    const { listener, progress } = recorder();
    const { hooks } = fakeThread();
    // 100 million numbers would take minutes: only a cancel ends this quickly.
    const task = runHere(
      { workload: 'primes', params: { limit: 100_000_000 } },
      listener,
      { style: 'sliced', sliceMs: 1 },
      hooks,
    );
    task.cancel();
    const outcome: TaskOutcome<unknown> = await task.outcome;
    expect(outcome.status).toBe('cancelled');
    expect(progress.every((p) => p.done < p.total)).toBe(true);
  });

  it('can be cancelled from a progress callback, part-way through', async () => {
    const started: { task?: ReturnType<typeof runHere> } = {};
    let reports = 0;
    const listener: TaskListener = {
      onProgress: () => {
        if (++reports === 3) started.task?.cancel();
      },
    };
    const task = (started.task = runHere(
      { workload: 'primes', params: { limit: 100_000_000 } },
      listener,
      { style: 'sliced', sliceMs: 1 },
      fakeThread().hooks,
    ));
    await expect(task.outcome).resolves.toMatchObject({ status: 'cancelled' });
    expect(reports).toBeGreaterThanOrEqual(3);
  });
});

describe('runHere, a listener that throws', () => {
  // Two blocks of primes: the first report goes out at once, the last one is held back by the
  // batcher (the fake clock moves only 1 ms per reading) and flushed just before the result.
  it.each([{ style: 'blocking' } as const, { style: 'sliced', sliceMs: 1 } as const])(
    'settles "failed" with its message, never rejecting (%j)',
    async (style) => {
      const listener: TaskListener = {
        onProgress: (p) => {
          if (p.done === p.total) throw new Error('the progress bar broke');
        },
      };
      const task = runHere({ workload: 'primes', params: { limit: 9_999 } }, listener, style, fakeThread().hooks);
      await expect(task.outcome).resolves.toMatchObject({ status: 'failed', message: 'the progress bar broke' });
    },
  );
});

describe('runHere, invalid parameters', () => {
  it.each([
    ['primes', { limit: 1 }, 'limit must be a whole number from 2 to 100,000,000'],
    ['primes', { limit: 10, extra: true }, 'Unrecognized key'],
    ['mandelbrot', { ...MANDELBROT_VIEW, width: 5000, height: 100 }, 'width must be a whole number from 16 to 4,096'],
    ['mandelbrot', null, 'expected object'],
  ] as const)(
    'throws a ParamsError synchronously for %s %j and never calls the listener',
    (workload, params, message) => {
      for (const style of [{ style: 'blocking' } as const, { style: 'sliced', sliceMs: 8 } as const]) {
        let calls = 0;
        const listener: TaskListener = {
          onProgress: () => calls++,
          onLanes: () => calls++,
        };
        const { hooks, state } = fakeThread();
        let thrown: unknown;
        try {
          runHere({ workload, params }, listener, style, hooks);
        } catch (error) {
          thrown = error;
        }
        expect(thrown).toBeInstanceOf(ParamsError);
        expect((thrown as ParamsError).message).toContain(message);
        expect(calls).toBe(0);
        expect(state.yields + state.blocked.length + state.sleeps.length).toBe(0);
      }
    },
  );
});
