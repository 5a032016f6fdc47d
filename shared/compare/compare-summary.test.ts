import { describe, expect, it } from 'vitest';
import { paneResultSchema, type PaneResult } from './compare-protocol';
import { compareSummary, type CompareSummary, type ThreadEvidence } from './compare-summary';

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
/** The default setup: the left pane blocks its thread, the right one's work runs in Web Workers. */
const drew = (left: number, right: number): ThreadEvidence => ({
  drawnDuringOther: { left, right },
  keepsThreadFree: { left: false, right: true },
});
const tones = (s: CompareSummary) => Object.fromEntries(s.rows.map((r) => [r.key, r.tone]));

describe('compareSummary', () => {
  it('judges each pane against fixed lines: the one that froze is red, the one that kept drawing green', () => {
    const s = compareSummary(
      result({ worstGapMs: 990, framesOver50: 1, inputDelayP95Ms: 800, startedAt: 1_700_000_000_001.5 }),
      result({ wallMs: 1100, inputDelayP95Ms: 4 }),
      labels,
    );
    expect(tones(s)).toEqual({
      worstGap: { left: 'bad', right: 'good' },
      framesOver50: { left: 'bad', right: 'good' },
      inputDelay: { left: 'bad', right: 'good' },
      mainStall: { left: 'good', right: 'good' },
      wall: { left: null, right: null },
    });
    expect(s.startSkewMs).toBe(1.5);
    expect(s.headlines.left).toEqual({ state: 'frozen', figure: '990 ms', caption: 'worst frame gap' });
    expect(s.headlines.right).toEqual({ state: 'smooth', figure: '17 ms', caption: 'worst frame gap' });
    expect(s.verdict).toBe(
      'The left pane (Page main thread) froze for 990 ms; the right pane (Web Workers) kept drawing: worst gap 17 ms.',
    );
  });

  it('never colours a frozen pane green because the other froze longer, and never judges wall time', () => {
    // The figures of issue 11: two frames of one site, both frozen.
    const s = compareSummary(
      result({ wallMs: 1170, worstGapMs: 1170, framesOver50: 1 }),
      result({ wallMs: 1490, worstGapMs: 1490, framesOver50: 2 }),
      labels,
    );
    expect(tones(s)).toMatchObject({
      worstGap: { left: 'bad', right: 'bad' },
      framesOver50: { left: 'bad', right: 'bad' },
      wall: { left: null, right: null },
    });
    expect(s.verdict).toMatch(/^Both panes froze \(worst gaps 1\.17 s and 1\.49 s\)/);
    expect(s.finding).toBeNull();
  });

  it('calls a stutter neither good nor bad', () => {
    const s = compareSummary(result({ worstGapMs: 70, framesOver50: 2 }), result(), labels);
    expect(tones(s)).toMatchObject({ worstGap: { left: null, right: 'good' }, framesOver50: { left: null } });
    expect(s.headlines.left.state).toBe('stuttered');
    expect(s.verdict).toBe('Both panes stayed responsive (worst gaps 70 ms and 17 ms).');
  });

  it('proves the panes had a thread each when the other one drew on while one froze', () => {
    const s = compareSummary(
      result({ wallMs: 1200, worstGapMs: 1150, framesOver50: 1 }),
      result(),
      labels,
      drew(0, 70),
    );
    expect(s.finding).toEqual({ kind: 'own-threads', frozen: 'left', other: 'right', frames: 70, windowMs: 1200 });
    expect(s.rows.find((r) => r.key === 'drawnDuringOther')).toMatchObject({
      left: 0,
      right: 70,
      tone: { left: null, right: 'good' },
    });
    expect(s.verdict).toBe(
      'The left pane (Page main thread) froze for 1.15 s; the right pane (Web Workers) kept drawing: ' +
        'worst gap 17 ms and 70 frames while the left one was frozen.',
    );
  });

  it('says the panes shared a thread when the background pane stopped drawing too, whatever its own run measured', () => {
    // Its own run began after the freeze and was smooth; during the freeze it drew one frame.
    const s = compareSummary(result({ wallMs: 1200, worstGapMs: 1150, framesOver50: 1 }), result(), labels, drew(0, 1));
    expect(s.finding).toMatchObject({ kind: 'shared-thread', frozen: 'left', other: 'right', frames: 1 });
    expect(s.headlines.right).toEqual({
      state: 'frozen',
      figure: '1 frame',
      caption: 'drawn while the left pane was frozen',
    });
    expect(tones(s)).toMatchObject({
      worstGap: { left: 'bad', right: null },
      framesOver50: { left: 'bad', right: null },
      drawnDuringOther: { left: null, right: 'bad' },
    });
    expect(s.verdict).toBe(
      'Both panes froze: the left pane (Page main thread) for 1.15 s, and the right pane (Web Workers) drew ' +
        '1 frame meanwhile, so the two panes shared one main thread.',
    );
  });

  it('does not blame one thread when the other pane drew on through the freeze but stalled on its own', () => {
    // A busy machine: the Web Workers pane drew 90 frames during the freeze, yet had a 300 ms gap of its own.
    const s = compareSummary(
      result({ wallMs: 1200, worstGapMs: 1150, framesOver50: 1 }),
      result({ worstGapMs: 300, framesOver50: 4 }),
      labels,
      drew(0, 90),
    );
    expect(s.finding?.kind).toBe('own-threads');
    expect(s.headlines.right).toMatchObject({ state: 'frozen', figure: '300 ms' });
    expect(s.verdict).toBe(
      'Both panes froze (worst gaps 1.15 s and 300 ms), yet not on one thread: the right pane (Web Workers) ' +
        'drew 90 frames while the left one was frozen.',
    );
  });

  it('judges by frame rate, so a long freeze needs more frames than a short one', () => {
    const freeze = result({ wallMs: 4000, worstGapMs: 3900, framesOver50: 1 });
    expect(compareSummary(freeze, result(), labels, drew(0, 30)).finding?.kind).toBe('shared-thread');
    expect(compareSummary(freeze, result(), labels, drew(0, 200)).finding?.kind).toBe('own-threads');
  });

  it('draws no conclusion when no pane should have kept drawing', () => {
    const both = { drawnDuringOther: { left: 0, right: 0 }, keepsThreadFree: { left: false, right: false } };
    const s = compareSummary(result({ worstGapMs: 900 }), result({ worstGapMs: 900 }), labels, both);
    expect(s.finding).toBeNull();
    expect(s.rows.find((r) => r.key === 'drawnDuringOther')?.tone).toEqual({ left: null, right: null });
  });

  it('has nothing to judge where a figure is missing', () => {
    const s = compareSummary(result({ mainStallMs: null }), result({ mainStallMs: null }), labels);
    expect(s.rows.find((r) => r.key === 'mainStall')?.tone).toEqual({ left: null, right: null });
    expect(s.rows.some((r) => r.key === 'drawnDuringOther')).toBe(false);
  });

  it('names a pane that did not finish', () => {
    const s = compareSummary(result(), result({ status: 'failed', message: 'needs the desktop app' }), labels);
    expect(s.verdict).toBe('The right pane (Web Workers) failed: needs the desktop app.');
    expect(s.headlines.right).toEqual({ state: 'failed', figure: '—', caption: 'failed: needs the desktop app' });
  });

  it('refuses a malformed report at the boundary', () => {
    expect(paneResultSchema.safeParse({ ...result(), worstGapMs: -1 }).success).toBe(false);
    expect(paneResultSchema.safeParse({ ...result(), extra: 1 }).success).toBe(false);
  });
});
