import { useCallback, useMemo } from 'react';
import { recordWithTraces } from '../session/record-with-traces';
import { sessionStore, useSession } from '../session/use-session';
import type { Chapter, ChapterOutcome } from './chapter';
import { latestRunOf, measuredChapterIds, workshopRecord } from './workshop-record';

/**
 * The session as the workshop shows it: every run so far (for the exports), the shown chapter's
 * latest, which chapters have run, and `record` to add an outcome of the shown chapter.
 */
export function useSessionRecording(chapter: Chapter | undefined) {
  const { runs } = useSession();
  const latest = useMemo(() => (chapter ? latestRunOf(runs, chapter.id) : undefined), [runs, chapter]);
  const measuredIds = useMemo(() => measuredChapterIds(runs), [runs]);
  const record = useCallback(
    (outcome: ChapterOutcome) => {
      // With the traces of the chapter's runs (JSON export only).
      if (chapter) void recordWithTraces(sessionStore, workshopRecord(chapter, outcome, new Date().toISOString()));
    },
    [chapter],
  );
  return { runs, latest, measuredIds, record };
}
