import { useCallback, useState } from 'react';
import type { ChapterOutcome } from './chapter';
import { ChapterRunner } from './chapter-runner';

/**
 * The screen's one ChapterRunner, with `running` as React state (for the Run/Cancel button and
 * the locked chapter list). `run(onOutcome)` hands the outcome to the caller, so it is recorded
 * for the chapter that was shown when Run was pressed.
 */
export function useChapterRunner(): {
  readonly running: boolean;
  readonly register: ChapterRunner['register'];
  readonly run: (onOutcome: (outcome: ChapterOutcome) => void) => void;
  readonly cancel: () => void;
} {
  const [running, setRunning] = useState(false);
  const [runner] = useState(() => new ChapterRunner(setRunning));
  const run = useCallback(
    (onOutcome: (outcome: ChapterOutcome) => void) => void runner.run()?.then(onOutcome),
    [runner],
  );
  const cancel = useCallback(() => runner.cancel(), [runner]);
  return { running, register: runner.register, run, cancel };
}
