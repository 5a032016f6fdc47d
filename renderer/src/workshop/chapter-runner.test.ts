import { describe, expect, it } from 'vitest';
import type { ChapterOutcome, ChapterRun } from './chapter';
import { ChapterRunner } from './chapter-runner';

/** A demo whose run ends when the test says, or when it is cancelled. */
function fakeDemo() {
  const calls = { runs: 0, cancels: 0 };
  let finish: (o: ChapterOutcome) => void = () => {};
  const demo: ChapterRun = {
    run: () => {
      calls.runs++;
      return new Promise((resolve) => (finish = resolve));
    },
    cancel: () => {
      calls.cancels++;
      finish({ measured: 'Cancelled.', asExpected: false, figures: {} });
    },
  };
  return { demo, calls, finish: (o: ChapterOutcome) => finish(o) };
}

const DONE: ChapterOutcome = { measured: 'Done in 1 s.', asExpected: true, figures: { wall_s: 1 } };

describe('ChapterRunner', () => {
  it('runs the registered demo once at a time and reports running and the outcome', async () => {
    const changes: boolean[] = [];
    const runner = new ChapterRunner((r) => changes.push(r));
    const { demo, calls, finish } = fakeDemo();
    runner.register(demo);

    const first = runner.run();
    expect(first).not.toBeNull();
    expect(runner.running).toBe(true);
    expect(runner.run()).toBeNull();
    expect(calls.runs).toBe(1);

    finish(DONE);
    expect(await first).toEqual(DONE);
    expect(runner.running).toBe(false);
    expect(changes).toEqual([true, false]);
    expect(runner.run()).not.toBeNull();
    expect(calls.runs).toBe(2);
  });

  it('cancels only the run under way', async () => {
    const runner = new ChapterRunner(() => {});
    const { demo, calls } = fakeDemo();
    runner.register(demo);
    runner.cancel();
    expect(calls.cancels).toBe(0);
    const run = runner.run();
    runner.cancel();
    expect(calls.cancels).toBe(1);
    expect((await run)?.measured).toBe('Cancelled.');
  });

  it('does nothing without a demo, and a demo that is gone is not run', () => {
    const runner = new ChapterRunner(() => {});
    expect(runner.run()).toBeNull();
    const { demo, calls } = fakeDemo();
    const unregister = runner.register(demo);
    unregister();
    expect(runner.run()).toBeNull();
    expect(calls.runs).toBe(0);
  });

  it('keeps the newer demo when the older one unregisters late', () => {
    const runner = new ChapterRunner(() => {});
    const older = fakeDemo();
    const newer = fakeDemo();
    const unregisterOlder = runner.register(older.demo);
    runner.register(newer.demo);
    unregisterOlder();
    void runner.run();
    expect(newer.calls.runs).toBe(1);
    expect(older.calls.runs).toBe(0);
  });

  it('turns a run that throws, at once or later, into an outcome that says why', async () => {
    const runner = new ChapterRunner(() => {});
    runner.register({
      run: () => {
        throw new Error('no workers here');
      },
      cancel: () => {},
    });
    const outcome = await runner.run();
    expect(outcome).toEqual({ measured: 'The demo failed: no workers here', asExpected: false, figures: {} });
    expect(runner.running).toBe(false);

    runner.register({ run: () => Promise.reject(new Error('lost')), cancel: () => {} });
    expect((await runner.run())?.measured).toBe('The demo failed: lost');
    expect(runner.running).toBe(false);
  });
});
