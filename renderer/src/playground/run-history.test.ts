import { describe, expect, it } from 'vitest';
import type { Place } from '../../../shared/places';
import type { RecordedRun } from '../../../shared/session/recorded-run';
import type { TaskStatus } from '../../../shared/run/task-outcome';
import type { RunResponsiveness } from '../../../shared/stats/run-responsiveness';
import { playgroundRecord } from '../session/playground-record';
import { HISTORY_MAX, historyEntry, stripEntries } from './run-history';

const responsiveness = (worstGapMs: number, frames = 100): RunResponsiveness => ({
  durationMs: 2800,
  worstGapMs,
  framesOver50: worstGapMs > 50 ? 1 : 0,
  frames,
  longAnimationFrames: null,
  inputDelay: { count: 0, p95Ms: 0, maxMs: 0 },
});

/** A Playground run as the session records it (the strip reads nothing else). */
const run = (place: Place, worstGapMs: number, status: TaskStatus = 'done', frames = 100, second = 0): RecordedRun =>
  playgroundRecord({
    place,
    workload: 'mandelbrot',
    status,
    elapsedMs: 2800,
    responsiveness: responsiveness(worstGapMs, frames),
    at: new Date(Date.UTC(2026, 0, 31, 10, 0, second)).toISOString(),
  });

const shown = (entry: ReturnType<typeof historyEntry>) => (entry ? `${entry.where} — ${entry.verdict}` : null);

describe('run history', () => {
  it('words a frozen and a smooth run as the strip shows them', () => {
    const frozen = historyEntry('1', run('renderer-main', 2812));
    const smooth = historyEntry('2', run('web-worker', 17));
    expect(shown(frozen)).toBe('Page main thread — frozen 2.81 s');
    expect(shown(smooth)).toBe('Web Workers — worst gap 17 ms');
    expect([frozen?.tone, smooth?.tone]).toEqual(['frozen', 'smooth']);
    expect(frozen?.ended).toBeNull();
  });

  it('words the gap as the headline did, from the unrounded figure', () => {
    // 16.46 ms is kept as 16.5 in the record; the headline, and so the strip, said 16 ms.
    expect(historyEntry('1', run('web-worker', 16.46))?.verdict).toBe('worst gap 16 ms');
    expect(historyEntry('2', run('renderer-sliced', 80))?.tone).toBe('stutter');
  });

  it('says when a run did not finish, and when it drew no frames', () => {
    const cancelled = historyEntry('3', run('renderer-sliced', 20, 'cancelled'));
    expect(cancelled?.ended).toBe('cancelled');
    expect(cancelled?.verdict).toBe('worst gap 20 ms');
    expect(historyEntry('4', run('web-worker', 3000, 'failed'))).toMatchObject({ ended: 'failed', tone: 'frozen' });
    expect(historyEntry('5', run('web-worker', 0, 'done', 0))).toMatchObject({
      tone: 'unmeasured',
      verdict: 'not measured',
      ended: null,
    });
  });

  it('shows only the Playground’s runs', () => {
    const workshop: RecordedRun = { ...run('web-worker', 17), source: 'workshop', chapterId: 'freeze' };
    expect(historyEntry('6', workshop)).toBeNull();
    expect(stripEntries([workshop, run('web-worker', 17)], null)).toHaveLength(1);
  });

  it('keeps the newest runs, in order, and drops the oldest', () => {
    const runs = Array.from({ length: HISTORY_MAX + 2 }, (_, i) => run('web-worker', 10 + i, 'done', 100, i));
    expect(stripEntries(runs, null).map((e) => e.verdict)).toEqual([
      'worst gap 12 ms',
      'worst gap 13 ms',
      'worst gap 14 ms',
      'worst gap 15 ms',
    ]);
    expect(new Set(stripEntries(runs, null).map((e) => e.id)).size).toBe(HISTORY_MAX);
  });

  it('starts after the run it was cleared at, and from the start once that run left the session', () => {
    const [a, b, c] = [run('web-worker', 11), run('web-worker', 12), run('web-worker', 13)];
    expect(stripEntries([a, b], b)).toEqual([]);
    expect(stripEntries([a, b, c], b).map((e) => e.verdict)).toEqual(['worst gap 13 ms']);
    // The session was cleared (export bar) or read back after a reload: the marker is gone.
    expect(stripEntries([c], b).map((e) => e.verdict)).toEqual(['worst gap 13 ms']);
  });
});
