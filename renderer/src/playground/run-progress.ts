import { useSyncExternalStore } from 'react';

export interface LaneView {
  readonly lane: number;
  readonly done: number;
  readonly total: number;
}

/** How far the current (or last) run got: its whole task and each worker's share. */
export interface RunProgressView {
  readonly done: number;
  readonly total: number;
  readonly lanes: readonly LaneView[];
}

export const NO_PROGRESS: RunProgressView = { done: 0, total: 0, lanes: [] };

/**
 * A run's progress, kept apart from the run's phase (use-task-run.ts): progress changes many
 * times a second, the phase a few times a run. Only the progress bar and the worker bars read
 * it, so a progress update re-renders those two and never the whole Playground (measured in
 * ARCHITECTURE.md, "What the Playground costs during a run").
 */
export class RunProgress {
  private view: RunProgressView = NO_PROGRESS;
  private readonly listeners = new Set<() => void>();

  get = (): RunProgressView => this.view;

  set(view: RunProgressView): void {
    if (view === this.view) return;
    this.view = view;
    for (const listener of this.listeners) listener();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}

/** The run's progress; re-renders the caller when it changes. */
export function useRunProgress(progress: RunProgress): RunProgressView {
  return useSyncExternalStore(progress.subscribe, progress.get);
}
