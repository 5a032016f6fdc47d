import { expectationHeadline } from '../../../shared/session/headline';
import type { RecordedRun } from '../../../shared/session/recorded-run';
import type { Chapter, ChapterOutcome } from './chapter';

/** A chapter's outcome as a session entry: what the exports write. */
export function workshopRecord(
  chapter: Pick<Chapter, 'id' | 'title' | 'expected'>,
  outcome: ChapterOutcome,
  at: string,
): RecordedRun {
  return {
    source: 'workshop',
    chapterId: chapter.id,
    title: chapter.title,
    expected: chapter.expected,
    measured: outcome.measured,
    asExpected: outcome.asExpected,
    headline: expectationHeadline(outcome.asExpected),
    figures: outcome.figures,
    at,
  };
}

/** The newest workshop run of a chapter (the session is oldest first), if it has run. */
export function latestRunOf(runs: readonly RecordedRun[], chapterId: string): RecordedRun | undefined {
  return runs.findLast((r) => r.source === 'workshop' && r.chapterId === chapterId);
}

/** The chapters with at least one workshop run, for the marks in the chapter list. */
export function measuredChapterIds(runs: readonly RecordedRun[]): ReadonlySet<string> {
  return new Set(runs.filter((r) => r.source === 'workshop').map((r) => r.chapterId));
}
