import { useSyncExternalStore } from 'react';
import type { RecordedRun } from './session-export';

/**
 * Every outcome measured in this page since it opened (kept across screens, gone on reload):
 * what "export session" writes. Newest last.
 */
class SessionStore {
  private runs: readonly RecordedRun[] = [];
  private readonly listeners = new Set<() => void>();

  record(run: RecordedRun): void {
    this.runs = [...this.runs, run];
    for (const listener of this.listeners) listener();
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): readonly RecordedRun[] => this.runs;
}

export const sessionStore = new SessionStore();

export function useSessionRuns(): readonly RecordedRun[] {
  return useSyncExternalStore(sessionStore.subscribe, sessionStore.getSnapshot);
}
