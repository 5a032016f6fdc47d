import { variantOf, type Experiment } from './experiments';
import type { LabRun } from './experiment-body';
import { LaneCanvas } from './lane-canvas';
import { WaitCycleDiagram } from './wait-cycle-diagram';

/**
 * One block of lanes per variant, each keeping its own run: the deadlocked run stays on screen
 * next to the ordered and the re-entrant one, with the wait-for diagram beside the run it was
 * found in — so what the diagram says is what the lanes next to it show.
 */
export function VariantLanes({
  experiment,
  lab,
  variantIds,
  lanes,
  dark,
  presenter,
}: {
  readonly experiment: Experiment;
  readonly lab: LabRun;
  readonly variantIds: readonly string[];
  readonly lanes: (variantId: string) => number;
  readonly dark: boolean;
  readonly presenter: boolean;
}) {
  const { view } = lab;
  const running = view.phase === 'running';
  return (
    <div className="space-y-4" data-testid="variant-lanes">
      {variantIds.map((id) => {
        const variant = variantOf(experiment, id);
        const outcome = view.outcomes[id];
        const now = running && view.variantId === id;
        const cycle = view.cycle?.variantId === id ? view.cycle : null;
        return (
          <section key={id} aria-label={variant.label} data-testid={`variant-lanes-${id}`} className="space-y-2">
            <h4 className={`font-semibold ${presenter ? 'text-xl' : 'text-base'}`}>
              {variant.label}
              <span className="font-normal text-slate-600 dark:text-slate-300">
                {now
                  ? ' — running…'
                  : outcome
                    ? outcome.verdict.asExpected
                      ? ' — ✓ as expected'
                      : ' — ✗ not as expected'
                    : ''}
              </span>
            </h4>
            <LaneCanvas
              live={lab.live}
              lanes={lanes(id)}
              lockNames={experiment.lockNames}
              minSpanMs={experiment.minSpanMs}
              running={running}
              dark={dark}
              presenter={presenter}
              variantId={id}
              onCycle={experiment.id === 'deadlock' ? lab.noteCycle : undefined}
            />
            {cycle && (
              <WaitCycleDiagram
                cycle={cycle.edges}
                lockNames={experiment.lockNames}
                afterMs={cycle.afterMs}
                presenter={presenter}
              />
            )}
          </section>
        );
      })}
    </div>
  );
}
