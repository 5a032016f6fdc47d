import { describe, expect, it } from 'vitest';
import { latestRunOf, measuredChapterIds, workshopRecord } from './workshop-record';
import type { RecordedRun } from '../../../shared/session/recorded-run';

const chapter = { id: 'event', title: 'A waiter wakes', expected: 'wakes at ≈ 2 s' };

describe('workshopRecord', () => {
  it('keeps the chapter, the outcome and the time', () => {
    const outcome = { measured: 'Woke at 2.01 s.', asExpected: true, figures: { wake_s: 2.01 } };
    expect(workshopRecord(chapter, outcome, '2026-01-01T10:00:00.000Z')).toEqual({
      source: 'workshop',
      chapterId: 'event',
      title: 'A waiter wakes',
      expected: 'wakes at ≈ 2 s',
      measured: 'Woke at 2.01 s.',
      asExpected: true,
      headline: { text: 'As expected', good: true },
      figures: { wake_s: 2.01 },
      at: '2026-01-01T10:00:00.000Z',
    });
  });
});

describe('latestRunOf and measuredChapterIds', () => {
  const run = (chapterId: string, at: string, source: RecordedRun['source'] = 'workshop'): RecordedRun => ({
    ...workshopRecord({ ...chapter, id: chapterId }, { measured: at, asExpected: true, figures: {} }, at),
    source,
  });
  const runs = [run('event', '1'), run('lock', '2'), run('event', '3'), run('event', '4', 'playground')];

  it('finds the newest workshop run of a chapter, not a Playground one', () => {
    expect(latestRunOf(runs, 'event')?.at).toBe('3');
    expect(latestRunOf(runs, 'lock')?.at).toBe('2');
    expect(latestRunOf(runs, 'freeze')).toBeUndefined();
  });

  it('lists the chapters that have run', () => {
    expect([...measuredChapterIds(runs)].sort()).toEqual(['event', 'lock']);
    expect(measuredChapterIds([]).size).toBe(0);
  });
});
