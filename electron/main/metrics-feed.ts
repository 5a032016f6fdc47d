import { performance } from 'node:perf_hooks';
import type { MainMetrics } from '../../shared/host/main-metrics';

export interface MetricsSources {
  readonly eventLoop: { sample(): MainMetrics['eventLoop'] };
  readonly pools: () => MainMetrics['pools'];
  /** app.getAppMetrics() in the app (app-metrics.ts). */
  readonly processes: () => MainMetrics['processes'];
  readonly clock?: () => number;
}

/** One reading of every main-process meter. */
export function sampleMainMetrics(sources: MetricsSources): MainMetrics {
  const clock = sources.clock ?? (() => performance.timeOrigin + performance.now());
  return { at: clock(), eventLoop: sources.eventLoop.sample(), pools: sources.pools(), processes: sources.processes() };
}

/**
 * Samples every `intervalMs` and hands the reading to `publish`. A timer on the main thread on
 * purpose: while a demo blocks the main process, no metrics arrive at all, and the next reading
 * carries the whole stall in its event-loop delay. A failing sample or publish is logged and the
 * feed goes on. Returns the function that stops it.
 */
export function startMetricsFeed(
  intervalMs: number,
  sample: () => MainMetrics,
  publish: (metrics: MainMetrics) => void,
): () => void {
  const timer = setInterval(() => {
    try {
      publish(sample());
    } catch (error) {
      console.error('[metrics] could not sample or send:', error);
    }
  }, intervalMs);
  // The feed never keeps the app alive on its own.
  timer.unref();
  return () => clearInterval(timer);
}
