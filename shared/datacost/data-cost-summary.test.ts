import { describe, expect, it } from 'vitest';
import { KIB, MIB, type DataCostMethod } from './data-cost-methods';
import {
  budgetSentence,
  checkBudgets,
  dataCostVerdict,
  medianSample,
  sampleRows,
  timesAsLong,
  worstClone,
  type DataCostSample,
} from './data-cost-summary';

function sample(method: DataCostMethod, bytes: number, blockedMs: number, roundTripMs = blockedMs): DataCostSample {
  return { method, bytes, blockedMs, receivedMs: blockedMs, roundTripMs, worstGapMs: 16 };
}

describe('medianSample', () => {
  it('keeps the median of each figure', () => {
    const m = medianSample([
      sample('transfer', KIB, 5, 9),
      sample('transfer', KIB, 1, 1),
      sample('transfer', KIB, 3, 2),
    ]);
    expect(m).toMatchObject({ method: 'transfer', bytes: KIB, blockedMs: 3, roundTripMs: 2 });
  });

  it('refuses no samples', () => expect(() => medianSample([])).toThrow('at least one'));
});

describe('the verdict', () => {
  const samples = [
    sample('clone-bytes', 16 * MIB, 12),
    sample('transfer', 16 * MIB, 0.05),
    sample('clone-objects', 16 * MIB, 380.4),
    sample('clone-objects', 4 * MIB, 90),
    sample('transfer', 4 * MIB, 0.04),
  ];

  it('pairs the clone that blocked longest with the transfer of the same size', () => {
    expect(worstClone(samples)?.clone.blockedMs).toBe(380.4);
    expect(dataCostVerdict(samples)).toBe(
      'Cloning 16 MiB of objects blocked the page for 380 ms; transferring 16 MiB took 0.05 ms.',
    );
  });

  it('says when it has no pair to compare', () => {
    expect(dataCostVerdict([sample('shared', KIB, 0.01)])).toBe(
      'No clone and transfer of the same size were measured.',
    );
  });
});

describe('checkBudgets', () => {
  const base = [sample('clone-bytes', 4 * KIB, 0.2), sample('clone-objects', 64 * KIB, 4)];

  it('is as expected when small clones fit the budgets and a transfer does not grow', () => {
    const check = checkBudgets([...base, sample('transfer', MIB, 0.2), sample('transfer', 64 * MIB, 0.3)]);
    expect(check).toMatchObject({ animationMs: 0.2, responseMs: 4, asExpected: true });
    expect(check.transferGrowth).toBeCloseTo(1.5);
  });

  it('is not when a transfer grows with the size', () => {
    const check = checkBudgets([...base, sample('transfer', MIB, 0.1), sample('transfer', 64 * MIB, 6)]);
    expect(check.asExpected).toBe(false);
  });

  it('is not when a 10 KiB clone misses a frame', () => {
    const check = checkBudgets([
      sample('clone-objects', 4 * KIB, 20),
      sample('transfer', MIB, 1),
      sample('transfer', 64 * MIB, 1),
    ]);
    expect(check.animationMs).toBe(20);
    expect(check.asExpected).toBe(false);
  });

  it('is not without the two transfers it compares', () => {
    expect(checkBudgets(base).asExpected).toBe(false);
  });
});

describe('budgetSentence', () => {
  it('puts each budget beside its measurement', () => {
    const check = { animationMs: 0.4, responseMs: 5.8, transferGrowth: 1.25, asExpected: true };
    expect(budgetSentence(check)).toBe(
      'Clones up to 10 KiB took at most 0.4 ms there and back (budget 16.7 ms); up to 100 KiB, 5.8 ms ' +
        '(budget 100 ms). A 64 MiB transfer cost 1.3× a 1 MiB one.',
    );
    expect(budgetSentence({ ...check, transferGrowth: Number.POSITIVE_INFINITY })).toContain(
      'No 1 MiB and 64 MiB transfers',
    );
  });
});

describe('timesAsLong', () => {
  it('compares against the noise floor, not against a near-zero', () => {
    expect(timesAsLong(30, 0.001)).toBeCloseTo(300);
    expect(timesAsLong(0.05, 0.001)).toBe(1);
    expect(timesAsLong(1, 0.5)).toBe(2);
  });
});

describe('sampleRows', () => {
  it('formats one row per sample', () => {
    expect(sampleRows([sample('transfer', 64 * MIB, 0.05)])).toEqual([
      ['64 MiB', 'Transferred ArrayBuffer', '0.05 ms', '0.05 ms', '0.05 ms', '16 ms'],
    ]);
  });
});
