import { describe, it, expect } from 'vitest';
import { PROGRESS_INTERVAL_MS, ProgressBatcher } from './progress-batcher';
import { mulberry32 } from '../testing/mulberry32';

interface Emit {
  readonly at: number;
  readonly done: number;
  readonly chunks: string[];
}

function setup(intervalMs?: number) {
  const clock = { t: 0 };
  const emits: Emit[] = [];
  const batcher = new ProgressBatcher<string>(
    () => clock.t,
    (done, chunks) => emits.push({ at: clock.t, done, chunks }),
    intervalMs,
  );
  return { clock, emits, batcher };
}

describe('ProgressBatcher', () => {
  it('keeps the UI at no more than ~30 messages a second by default', () => {
    expect(1000 / PROGRESS_INTERVAL_MS).toBeLessThanOrEqual(31);
  });

  it('holds even the first push for one interval when asked to (holdFirst)', () => {
    const clock = { t: 100 };
    const emits: number[] = [];
    const batcher = new ProgressBatcher<string>(
      () => clock.t,
      (done) => emits.push(done),
      33,
      true,
    );
    batcher.push(1);
    clock.t = 132.9;
    batcher.push(2);
    expect(emits).toEqual([]);
    clock.t = 133;
    batcher.push(3);
    expect(emits).toEqual([3]);
  });

  it('emits the first push at once, then at most once per interval', () => {
    const { clock, emits, batcher } = setup(33);
    batcher.push(1, 'a');
    expect(emits).toEqual([{ at: 0, done: 1, chunks: ['a'] }]);
    clock.t = 10;
    batcher.push(2, 'b');
    clock.t = 32.9;
    batcher.push(3);
    expect(emits).toHaveLength(1);
    clock.t = 33;
    batcher.push(4, 'c');
    expect(emits).toEqual([
      { at: 0, done: 1, chunks: ['a'] },
      { at: 33, done: 4, chunks: ['b', 'c'] },
    ]);
  });

  it('measures the interval from the last emit, including a flush', () => {
    const { clock, emits, batcher } = setup(33);
    batcher.push(1);
    clock.t = 20;
    batcher.push(2);
    batcher.flush(); // emits at 20
    clock.t = 40;
    batcher.push(3); // only 20 ms after the flush
    expect(emits.map((e) => e.done)).toEqual([1, 2]);
    clock.t = 53;
    batcher.push(4);
    expect(emits.map((e) => e.done)).toEqual([1, 2, 4]);
  });

  it('flush emits what is pending, and nothing when nothing is', () => {
    const { clock, emits, batcher } = setup(33);
    batcher.flush();
    expect(emits).toEqual([]);
    batcher.push(5, 'x');
    clock.t = 1;
    batcher.push(6, 'y');
    batcher.push(7);
    batcher.flush();
    expect(emits).toEqual([
      { at: 0, done: 5, chunks: ['x'] },
      { at: 1, done: 7, chunks: ['y'] },
    ]);
    batcher.flush();
    expect(emits).toHaveLength(2);
  });

  it('emits progress without chunks as an empty list', () => {
    const { emits, batcher } = setup();
    batcher.push(42);
    expect(emits).toEqual([{ at: 0, done: 42, chunks: [] }]);
  });

  it('never drops or reorders a chunk, and never emits twice within an interval (randomised)', () => {
    const random = mulberry32(0xc0ffee);
    for (let run = 0; run < 50; run++) {
      const interval = 1 + Math.floor(random() * 50);
      const { clock, emits, batcher } = setup(interval);
      const pushed: string[] = [];
      let done = 0;
      const pushes = 1 + Math.floor(random() * 300);
      for (let i = 0; i < pushes; i++) {
        clock.t += random() < 0.1 ? random() * 100 : random() * 3;
        done += 1 + Math.floor(random() * 10);
        if (random() < 0.5) {
          const chunk = `r${run}-c${i}`;
          pushed.push(chunk);
          batcher.push(done, chunk);
        } else {
          batcher.push(done);
        }
      }
      batcher.flush();
      expect(emits.flatMap((e) => e.chunks)).toEqual(pushed);
      expect(emits.at(-1)?.done).toBe(done);
      // The final flush may come early; every emit before it respects the interval.
      for (let i = 1; i < emits.length - 1; i++) {
        expect((emits[i]?.at ?? 0) - (emits[i - 1]?.at ?? 0)).toBeGreaterThanOrEqual(interval);
      }
      for (let i = 1; i < emits.length; i++) expect(emits[i]?.done).toBeGreaterThan(emits[i - 1]?.done ?? Infinity);
    }
  });
});
