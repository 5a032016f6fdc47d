import { useCallback, useMemo, useSyncExternalStore } from 'react';
import type { RecordedRun } from '../../../shared/session/recorded-run';
import { sessionStore, useSession } from '../session/use-session';
import { stripEntries, type RunHistoryEntry } from './run-history';

// The strip's only state of its own: the session's last run when Clear was pressed. Kept for the
// page's life, outside the component: a look at another screen must not bring the runs back.
let clearedAfter: RecordedRun | null = null;
let listeners: readonly (() => void)[] = [];

const subscribe = (listener: () => void) => {
  listeners = [...listeners, listener];
  return () => {
    listeners = listeners.filter((l) => l !== listener);
  };
};

export interface RunHistory {
  readonly entries: readonly RunHistoryEntry[];
  clear(): void;
}

/** The Playground's last runs, read from the session, side by side until cleared. */
export function useRunHistory(): RunHistory {
  const { runs } = useSession();
  const cleared = useSyncExternalStore(subscribe, () => clearedAfter);
  const entries = useMemo(() => stripEntries(runs, cleared), [runs, cleared]);
  const clear = useCallback(() => {
    // Clears the strip only: the session, and so the exports, keep every run.
    clearedAfter = sessionStore.getSnapshot().runs.at(-1) ?? null;
    for (const listener of listeners) listener();
  }, []);
  return { entries, clear };
}
