import { useCallback, useEffect, useRef, useState } from 'react';
import type { DataCostMethod } from '../../../shared/datacost/data-cost-methods';
import type { DataCostSample } from '../../../shared/datacost/data-cost-summary';
import { runSweep, sweepPlan } from '../../../shared/datacost/run-sweep';
import { messageOf } from '../../../shared/errors/message-of';
import { availableMethods, openDataEcho } from './data-echo';

/** Moves per method and size; each figure is the median of these. */
const REPEATS = 3;

export type SweepPhase = 'idle' | 'running' | 'done' | 'cancelled' | 'failed';

export interface SweepView {
  readonly phase: SweepPhase;
  readonly samples: readonly DataCostSample[];
  readonly done: number;
  readonly total: number;
  /** Why the sweep failed, when it did. */
  readonly error: string | null;
  /** Sweeps ended so far: a test can wait for the next one without racing a short run. */
  readonly finished: number;
}

export interface DataCostSweep {
  readonly view: SweepView;
  readonly methods: readonly DataCostMethod[];
  /** Runs the whole sweep; resolves with what it measured (partial when cancelled or failed). */
  start(): Promise<{ samples: DataCostSample[]; phase: SweepPhase }>;
  cancel(): void;
}

const IDLE: SweepView = { phase: 'idle', samples: [], done: 0, total: 0, error: null, finished: 0 };

/** The data-cost sweep for a card or a chapter: one echo worker per sweep, closed when it ends. */
export function useDataCostSweep(): DataCostSweep {
  const [view, setView] = useState<SweepView>(IDLE);
  const [methods] = useState(() => availableMethods(window.unfreeze));
  const cancelled = useRef(false);

  const start = useCallback(async () => {
    cancelled.current = false;
    const plan = sweepPlan(methods);
    setView((v) => ({ ...v, phase: 'running', samples: [], done: 0, total: plan.length, error: null }));
    const echo = openDataEcho(window.unfreeze);
    const samples: DataCostSample[] = [];
    let phase: SweepPhase = 'done';
    let error: string | null = null;
    try {
      const result = await runSweep(plan, {
        repeats: REPEATS,
        cancelled: () => cancelled.current,
        measure: (step) => echo.measure(step),
        onSample: (sample, done) => {
          samples.push(sample);
          setView((v) => ({ ...v, samples: [...samples], done }));
        },
      });
      if (!result.complete) phase = 'cancelled';
    } catch (e) {
      phase = 'failed';
      error = messageOf(e);
    } finally {
      echo.close();
    }
    setView((v) => ({ ...v, phase, error, finished: v.finished + 1 }));
    return { samples, phase };
  }, [methods]);

  const cancel = useCallback(() => {
    cancelled.current = true;
  }, []);
  // Leaving the screen stops the sweep before its next move.
  useEffect(() => () => cancel(), [cancel]);

  return { view, methods, start, cancel };
}
