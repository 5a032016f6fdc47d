import type { Page } from 'playwright-core';

/**
 * The run and its workers' jobs as the app itself timed them: the timeline marks each one as a
 * DevTools track entry (`performance.measure`, renderer/src/timeline/devtools-track.ts) and
 * clears it at once, so a PerformanceObserver installed here, before the run, is what sees them.
 * Times are epoch milliseconds (the trace clock), comparable with the bench's own
 * `performance.timeOrigin + performance.now()`.
 */
export interface Span {
  readonly name: string;
  /** The DevTools track: "Main thread" for the run, "Web Worker 1", … for jobs. */
  readonly track: string;
  readonly startMs: number;
  readonly endMs: number;
}

export interface RunSpans {
  readonly run: Span;
  readonly jobs: readonly Span[];
}

/** Where the observer keeps the entries in the page; read and emptied by `takeRunSpans`. */
const KEY = '__unfreezeBenchSpans';

/** Starts collecting the page's run and job spans; again on the same page load, it changes nothing. */
export async function watchRunSpans(page: Page): Promise<void> {
  await page.evaluate((key) => {
    const page = window as unknown as Record<string, unknown>;
    if (page[key]) return;
    const store: unknown[] = [];
    page[key] = store;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        const track = (e as PerformanceMeasure).detail?.devtools?.track;
        if (typeof track !== 'string') continue;
        const startMs = performance.timeOrigin + e.startTime;
        store.push({ name: e.name, track, startMs, endMs: startMs + e.duration });
      }
    }).observe({ type: 'measure' });
  }, KEY);
}

/** The latest run seen since the last call, with the jobs inside it; null if none was. */
export async function takeRunSpans(page: Page): Promise<RunSpans | null> {
  // An observer's entries arrive in a task of their own: give them a moment after the run's end.
  // Still none: null, and the bench prints that it has no reading inside the run.
  await page
    .waitForFunction(
      (key) => (window as unknown as Record<string, Span[] | undefined>)[key]?.some((s) => s.name.startsWith('run ')),
      KEY,
      {
        timeout: 2000,
      },
    )
    .catch(() => {});
  const spans = await page.evaluate((key) => {
    const store = (window as unknown as Record<string, Span[] | undefined>)[key] ?? [];
    return store.splice(0, store.length);
  }, KEY);
  const run = spans.filter((s) => s.name.startsWith('run ')).pop();
  if (!run) return null;
  // A job of this run lies inside it (the test e2e/trace-export.e2e.test.ts holds the app to that).
  const jobs = spans.filter((s) => s.name.startsWith('job ') && s.endMs >= run.startMs && s.startMs <= run.endMs);
  return { run, jobs };
}

/**
 * Per worker track: idle from the run's start to its first job, between its jobs (waiting for the
 * next share: the hand-off through the page's thread), and from its last job to the run's end.
 */
export function idleEnds(
  spans: RunSpans,
): { track: string; jobs: number; startIdleMs: number; betweenMs: number; tailIdleMs: number }[] {
  const tracks = [...new Set(spans.jobs.map((j) => j.track))].sort();
  return tracks.map((track) => {
    const mine = spans.jobs.filter((j) => j.track === track).sort((a, b) => a.startMs - b.startMs);
    const first = mine[0]?.startMs ?? spans.run.startMs;
    const last = Math.max(...mine.map((j) => j.endMs));
    const busy = mine.reduce((sum, j) => sum + (j.endMs - j.startMs), 0);
    return {
      track,
      jobs: mine.length,
      startIdleMs: Math.max(0, first - spans.run.startMs),
      betweenMs: Math.max(0, last - first - busy),
      tailIdleMs: Math.max(0, spans.run.endMs - last),
    };
  });
}
