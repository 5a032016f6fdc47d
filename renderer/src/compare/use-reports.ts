import { useCallback, useState } from 'react';
import type { Pane, PaneReport, PaneResult } from '../../../shared/compare/compare-protocol';

/** The two panes' results of the run under way (`runId` 0: none yet), and how to feed them. */
export interface Reports {
  readonly runId: number;
  readonly left: PaneResult | undefined;
  readonly right: PaneResult | undefined;
  /** Both panes have reported. */
  readonly done: boolean;
  /** A new run: the results so far are dropped. */
  readonly begin: (runId: number) => void;
  /** A pane's report; one of another run is ignored. */
  readonly take: (report: PaneReport) => void;
}

/** The reports of the run under way: a report of another run is ignored. */
export function useReports(): Reports {
  const [state, setState] = useState<{ runId: number; results: Partial<Record<Pane, PaneResult>> }>({
    runId: 0,
    results: {},
  });
  const begin = useCallback((runId: number) => setState({ runId, results: {} }), []);
  const take = useCallback((report: PaneReport) => {
    setState((s) =>
      report.runId === s.runId ? { runId: s.runId, results: { ...s.results, [report.pane]: report.result } } : s,
    );
  }, []);
  const { left, right } = state.results;
  return { runId: state.runId, left, right, done: left !== undefined && right !== undefined, begin, take };
}
