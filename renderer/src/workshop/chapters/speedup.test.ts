import { describe, expect, it } from 'vitest';
import { speedupOutcome, speedupRows } from './speedup';
import { speedupExpectation } from './speedup-expectation';

describe('speedupRows', () => {
  it('divides the one-worker time by each time, in worker order', () => {
    const rows = speedupRows([
      { workers: 2, wallMs: 500 },
      { workers: 1, wallMs: 1000 },
      { workers: 4, wallMs: 400 },
    ]);
    expect(rows.map((r) => [r.workers, r.speedup, r.efficiency])).toEqual([
      [1, 1, 1],
      [2, 2, 1],
      [4, 2.5, 0.625],
    ]);
  });
});

describe('speedupOutcome', () => {
  it('is as expected for near-linear speedup up to the core count', () => {
    const o = speedupOutcome(
      [
        { workers: 1, wallMs: 1000 },
        { workers: 2, wallMs: 560 },
      ],
      speedupExpectation(2, 2),
    );
    expect(o.asExpected).toBe(true);
    expect(o.measured).toContain('1.79×');
    expect(o.figures).toEqual({
      cores: 2,
      workers_1_wall_ms: 1000,
      workers_1_speedup: 1,
      workers_2_wall_ms: 560,
      workers_2_speedup: 1.79,
    });
  });

  it('says what the worker that shares a core with the page added, against a free core', () => {
    const o = speedupOutcome(
      [
        { workers: 1, wallMs: 1000 },
        { workers: 2, wallMs: 625 },
      ],
      speedupExpectation(2, 2),
    );
    expect(o.measured).toContain(
      'The 2nd worker shares a core with this page’s own thread: it added 1.60× (a free core would add 2.00×).',
    );
    expect(o.measured).toContain('One worker fewer would leave that core to the page, at 1.00× instead of 1.60×.');
    const four = speedupOutcome(
      [1000, 520, 360, 290].map((wallMs, i) => ({ workers: i + 1, wallMs })),
      speedupExpectation(4, 4),
    );
    expect(four.measured).toContain('The 4th worker shares a core');
    expect(four.measured).toContain('it added 1.24× (a free core would add 1.33×)');
    expect(
      speedupOutcome(
        [
          { workers: 1, wallMs: 1000 },
          { workers: 2, wallMs: 600 },
        ],
        speedupExpectation(4, 4),
      ).measured,
    ).not.toContain('shares a core');
  });

  it('judges at the core count, not beyond it', () => {
    const o = speedupOutcome(
      [
        { workers: 1, wallMs: 1000 },
        { workers: 2, wallMs: 520 },
        { workers: 4, wallMs: 510 },
      ],
      speedupExpectation(2, 4),
    );
    expect(o.asExpected).toBe(true);
    expect(o.measured).toContain('With 2 workers on 2 logical processors');
  });

  it('is not as expected when more workers did not help', () => {
    expect(
      speedupOutcome(
        [
          { workers: 1, wallMs: 1000 },
          { workers: 2, wallMs: 950 },
        ],
        speedupExpectation(2, 2),
      ).asExpected,
    ).toBe(false);
  });

  it('judges by the threshold its expectation states: 1.25× on 2 processors passes, 1.05× does not', () => {
    const e = speedupExpectation(2, 2);
    const at = (ms: number) =>
      speedupOutcome(
        [
          { workers: 1, wallMs: 1000 },
          { workers: 2, wallMs: ms },
        ],
        e,
      );
    expect(at(800).asExpected).toBe(true);
    expect(at(800).measured).toContain(`at least ${e.atLeast.toFixed(1)}×`);
    expect(at(950).asExpected).toBe(false);
  });

  it('says so when there is only one core', () => {
    const o = speedupOutcome([{ workers: 1, wallMs: 1000 }], speedupExpectation(1, 1));
    expect(o.measured).toMatch(/^Only one logical processor/);
    expect(o.asExpected).toBe(true);
  });
});
