import type { RunSignal } from '../run/run-signal';
import { DownloadBatch, type BatchSnapshot } from './download-batch';
import { runnerPlace } from './download-places';
import { judge, type Scenario, type StepFigures } from './scenarios';

/** A file's time on the timeline: from its first connection to its last byte (ms). */
export function fileSpanMs(f: BatchSnapshot['files'][number]): number {
  const first = f.segments[0];
  const last = f.segments.at(-1);
  if (!first || !last) return 0;
  return (last.to ?? first.from) - first.from;
}

export function figuresOf(
  label: string,
  expectedS: number,
  accept: (wallS: number) => boolean,
  s: BatchSnapshot,
): StepFigures {
  const wallS = s.startedAt !== null && s.endedAt !== null ? (s.endedAt - s.startedAt) / 1000 : 0;
  const spans = s.files.map(fileSpanMs);
  const ok = s.status === 'done';
  return {
    label,
    wallS,
    expectedS,
    longestS: Math.max(0, ...spans) / 1000,
    sumS: spans.reduce((a, b) => a + b, 0) / 1000,
    worstGapMs: s.responsiveness?.worstGapMs ?? null,
    ok,
    asExpected: ok && accept(wallS),
  };
}

/**
 * Runs a scenario's steps one after another, each as a real download batch in its place, and
 * measures each with the page's clock. `onBatch` hands each batch to the UI as it starts.
 */
export async function runScenario(
  scenario: Scenario,
  desktop: boolean,
  /** Stops the scenario: it reaches the batch running now. */
  signal: RunSignal,
  onBatch: (batch: DownloadBatch) => void,
): Promise<StepFigures[]> {
  const figures: StepFigures[] = [];
  for (const step of scenario.steps) {
    if (signal.cancelled) break;
    const batch = new DownloadBatch(step.params, runnerPlace(step.place, desktop));
    onBatch(batch);
    signal.attach(batch);
    await batch.start();
    signal.attach(null);
    figures.push(figuresOf(step.label, step.expectedS, (wallS) => judge(step, wallS), batch.getSnapshot()));
    if (batch.getSnapshot().status !== 'done') break;
    // A breath between steps, so the two timelines are told apart.
    await new Promise((resolve) => setTimeout(resolve, 400));
  }
  return figures;
}
