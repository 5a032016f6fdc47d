import { useEffect, useRef } from 'react';
import type { PaneResult } from '../../../shared/compare/compare-protocol';
import { compareRecords } from '../../../shared/session/compare-record';
import type { PickedSetup } from '../compare/setup-picker';
import { sessionStore } from './use-session';

/**
 * Puts each Compare run into the session once both panes have reported: one entry per pane.
 * `picked` is the setup the run used (the picker is locked while it runs).
 */
export function useCompareRecording(
  reports: { readonly runId: number; readonly left: PaneResult | undefined; readonly right: PaneResult | undefined },
  picked: PickedSetup,
): void {
  const recorded = useRef(0);
  const { runId, left, right } = reports;
  useEffect(() => {
    if (runId === 0 || runId === recorded.current || !left || !right) return;
    recorded.current = runId;
    sessionStore.record(
      ...compareRecords({
        places: { left: picked.left, right: picked.right },
        workload: picked.workload,
        sizeSeconds: picked.seconds,
        results: { left, right },
        at: new Date().toISOString(),
      }),
    );
  }, [runId, left, right, picked]);
}
