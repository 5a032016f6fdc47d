import { PRIMARY_FILL } from '../ui/card';
import type { StepFigures } from './scenarios';
import { SCENARIOS, type Scenario } from './scenarios';

export type ScenarioResults = Readonly<Partial<Record<Scenario['id'], readonly StepFigures[]>>>;

/** The tutorial's downloads, one click each, measured beside what the tutorial expects. */
export function ScenarioPanel(props: {
  readonly results: ScenarioResults;
  readonly running: Scenario['id'] | null;
  readonly busy: boolean;
  readonly onRun: (scenario: Scenario) => void;
}) {
  return (
    <div className="grid gap-3 md:grid-cols-2">
      {SCENARIOS.map((scenario) => {
        const figures = props.results[scenario.id];
        const verdict = figures && figures.length === scenario.steps.length ? figures.every((f) => f.asExpected) : null;
        return (
          <article
            key={scenario.id}
            className="flex flex-col gap-2 rounded-xl border border-slate-200 p-4 dark:border-slate-700"
            data-testid={`scenario-${scenario.id}`}
          >
            <h3 className="font-semibold">{scenario.title}</h3>
            <p className="text-sm text-slate-600 dark:text-slate-300">{scenario.expectation}</p>
            {figures && (
              <ul className="space-y-1 text-sm" aria-label="Measured">
                {figures.map((f) => (
                  <li
                    key={f.label}
                    className="tabular-nums"
                    data-testid="scenario-figure"
                    data-wall-s={f.wallS}
                    data-expected-s={f.expectedS}
                    data-as-expected={f.asExpected}
                    data-worst-gap-ms={f.worstGapMs ?? undefined}
                  >
                    <span className="font-medium">{f.label}:</span>{' '}
                    {f.ok ? `${f.wallS.toFixed(2)} s` : 'did not finish'}{' '}
                    <span className="text-slate-500 dark:text-slate-400">
                      (expected ≈ {f.expectedS} s
                      {f.ok ? `; longest file ${f.longestS.toFixed(2)} s, all files ${f.sumS.toFixed(1)} s` : ''}
                      {f.worstGapMs !== null ? `; worst frame gap ${Math.round(f.worstGapMs)} ms` : ''})
                    </span>
                  </li>
                ))}
              </ul>
            )}
            <div className="mt-auto flex items-center justify-between gap-3 pt-1">
              <button
                type="button"
                disabled={props.busy}
                onClick={() => props.onRun(scenario)}
                className={[
                  `rounded-lg px-4 py-2 font-semibold ${PRIMARY_FILL}`,
                  'focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-sky-500',
                  'disabled:opacity-50',
                ].join(' ')}
                aria-label={`Run: ${scenario.title}`}
              >
                {props.running === scenario.id ? 'Running…' : 'Run'}
              </button>
              {verdict !== null && (
                <span
                  className={`rounded-full px-3 py-1 text-sm font-medium ${
                    verdict
                      ? 'bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200'
                      : 'bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-100'
                  }`}
                  data-testid="scenario-verdict"
                >
                  {verdict ? 'As expected' : 'Not as expected'}
                </span>
              )}
            </div>
          </article>
        );
      })}
    </div>
  );
}
