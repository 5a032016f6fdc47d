import { useEffect, useRef, useState } from 'react';
import type { ChapterDemoProps, ChapterOutcome } from './chapter';
import { RunSignal } from './measure-run';
import { messageOf } from '../../../shared/errors/message-of';

/**
 * The run/cancel plumbing every demo of this folder shares: a new `runToken` starts `run` (unless
 * one is under way), a new `cancelToken` cancels it, and the outcome goes to the workshop. A run
 * that throws ends as an outcome that says why, never as silence.
 */
export function useChapterRun(
  props: Pick<ChapterDemoProps, 'runToken' | 'cancelToken' | 'onOutcome' | 'onRunningChange'>,
  run: (signal: RunSignal) => Promise<ChapterOutcome>,
): { running: boolean } {
  const { runToken, cancelToken } = props;
  const [running, setRunning] = useState(false);
  const signal = useRef<RunSignal | null>(null);
  const latest = useRef({ props, run });
  latest.current = { props, run };

  useEffect(() => {
    if (runToken === 0 || signal.current !== null) return;
    const mine = new RunSignal();
    signal.current = mine;
    setRunning(true);
    latest.current.props.onRunningChange(true);
    void latest.current
      .run(mine)
      .catch((error: unknown): ChapterOutcome => ({
        measured: `The demo failed: ${messageOf(error)}`,
        asExpected: false,
        figures: {},
      }))
      .then((outcome) => {
        signal.current = null;
        setRunning(false);
        latest.current.props.onRunningChange(false);
        latest.current.props.onOutcome(
          mine.cancelled
            ? {
                measured: 'Cancelled before the measurement was complete.',
                asExpected: false,
                figures: outcome.figures,
              }
            : outcome,
        );
      });
  }, [runToken]);

  useEffect(() => {
    if (cancelToken > 0) signal.current?.cancel();
  }, [cancelToken]);

  // Leaving the chapter stops its run.
  useEffect(() => () => signal.current?.cancel(), []);

  return { running };
}
