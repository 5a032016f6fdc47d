import type { RecordedRun } from './recorded-run';
import { sessionExport, type SessionExport } from './session-export';

/** Runs for the session's tests: a frozen and a responsive Playground run, and a workshop chapter. */
export function sampleRun(over: Partial<RecordedRun> = {}): RecordedRun {
  return {
    source: 'playground',
    chapterId: 'playground',
    title: 'Playground: Mandelbrot on Page main thread',
    expected: 'The page freezes for about the whole run.',
    measured: 'The page was frozen for 2.80 s (worst frame gap) during a 2.81 s run.',
    asExpected: true,
    headline: { text: 'Frozen 2.80 s', good: false },
    place: 'renderer-main',
    workload: 'mandelbrot',
    sizeSeconds: 3,
    figures: { wall_ms: 2810.4, worst_gap_ms: 2801.5, frames_over_50: 1, input_delay_p95_ms: 0 },
    at: '2026-01-31T10:20:30.000Z',
    ...over,
  };
}

export const FROZEN_RUN = sampleRun();

export const RESPONSIVE_RUN = sampleRun({
  title: 'Playground: Mandelbrot on Web Workers',
  measured: 'The page stayed responsive: worst frame gap 17 ms during a 1.02 s run.',
  headline: { text: 'Worst gap 17 ms', good: true },
  place: 'web-worker',
  figures: { wall_ms: 1020, worst_gap_ms: 17.2, frames_over_50: 0, input_delay_p95_ms: 8 },
  at: '2026-01-31T10:21:10.000Z',
});

export const CHAPTER_RUN = sampleRun({
  source: 'workshop',
  chapterId: 'freeze',
  title: 'The freeze, "really"',
  expected: '≈ 1 s gap',
  measured: 'Main thread: froze for 0.98 s, then | recovered\nat once',
  headline: { text: 'As expected', good: true },
  place: undefined,
  workload: undefined,
  sizeSeconds: undefined,
  figures: { main_worst_gap_ms: 980, background_worst_gap_ms: 25.5 },
  at: '2026-01-31T10:22:00.000Z',
});

export const SAMPLE_RUNS: readonly RecordedRun[] = [FROZEN_RUN, RESPONSIVE_RUN, CHAPTER_RUN];

/** A session export of `runs` as the web edition would make it at 10:23:45 UTC. */
export function sampleSession(runs: readonly RecordedRun[]): SessionExport {
  return sessionExport(runs, {
    kind: 'session',
    exportedAt: '2026-01-31T10:23:45.678Z',
    edition: 'web',
    userAgent: 'test',
  });
}
