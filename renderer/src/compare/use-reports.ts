import { useCallback, useState } from 'react';
import type { Pane, PaneReport, PaneResult } from '../../../shared/compare/compare-protocol';

/** The reports of the run under way: a report of another run is ignored. */
export function useReports() {
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
