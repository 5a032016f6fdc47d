import type { CrewRun, LabCrew } from '../../../shared/lab/lab-crew';
import type { ScenarioVerdict } from '../../../shared/lab/scenario';
import { combineRounds, variantOf, type DoneRound, type Experiment, type Variant } from './experiments';
import { messageOf } from '../../../shared/errors/message-of';

export interface VariantOutcome {
  readonly variant: Variant;
  readonly rounds: readonly DoneRound[];
  readonly verdict: ScenarioVerdict;
}

export type ExperimentOutcome =
  | { readonly status: 'done'; readonly outcomes: readonly VariantOutcome[] }
  | { readonly status: 'failed' | 'timed-out' | 'cancelled'; readonly message: string };

export interface ExperimentHooks {
  /** A round started: its memory is what the lanes draw. */
  onRound(run: CrewRun, variant: Variant, round: number): void;
  onRoundDone(outcome: DoneRound, variant: Variant, round: number): void;
}

/**
 * Runs the given variants of an experiment one after another, each for its number of rounds,
 * on one crew. Stops at the first round that fails, times out or is cancelled.
 */
export function runExperiment(
  crew: LabCrew,
  experiment: Experiment,
  variantIds: readonly string[],
  hooks: ExperimentHooks,
) {
  let current: CrewRun | null = null;
  let cancelled = false;
  const done = (async (): Promise<ExperimentOutcome> => {
    const outcomes: VariantOutcome[] = [];
    for (const id of variantIds) {
      const variant = variantOf(experiment, id);
      const rounds: DoneRound[] = [];
      for (let round = 0; round < variant.rounds; round++) {
        if (cancelled) return { status: 'cancelled', message: 'Cancelled.' };
        try {
          current = crew.run(experiment.scenario, variant.params, experiment.roundTimeoutMs);
        } catch (error) {
          return { status: 'failed', message: messageOf(error) };
        }
        hooks.onRound(current, variant, round);
        const outcome = await current.done;
        current = null;
        if (outcome.status !== 'done') return { status: outcome.status, message: outcome.message };
        rounds.push(outcome);
        hooks.onRoundDone(outcome, variant, round);
      }
      outcomes.push({ variant, rounds, verdict: combineRounds(experiment, variant, rounds) });
    }
    return { status: 'done', outcomes };
  })();
  return {
    done,
    cancel() {
      cancelled = true;
      current?.cancel();
    },
  };
}
