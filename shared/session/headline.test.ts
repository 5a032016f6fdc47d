import { describe, expect, it } from 'vitest';
import { expectationHeadline, gapHeadline, runEndedBy } from './headline';

describe('gapHeadline', () => {
  it('calls a gap past the threshold a freeze, in red, and anything under it the worst gap, in green', () => {
    expect(gapHeadline({ status: 'done', worstGapMs: 2801.5, frozenAfterMs: 100 })).toEqual({
      text: 'Frozen 2.80 s',
      good: false,
    });
    expect(gapHeadline({ status: 'done', worstGapMs: 100, frozenAfterMs: 100 })).toEqual({
      text: 'Worst gap 100 ms',
      good: true,
    });
    expect(gapHeadline({ status: 'cancelled', worstGapMs: 5, frozenAfterMs: 100 })).toEqual({
      text: 'Cancelled',
      good: false,
    });
    expect(gapHeadline({ status: 'failed', worstGapMs: 5, frozenAfterMs: 100 }).text).toBe('Failed');
  });

  it('reads back how a run ended from the headline it wrote', () => {
    const headline = (status: 'done' | 'cancelled' | 'failed', worstGapMs = 5) =>
      gapHeadline({ status, worstGapMs, frozenAfterMs: 100 });
    expect(runEndedBy(headline('cancelled'))).toBe('cancelled');
    expect(runEndedBy(headline('failed'))).toBe('failed');
    expect(runEndedBy(headline('done'))).toBeNull();
    expect(runEndedBy(headline('done', 2800))).toBeNull();
    expect(runEndedBy({ text: 'No frames drawn', good: false })).toBeNull();
  });

  it('says whether a chapter did what the tutorial says', () => {
    expect(expectationHeadline(true)).toEqual({ text: 'As expected', good: true });
    expect(expectationHeadline(false)).toEqual({ text: 'Not as expected', good: false });
  });
});
