import { useCallback, useSyncExternalStore } from 'react';
import { withRun, type RunHistoryEntry } from './run-history';

// Kept for the page's life, outside the component: a look at another screen must not clear the strip.
let history: readonly RunHistoryEntry[] = [];
let nextId = 1;
let listeners: readonly (() => void)[] = [];

function set(next: readonly RunHistoryEntry[]): void {
  history = next;
  for (const listener of listeners) listener();
}

const subscribe = (listener: () => void) => {
  listeners = [...listeners, listener];
  return () => {
    listeners = listeners.filter((l) => l !== listener);
  };
};

export interface RunHistory {
  readonly entries: readonly RunHistoryEntry[];
  /** Adds a run made by `make` with a fresh id. */
  add(make: (id: number) => RunHistoryEntry): void;
  clear(): void;
}

/** The Playground's last runs, side by side until cleared. */
export function useRunHistory(): RunHistory {
  const entries = useSyncExternalStore(subscribe, () => history);
  const add = useCallback((make: (id: number) => RunHistoryEntry) => set(withRun(history, make(nextId++))), []);
  const clear = useCallback(() => set([]), []);
  return { entries, add, clear };
}
