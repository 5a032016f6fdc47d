import { describe, expect, it } from 'vitest';
import { paneResultSchema, type PaneResult } from './compare-protocol';
import { compareSummary } from './compare-summary';

const result = (over: Partial<PaneResult> = {}): PaneResult => ({
  status: 'done',
  startedAt: 1_700_000_000_000,
  wallMs: 1000,
  worstGapMs: 17,
  framesOver50: 0,
  inputDelayP95Ms: null,
  mainStallMs: 5,
  ...over,
});
const labels = { left: 'Page main thread', right: 'Web Workers' };

describe('compareSummary', () => {
  it('highlights the pane that froze, figure by figure', () => {
    const s = compareSummary(
      result({ worstGapMs: 990, framesOver50: 1, inputDelayP95Ms: 800, startedAt: 1_700_000_000_001.5 }),
      result({ wallMs: 1100, inputDelayP95Ms: 4 }),
      labels,
    );
    expect(Object.fromEntries(s.rows.map((r) => [r.key, r.better]))).toEqual({
      wall: 'same',
      worstGap: 'right',
      framesOver50: 'right',
      inputDelay: 'right',
      mainStall: 'same',
    });
    expect(s.startSkewMs).toBe(1.5);
    expect(s.verdict).toBe(
      'The left pane (Page main thread) froze for 990 ms; the right pane (Web Workers) kept drawing, worst gap 17 ms.',
    );
  });

  it('says when both froze: the main-process lesson, or frames sharing one thread', () => {
    const s = compareSummary(
      result({ worstGapMs: 1500, mainStallMs: 1500 }),
      result({ worstGapMs: 1400, mainStallMs: 1450 }),
      labels,
    );
    expect(s.verdict).toMatch(/^Both panes froze \(worst gaps 1\.50 s and 1\.40 s\)/);
  });

  it('has nothing to compare where a figure is missing', () => {
    const s = compareSummary(result({ mainStallMs: null }), result({ mainStallMs: null }), labels);
    expect(s.rows.find((r) => r.key === 'mainStall')?.better).toBeNull();
  });

  it('names a pane that did not finish', () => {
    expect(
      compareSummary(result(), result({ status: 'failed', message: 'needs the desktop app' }), labels).verdict,
    ).toBe('The right pane (Web Workers) failed: needs the desktop app.');
  });

  it('refuses a malformed report at the boundary', () => {
    expect(paneResultSchema.safeParse({ ...result(), worstGapMs: -1 }).success).toBe(false);
    expect(paneResultSchema.safeParse({ ...result(), extra: 1 }).success).toBe(false);
  });
});
