import { describe, expect, it } from 'vitest';
import type { RunResponsiveness } from '../../../shared/stats/run-responsiveness';
import { HISTORY_MAX, historyEntry, withRun } from './run-history';

const responsiveness = (worstGapMs: number): RunResponsiveness => ({
  durationMs: 2800,
  worstGapMs,
  framesOver50: worstGapMs > 50 ? 1 : 0,
  frames: 100,
  longAnimationFrames: null,
  inputDelay: { count: 0, p95Ms: 0, maxMs: 0 },
});

describe('run history', () => {
  it('words a frozen and a smooth run as the strip shows them', () => {
    const frozen = historyEntry(1, {
      place: 'renderer-main',
      workloadTitle: 'Mandelbrot',
      status: 'done',
      responsiveness: responsiveness(2812),
    });
    const smooth = historyEntry(2, {
      place: 'web-worker',
      workloadTitle: 'Mandelbrot',
      status: 'done',
      responsiveness: responsiveness(17),
    });
    expect(`${frozen.where} — ${frozen.verdict}`).toBe('Page main thread — frozen 2.81 s');
    expect(`${smooth.where} — ${smooth.verdict}`).toBe('Web Workers — worst gap 17 ms');
    expect([frozen.tone, smooth.tone]).toEqual(['frozen', 'smooth']);
    expect(frozen.ended).toBeNull();
  });

  it('says when a run did not finish', () => {
    const entry = historyEntry(3, {
      place: 'renderer-sliced',
      workloadTitle: 'Prime counting',
      status: 'cancelled',
      responsiveness: responsiveness(20),
    });
    expect(entry.ended).toBe('cancelled');
  });

  it('keeps the newest runs, in order, and drops the oldest', () => {
    let history = withRun(
      [],
      historyEntry(0, { place: 'web-worker', workloadTitle: 'M', status: 'done', responsiveness: responsiveness(1) }),
    );
    for (let id = 1; id <= HISTORY_MAX + 1; id++) {
      history = withRun(
        history,
        historyEntry(id, {
          place: 'web-worker',
          workloadTitle: 'M',
          status: 'done',
          responsiveness: responsiveness(1),
        }),
      );
    }
    expect(history.map((e) => e.id)).toEqual([2, 3, 4, 5]);
  });
});
