import { describe, it, expect } from 'vitest';
import type { WorkStep } from '../workloads/workload';
import { CancelledError } from './cancelled-error';
import { driveBlocking, driveSliced, type SlicedHooks } from './drive';

/** A fake clock: a plain counter the test advances; `now` is an injected parameter. */
function fakeClock() {
  const clock = { t: 0, now: () => clock.t };
  return clock;
}

interface Scripted {
  readonly work: Generator<WorkStep<string>, string>;
  /** How many steps the generator has produced so far. */
  readonly produced: () => number;
  /** Whether the generator's `finally` ran (it was finished or closed). */
  readonly closed: () => boolean;
}

/** Yields `steps`, advancing the fake clock by `costMs` before each one (the "work"). */
function scripted(steps: readonly WorkStep<string>[], clock: { t: number }, costMs: number, result = 'part'): Scripted {
  let produced = 0;
  let closed = false;
  function* run(): Generator<WorkStep<string>, string> {
    try {
      for (const step of steps) {
        clock.t += costMs;
        produced++;
        yield step;
      }
      return result;
    } finally {
      closed = true;
    }
  }
  return { work: run(), produced: () => produced, closed: () => closed };
}

const progressSteps = (n: number): WorkStep<string>[] =>
  Array.from({ length: n }, (_, i) => ({ kind: 'progress', done: i + 1, chunk: i % 2 === 0 ? `c${i}` : undefined }));

function slicedHooks(clock: { now: () => number }, overrides: Partial<SlicedHooks<string>> = {}) {
  const calls = { yields: 0, sleeps: [] as number[], progress: [] as [number, string | undefined][] };
  const hooks: SlicedHooks<string> = {
    sliceMs: 10,
    now: clock.now,
    onProgress: (done, chunk) => calls.progress.push([done, chunk]),
    yieldToLoop: async () => {
      calls.yields++;
    },
    sleep: async (ms) => {
      calls.sleeps.push(ms);
    },
    isCancelled: () => false,
    ...overrides,
  };
  return { hooks, calls };
}

describe('driveBlocking', () => {
  it('forwards progress and chunks in order and returns the part', () => {
    const clock = fakeClock();
    const { work } = scripted(progressSteps(5), clock, 1, 'the part');
    const progress: [number, string | undefined][] = [];
    const blocked: number[] = [];
    const part = driveBlocking(work, {
      now: clock.now,
      onProgress: (done, chunk) => progress.push([done, chunk]),
      blockFor: (ms) => blocked.push(ms),
    });
    expect(part).toBe('the part');
    expect(progress).toEqual([
      [1, 'c0'],
      [2, undefined],
      [3, 'c2'],
      [4, undefined],
      [5, 'c4'],
    ]);
    expect(blocked).toEqual([]);
  });

  it('calls blockFor for every wait step, in order, and never reports waits as progress', () => {
    const clock = fakeClock();
    const steps: WorkStep<string>[] = [
      { kind: 'wait', ms: 120 },
      { kind: 'progress', done: 1 },
      { kind: 'wait', ms: 0 },
      { kind: 'wait', ms: 35 },
      { kind: 'progress', done: 2 },
    ];
    const { work } = scripted(steps, clock, 0);
    const log: string[] = [];
    driveBlocking(work, {
      now: clock.now,
      onProgress: (done) => log.push(`progress ${done}`),
      blockFor: (ms) => log.push(`block ${ms}`),
    });
    expect(log).toEqual(['block 120', 'progress 1', 'block 0', 'block 35', 'progress 2']);
  });

  it('lets an error from the workload propagate', () => {
    function* failing(): Generator<WorkStep<string>, string> {
      yield { kind: 'progress', done: 1 };
      throw new Error('disk on fire');
    }
    const clock = fakeClock();
    expect(() => driveBlocking(failing(), { now: clock.now, onProgress: () => {}, blockFor: () => {} })).toThrow(
      'disk on fire',
    );
  });
});

describe('driveSliced', () => {
  it('yields to the loop each time a slice has run for sliceMs', async () => {
    const clock = fakeClock();
    // Each step costs 3 ms of fake time; with 10 ms slices the loop gets a turn after
    // steps 4 (12 ms), 8 (12 ms after the previous yield) and 12.
    const { work } = scripted(progressSteps(13), clock, 3);
    const yieldedAfter: number[] = [];
    const { hooks, calls } = slicedHooks(clock, {
      yieldToLoop: async () => {
        yieldedAfter.push(calls.progress.length);
      },
    });
    await expect(driveSliced(work, hooks)).resolves.toBe('part');
    expect(yieldedAfter).toEqual([4, 8, 12]);
    expect(calls.progress.map(([done]) => done)).toEqual(Array.from({ length: 13 }, (_, i) => i + 1));
  });

  it('lets an injected slice policy decide when each slice ends, asking it as each slice begins', async () => {
    const clock = fakeClock();
    // Steps of 3 ms; the policy gives the first slice 20 ms and every later one 5 ms.
    const { work } = scripted(progressSteps(12), clock, 3);
    const asked: number[] = [];
    const yieldedAfter: number[] = [];
    const { hooks, calls } = slicedHooks(clock, {
      sliceMs: 1000, // ignored: the policy decides
      slices: {
        sliceEnd: (now) => {
          asked.push(now);
          return now + (asked.length === 1 ? 20 : 5);
        },
      },
      yieldToLoop: async () => {
        yieldedAfter.push(calls.progress.length);
      },
    });
    await driveSliced(work, hooks);
    // 21 ms after 7 steps; then 6 ms after each further 2 steps.
    expect(yieldedAfter).toEqual([7, 9, 11]);
    expect(asked).toEqual([0, 21, 27, 33]);
  });

  it.each([
    { name: 'yields after every step when each step alone exceeds the slice', steps: 6, stepMs: 25, yields: 6 },
    { name: 'never yields while the slice time is not exceeded', steps: 9, stepMs: 1, yields: 0 },
  ])('$name', async ({ steps, stepMs, yields }) => {
    const clock = fakeClock();
    const { work } = scripted(progressSteps(steps), clock, stepMs);
    const { hooks, calls } = slicedHooks(clock);
    await driveSliced(work, hooks);
    expect(calls.yields).toBe(yields);
  });

  it('starts a new slice after the event loop turn, not counting time spent away', async () => {
    const clock = fakeClock();
    const { work } = scripted(progressSteps(8), clock, 4);
    const { hooks, calls } = slicedHooks(clock, {
      // Other tasks run for 100 ms while this one is away.
      yieldToLoop: async () => {
        calls.yields++;
        clock.t += 100;
      },
    });
    await driveSliced(work, hooks);
    // 4 + 4 + 4 = 12 ≥ 10 after step 3 and again after step 6: the 100 ms away are not counted.
    expect(calls.yields).toBe(2);
  });

  it('honours wait steps with sleep (not a blocking wait) and restarts the slice after one', async () => {
    const clock = fakeClock();
    const steps: WorkStep<string>[] = [
      { kind: 'progress', done: 1 },
      { kind: 'progress', done: 2 },
      { kind: 'wait', ms: 250 },
      { kind: 'progress', done: 3 },
      { kind: 'progress', done: 4 },
    ];
    const { work } = scripted(steps, clock, 4);
    const { hooks, calls } = slicedHooks(clock, {
      sleep: async (ms) => {
        calls.sleeps.push(ms);
        clock.t += ms;
      },
    });
    await driveSliced(work, hooks);
    expect(calls.sleeps).toEqual([250]);
    // 4 + 4 < 10 before the wait; after it, 4 + 4 < 10 again: the sleep started a fresh slice.
    expect(calls.yields).toBe(0);
    expect(calls.progress.map(([done]) => done)).toEqual([1, 2, 3, 4]);
  });

  it('stops with CancelledError at the next slice boundary and closes the workload', async () => {
    const clock = fakeClock();
    const script = scripted(progressSteps(1000), clock, 5);
    let cancelled = false;
    const { hooks, calls } = slicedHooks(clock, {
      isCancelled: () => cancelled,
      yieldToLoop: async () => {
        calls.yields++;
        // The cancel request arrives while the loop has its turn.
        if (calls.yields === 3) cancelled = true;
      },
    });
    await expect(driveSliced(script.work, hooks)).rejects.toBeInstanceOf(CancelledError);
    expect(calls.yields).toBe(3);
    expect(script.produced()).toBe(6); // 2 steps of 5 ms per 10 ms slice
    expect(script.closed()).toBe(true);
  });

  it('honours a cancel that arrives during a sleep', async () => {
    const clock = fakeClock();
    const steps: WorkStep<string>[] = [
      { kind: 'progress', done: 1 },
      { kind: 'wait', ms: 1000 },
      { kind: 'progress', done: 2 },
    ];
    const script = scripted(steps, clock, 1);
    let cancelled = false;
    const { hooks, calls } = slicedHooks(clock, {
      isCancelled: () => cancelled,
      sleep: async () => {
        cancelled = true;
      },
    });
    await expect(driveSliced(script.work, hooks)).rejects.toThrow('The task was cancelled');
    expect(calls.progress.map(([done]) => done)).toEqual([1]);
    expect(script.closed()).toBe(true);
  });

  it('rejects with the workload’s own error', async () => {
    function* failing(): Generator<WorkStep<string>, string> {
      yield { kind: 'progress', done: 1 };
      throw new RangeError('out of cheese');
    }
    const { hooks } = slicedHooks(fakeClock());
    await expect(driveSliced(failing(), hooks)).rejects.toThrow(RangeError);
  });
});

describe('paced waits', () => {
  it('count from the previous paced due time, so timer lateness and work in between do not add up', () => {
    const clock = fakeClock();
    const blocked: number[] = [];
    const steps: WorkStep<string>[] = [
      { kind: 'wait', ms: 100, paced: true },
      { kind: 'wait', ms: 100, paced: true },
      { kind: 'wait', ms: 100, paced: true },
      { kind: 'wait', ms: 50 },
      { kind: 'wait', ms: 100, paced: true },
    ];
    // 30 ms of work before each step, and every wait overshoots by 7 ms.
    const s = scripted(steps, clock, 30);
    driveBlocking(s.work, {
      now: clock.now,
      onProgress: () => {},
      blockFor: (ms) => {
        blocked.push(ms);
        clock.t += ms + 7;
      },
    });
    // Due at 30+100, 230, 330: the waits shrink to absorb work and lateness; a plain wait resets the pace.
    expect(blocked).toEqual([100, 63, 63, 50, 100]);
  });

  it('do not sleep at all once overdue, in the sliced driver too', async () => {
    const clock = fakeClock();
    const steps: WorkStep<string>[] = [
      { kind: 'wait', ms: 10, paced: true },
      { kind: 'progress', done: 1 },
      { kind: 'wait', ms: 10, paced: true },
    ];
    const s = scripted(steps, clock, 25);
    const { hooks, calls } = slicedHooks(clock, { sliceMs: 1000 });
    await driveSliced(s.work, hooks);
    // First wait: due 25+10 = 35, now 25 → 10 ms. Second: due 45, but now is 75: overdue, no sleep.
    expect(calls.sleeps).toEqual([10]);
  });
});
