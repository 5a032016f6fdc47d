import type { DeadlockLane } from '../../../shared/lab/deadlock';
import type { RaceLane } from '../../../shared/lab/race';
import { getScenario } from '../../../shared/lab/scenarios';
import type { ThreadLocalLane } from '../../../shared/lab/thread-local';
import { balancesOf, deadlockLines, variantOf, type Experiment } from './experiments';
import { BalanceHistogram } from './balance-histogram';
import { LaneCanvas, LaneLegend } from './lane-canvas';
import type { useLabRun } from './use-lab-run';
import { VariantLanes } from './variant-lanes';
import { WaitCycleDiagram } from './wait-cycle-diagram';
import { ProgressBar } from '../ui/progress-bar';
import { formatInSeconds } from '../../../shared/format/format-duration';

/** Text colours of a figure that came out as it should, and of one that did not. */
const RIGHT = 'text-emerald-700 dark:text-emerald-300';
const WRONG = 'text-rose-700 dark:text-rose-300';

export type LabRun = ReturnType<typeof useLabRun>;

/** How many workers a variant runs (the lanes to draw). */
export function lanesFor(experiment: Experiment, variantId: string): number {
  const scenario = getScenario(experiment.scenario);
  return scenario.lanes(scenario.params.parse(variantOf(experiment, variantId).params));
}

/**
 * What a lab experiment shows while and after it runs: status, progress, the live lanes, and
 * the result beside the expectation. Shared by the lab's cards and the workshop's chapters.
 */
export function ExperimentBody({
  experiment,
  lab,
  variantId,
  dark,
  presenter = false,
  compact = false,
  sideBySide,
}: {
  readonly experiment: Experiment;
  readonly lab: LabRun;
  readonly variantId: string;
  readonly dark: boolean;
  readonly presenter?: boolean;
  /** Leave out expected-vs-measured (the workshop shows its own). */
  readonly compact?: boolean;
  /**
   * Variants to keep side by side after they ran (the workshop's chapters): the deadlock's lanes
   * per variant, the bank's histogram per variant — the broken case stays next to the fixed one.
   */
  readonly sideBySide?: readonly string[];
}) {
  const { view } = lab;
  const shownVariant = view.phase === 'running' && view.variantId ? view.variantId : variantId;
  const variant = variantOf(experiment, shownVariant);
  const outcome = view.outcomes[variant.id];
  const running = view.phase === 'running';
  const multiRound = variant.rounds > 1;
  const failed = view.phase === 'failed' || view.phase === 'timed-out';
  // In a chapter the headline above already says how it ended: the status line shows only while it runs.
  const statusShown = !compact || running || failed || view.phase === 'cancelled';
  return (
    <div className="space-y-4">
      <div className="space-y-2">
        <p
          hidden={!statusShown}
          role="status"
          aria-live="polite"
          data-testid="lab-status"
          data-phase={view.phase}
          data-finished={view.finished}
          className={`${presenter ? 'text-xl' : 'text-sm'} font-medium ${failed ? WRONG : ''}`}
        >
          {view.status}
        </p>
        {running && multiRound && (
          <ProgressBar
            fraction={view.fraction}
            label="Runs completed"
            barClass="bg-sky-500 transition-transform"
            size="sm"
          />
        )}
      </div>
      {sideBySide && experiment.id === 'deadlock' ? (
        <VariantLanes
          experiment={experiment}
          lab={lab}
          variantIds={sideBySide}
          lanes={(id) => lanesFor(experiment, id)}
          dark={dark}
          presenter={presenter}
        />
      ) : (
        <LaneCanvas
          live={lab.live}
          lanes={lanesFor(experiment, shownVariant)}
          lockNames={experiment.lockNames}
          minSpanMs={experiment.minSpanMs}
          running={running}
          dark={dark}
          presenter={presenter}
          onCycle={experiment.id === 'deadlock' ? lab.noteCycle : undefined}
        />
      )}
      <LaneLegend presenter={presenter} />
      {!sideBySide && experiment.id === 'deadlock' && view.cycle && (
        <WaitCycleDiagram
          cycle={view.cycle.edges}
          lockNames={experiment.lockNames}
          afterMs={view.cycle.afterMs}
          presenter={presenter}
        />
      )}
      {experiment.id === 'bank' && sideBySide && (
        <div className="grid grid-cols-2 gap-4" data-testid="balance-histograms">
          {sideBySide.map((id) => (
            <BalanceHistogram
              key={id}
              title={variantOf(experiment, id).label}
              balances={balancesOf(view.roundsOf[id] ?? [])}
              expected={150}
              runs={variantOf(experiment, id).rounds}
              presenter={presenter}
            />
          ))}
        </div>
      )}
      {experiment.id === 'bank' && !sideBySide && (view.rounds.length > 0 || outcome) && (
        <BalanceHistogram
          balances={balancesOf(running ? view.rounds : (outcome?.rounds ?? view.rounds))}
          expected={150}
          runs={variant.rounds}
          presenter={presenter}
        />
      )}
      {!compact && (
        <div className={`grid gap-3 ${presenter ? 'text-lg' : 'text-sm'} sm:grid-cols-2`}>
          <div className="rounded-xl bg-slate-50 p-3 dark:bg-slate-800/60">
            <p className="text-sm font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-300">Expected</p>
            <p className="mt-1">{variant.expected}</p>
          </div>
          <div
            data-testid="lab-result"
            data-as-expected={outcome ? String(outcome.verdict.asExpected) : undefined}
            className={`rounded-xl p-3 ${
              !outcome
                ? 'bg-slate-50 dark:bg-slate-800/60'
                : outcome.verdict.asExpected
                  ? 'bg-emerald-50 dark:bg-emerald-950/50'
                  : 'bg-amber-50 dark:bg-amber-950/40'
            }`}
          >
            <p className="text-sm font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-300">
              Measured {outcome && <span aria-hidden>{outcome.verdict.asExpected ? '✓' : '✗'}</span>}
              {outcome && (
                <span className="sr-only">{outcome.verdict.asExpected ? '(as expected)' : '(not as expected)'}</span>
              )}
            </p>
            <p className="mt-1">{outcome ? outcome.verdict.measured : 'Not run yet.'}</p>
          </div>
        </div>
      )}
      <Details experiment={experiment} lab={lab} variantId={variant.id} presenter={presenter} />
    </div>
  );
}

const cell = 'py-1 pr-3 text-right tabular-nums';

function Details({
  experiment,
  lab,
  variantId,
  presenter,
}: {
  readonly experiment: Experiment;
  readonly lab: LabRun;
  readonly variantId: string;
  readonly presenter: boolean;
}) {
  const { outcomes } = lab.view;
  const size = presenter ? 'text-xl' : 'text-sm';
  switch (experiment.id) {
    case 'race': {
      const rows = experiment.variants.filter((v) => outcomes[v.id]);
      if (rows.length === 0) return null;
      return (
        <table className={`w-full ${size}`} data-testid="race-table">
          <thead>
            <tr className="border-b border-slate-200 text-left text-slate-500 dark:border-slate-700 dark:text-slate-400">
              <th className="py-1 font-medium">Variant</th>
              <th className={`${cell} font-medium`}>Expected</th>
              <th className={`${cell} font-medium`}>Counted</th>
              <th className={`${cell} font-medium`}>Lost</th>
              <th className={`${cell} font-medium`}>Time</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((v) => {
              const f = outcomes[v.id]?.verdict.figures ?? {};
              const results = (outcomes[v.id]?.rounds.at(-1)?.results ?? []) as RaceLane[];
              return (
                <tr key={v.id} className="border-b border-slate-100 last:border-0 dark:border-slate-800">
                  <th scope="row" className="py-1 text-left font-medium">
                    {v.label}
                  </th>
                  <td className={cell}>{(f.expected_count ?? 0).toLocaleString('en')}</td>
                  <td className={cell}>{(f.counted_count ?? 0).toLocaleString('en')}</td>
                  <td className={`${cell} ${(f.lost_count ?? 0) > 0 ? `font-semibold ${WRONG}` : ''}`}>
                    {(f.lost_count ?? 0).toLocaleString('en')}
                  </td>
                  <td className={cell}>{Math.round(Math.max(0, ...results.map((r) => r.elapsedMs)))} ms</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      );
    }
    case 'deadlock': {
      const results = (outcomes[variantId]?.rounds.at(-1)?.results ?? []) as DeadlockLane[];
      if (results.length === 0) return null;
      return (
        <ul className={`list-disc space-y-1 pl-5 ${size}`} data-testid="deadlock-lines">
          {deadlockLines(results, experiment.lockNames).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      );
    }
    case 'thread-local': {
      const results = (outcomes[variantId]?.rounds.at(-1)?.results ?? []) as ThreadLocalLane[];
      if (results.length === 0) return null;
      return (
        <table className={`w-full ${size}`} data-testid="thread-local-table">
          <thead>
            <tr className="border-b border-slate-200 text-left text-slate-500 dark:border-slate-700 dark:text-slate-400">
              <th className="py-1 font-medium">Worker</th>
              <th className={`${cell} font-medium`}>Its request</th>
              <th className={`${cell} font-medium`}>local.requestId</th>
              <th className={`${cell} font-medium`}>Took</th>
              <th className={`${cell} font-medium`}>Shared cell read back</th>
            </tr>
          </thead>
          <tbody>
            {results.map((r, lane) => (
              <tr key={lane} className="border-b border-slate-100 last:border-0 dark:border-slate-800">
                <th scope="row" className="py-1 text-left font-medium">
                  Worker {lane + 1}
                </th>
                <td className={cell}>{r.assignedId}</td>
                <td className={`${cell} ${r.localId === r.assignedId ? RIGHT : WRONG}`}>{r.localId}</td>
                <td className={cell}>{formatInSeconds(r.durationMs, 3)}</td>
                <td className={`${cell} ${r.sharedId === r.assignedId ? '' : WRONG}`}>{r.sharedId}</td>
              </tr>
            ))}
          </tbody>
        </table>
      );
    }
    default:
      return null;
  }
}
