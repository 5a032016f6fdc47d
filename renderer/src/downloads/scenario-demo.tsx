import { useEffect, useRef, useState } from 'react';
import type { ChapterDemoProps, ChapterOutcome } from '../workshop/chapter';
import type { DownloadBatch } from './download-batch';
import { RunSignal } from '../run/run-signal';
import { runScenario } from './run-scenario';
import type { Scenario, StepFigures } from './scenarios';
import { TimelineCanvas } from './timeline-canvas';
import { useChapterHandle } from '../workshop/use-chapter-handle';

/** What a chapter says about its figures: one sentence, and whether it matches the tutorial. */
export type Verdict = (figures: readonly StepFigures[]) => Pick<ChapterOutcome, 'measured' | 'asExpected'>;

/**
 * A workshop demo that runs one of the Downloads screen's scenarios for real: the workshop's Run
 * starts it, its Cancel stops it, and the outcome carries the measured seconds.
 */
export function ScenarioDemo({
  scenario,
  verdict,
  props,
}: {
  readonly scenario: Scenario;
  readonly verdict: Verdict;
  readonly props: ChapterDemoProps;
}) {
  const { register, presenter, dark } = props;
  const [batch, setBatch] = useState<DownloadBatch | null>(null);
  const [figures, setFigures] = useState<readonly StepFigures[]>([]);
  const signal = useRef<RunSignal | null>(null);

  useChapterHandle(register, {
    run: async (): Promise<ChapterOutcome> => {
      const mine = new RunSignal();
      signal.current = mine;
      setFigures([]);
      const desktop = window.unfreeze?.edition === 'desktop';
      try {
        const measured = await runScenario(scenario, desktop, mine, setBatch);
        setFigures(measured);
        const numbers = Object.fromEntries(
          measured.map((f) => [`${f.label.toLowerCase().replaceAll(' ', '_')}_s`, Number(f.wallS.toFixed(3))]),
        );
        if (mine.cancelled || measured.length < scenario.steps.length || measured.some((f) => !f.ok))
          return {
            measured: mine.cancelled ? 'Cancelled before every download had finished.' : 'Not every download finished.',
            asExpected: false,
            figures: numbers,
          };
        return { ...verdict(measured), figures: numbers };
      } finally {
        signal.current = null;
      }
    },
    cancel: () => signal.current?.cancel(),
  });
  useEffect(() => () => signal.current?.cancel(), []);

  return (
    <div className={`space-y-3 ${presenter ? 'text-xl' : 'text-sm'}`} data-testid={`download-demo-${scenario.id}`}>
      {batch ? (
        <TimelineCanvas batch={batch} dark={dark} compact={!presenter} />
      ) : (
        <p className="text-slate-600 dark:text-slate-300">
          Run the demo: each file gets a lane, time runs left to right.
        </p>
      )}
      {figures.length > 0 && (
        <ul className="space-y-1 tabular-nums">
          {figures.map((f) => (
            <li key={f.label}>
              <span className="font-semibold">{f.label}:</span> {f.wallS.toFixed(2)} s (expected ≈ {f.expectedS} s;
              longest file {f.longestS.toFixed(2)} s, all files together {f.sumS.toFixed(1)} s
              {f.worstGapMs !== null ? `; worst frame gap ${Math.round(f.worstGapMs)} ms` : ''})
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
