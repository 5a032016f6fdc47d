import type { ChapterDemoProps, ChapterOutcome } from '../workshop/chapter';
import { isDesktop } from '../edition';
import { ExperimentBody } from './experiment-body';
import type { Experiment } from './experiments';
import { IsolationNotice } from './isolation-notice';
import type { ExperimentOutcome } from './run-experiment';
import { useLabRun } from './use-lab-run';
import { isolationProblem } from './web-lab-crew';
import { useChapterHandle } from '../workshop/use-chapter-handle';

/** The workshop's verdict on a chapter run: every variant as expected, all figures kept. */
export function chapterOutcome(outcome: ExperimentOutcome): ChapterOutcome {
  if (outcome.status !== 'done') return { measured: outcome.message, asExpected: false, figures: {} };
  const figures: Record<string, number> = {};
  for (const o of outcome.outcomes)
    for (const [key, value] of Object.entries(o.verdict.figures)) figures[`${o.variant.id}_${key}`] = value;
  return {
    measured: outcome.outcomes
      .map((o) => (outcome.outcomes.length > 1 ? `${o.variant.label}: ${o.verdict.measured}` : o.verdict.measured))
      .join(' '),
    asExpected: outcome.outcomes.every((o) => o.verdict.asExpected),
    figures,
  };
}

/**
 * A lab experiment as a workshop demo: the workshop's Run runs the given variants in order, its
 * Cancel terminates their workers. Every variant that ran stays on screen beside the others.
 */
export function LabChapterDemo({
  experiment,
  variantIds,
  register,
  presenter,
  dark,
}: ChapterDemoProps & { readonly experiment: Experiment; readonly variantIds: readonly string[] }) {
  const lab = useLabRun(experiment);
  const problem = isolationProblem();
  const { start, cancel } = lab;

  useChapterHandle(register, {
    // Without cross-origin isolation there is no shared memory to run on: the outcome says so.
    run: async () =>
      problem ? { measured: problem, asExpected: false, figures: {} } : chapterOutcome(await start(variantIds)),
    cancel,
  });

  if (problem) return <IsolationNotice problem={problem} desktop={isDesktop()} />;
  const shown = lab.view.variantId ?? variantIds[0] ?? experiment.variants[0]?.id ?? '';
  const done = variantIds.map((id) => lab.view.outcomes[id]).filter((o) => o !== undefined);
  return (
    <div className="space-y-4">
      <ExperimentBody
        experiment={experiment}
        lab={lab}
        variantId={shown}
        dark={dark}
        presenter={presenter}
        compact
        sideBySide={variantIds}
      />
      {done.length > 0 && (
        <ul className={`space-y-1 ${presenter ? 'text-xl' : 'text-base'}`} data-testid="lab-chapter-variants">
          {done.map((o) => (
            <li key={o.variant.id}>
              <span aria-hidden>{o.verdict.asExpected ? '✓' : '✗'}</span> <strong>{o.variant.label}:</strong>{' '}
              {o.verdict.measured}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
