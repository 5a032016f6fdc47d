import { useEffect, useRef, useState } from 'react';
import type { ChapterDemoProps, ChapterOutcome } from './chapter';
import { failedOutcome } from './chapter-runner';
import { RunSignal } from './measure-run';
import { useChapterHandle } from './use-chapter-handle';

/** Outcomes a demo built for a cancelled run itself, keeping what did run (see `keptPartOutcome`). */
const keptParts = new WeakSet<ChapterOutcome>();

/**
 * Marks an outcome of a cancelled run that says what ran before the cancel: `useChapterRun` shows
 * it as it is instead of the plain "Cancelled" sentence, so a finished half is not thrown away.
 */
export function keptPartOutcome(outcome: ChapterOutcome): ChapterOutcome {
  keptParts.add(outcome);
  return outcome;
}

/**
 * The run/cancel plumbing the demos of this folder share: the workshop's Run calls `run` with a
 * fresh RunSignal, its Cancel cancels that signal, and a run cancelled part-way says so whatever
 * figures it got. Leaving the chapter cancels its run.
 */
export function useChapterRun(
  register: ChapterDemoProps['register'],
  run: (signal: RunSignal) => Promise<ChapterOutcome>,
): { running: boolean } {
  const [running, setRunning] = useState(false);
  const signal = useRef<RunSignal | null>(null);

  useChapterHandle(register, {
    run: async () => {
      const mine = new RunSignal();
      signal.current = mine;
      setRunning(true);
      let outcome: ChapterOutcome;
      try {
        outcome = await run(mine);
      } catch (error) {
        outcome = failedOutcome(error);
      }
      signal.current = null;
      setRunning(false);
      return mine.cancelled && !keptParts.has(outcome)
        ? { measured: 'Cancelled before the measurement was complete.', asExpected: false, figures: outcome.figures }
        : outcome;
    },
    cancel: () => signal.current?.cancel(),
  });

  useEffect(() => () => signal.current?.cancel(), []);

  return { running };
}
