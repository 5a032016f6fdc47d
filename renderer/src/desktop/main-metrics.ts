import { useSyncExternalStore } from 'react';
import { mainMetricsSchema, type MainMetrics } from '../../../shared/host/main-metrics';
import { describeIssues } from '../../../shared/workloads/params-error';

export interface MainMetricsView {
  /** The latest valid sample, or null before the first. */
  readonly metrics: MainMetrics | null;
  /** Why the latest sample was refused, if it was. */
  readonly error: string | null;
  /**
   * The worst event-loop delay of the samples that arrived in the last 10 s. A blocked main
   * process reports its stall in one sample, which the next one replaces a moment later.
   */
  readonly recentWorstMs: number | null;
}

const EMPTY: MainMetricsView = { metrics: null, error: null, recentWorstMs: null };
const RECENT_MS = 10_000;

/**
 * The main process's meters, a few samples a second, validated on arrival (they crossed a
 * process boundary). Subscribes to `window.unfreeze` while anything on the page listens.
 */
class MainMetricsStore {
  private view: MainMetricsView = EMPTY;
  /** Arrival time (this page's clock: the main process's may differ) and max delay per sample. */
  private recent: { at: number; maxMs: number }[] = [];
  private listeners = new Set<() => void>();
  private unsubscribe: (() => void) | null = null;

  readonly subscribe = (onChange: () => void): (() => void) => {
    this.listeners.add(onChange);
    if (this.unsubscribe === null && window.unfreeze) {
      this.unsubscribe = window.unfreeze.onMetrics((raw: unknown) => this.take(raw));
    }
    return () => {
      this.listeners.delete(onChange);
      if (this.listeners.size === 0) {
        this.unsubscribe?.();
        this.unsubscribe = null;
      }
    };
  };

  readonly getSnapshot = (): MainMetricsView => this.view;

  private take(raw: unknown): void {
    const parsed = mainMetricsSchema.safeParse(raw);
    if (parsed.success) {
      const now = performance.now();
      this.recent = this.recent.filter((r) => r.at > now - RECENT_MS);
      this.recent.push({ at: now, maxMs: parsed.data.eventLoop.max });
      const recentWorstMs = this.recent.reduce((worst, r) => Math.max(worst, r.maxMs), 0);
      this.view = { metrics: parsed.data, error: null, recentWorstMs };
    } else {
      this.view = { ...this.view, error: `The main process sent malformed metrics: ${describeIssues(parsed.error)}` };
    }
    for (const listener of this.listeners) listener();
  }
}

const store = new MainMetricsStore();

/** The latest main-process metrics; re-renders per sample (a few a second), never per frame. */
export function useMainMetrics(): MainMetricsView {
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
