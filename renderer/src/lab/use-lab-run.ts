import { useCallback, useEffect, useRef, useState } from 'react';
import type { CrewRun, LabCrew } from '../../../shared/lab/lab-crew';
import type { WaitEdge } from '../../../shared/lab/wait-for-graph';
import type { DoneRound, Experiment } from './experiments';
import { runExperiment, type ExperimentOutcome, type VariantOutcome } from './run-experiment';
import { webLabCrew } from './web-lab-crew';

export type LabPhase = 'idle' | 'running' | 'done' | 'failed' | 'cancelled' | 'timed-out';

export interface LabRunView {
  readonly phase: LabPhase;
  /** For the status line: what is happening or what went wrong. */
  readonly status: string;
  /** 0..1 over all rounds of the run. */
  readonly fraction: number;
  /** The latest outcome of each variant, by variant id. */
  readonly outcomes: Readonly<Record<string, VariantOutcome>>;
  /** Rounds finished so far in this run (the bank's histogram grows from these). */
  readonly rounds: readonly DoneRound[];
  /**
   * The rounds of each variant's latest run, by variant id: a variant run earlier keeps its rounds
   * when the next one starts, so the broken and the fixed case can be shown side by side.
   */
  readonly roundsOf: Readonly<Record<string, readonly DoneRound[]>>;
  readonly variantId: string | null;
  /** Runs finished (in any way) since the card opened: lets tests wait for the next one. */
  readonly finished: number;
  /** A wait-for cycle seen in the lanes during this run (the deadlock card draws it), and whose round it was. */
  readonly cycle: {
    readonly edges: readonly WaitEdge[];
    readonly afterMs: number;
    readonly variantId: string | null;
  } | null;
}

/** The round the lanes draw, and when it started; read every frame, outside React state. */
export interface LiveRound {
  run: CrewRun | null;
  /** The variant this round belongs to (a canvas per variant follows only its own). */
  variantId: string | null;
  startedAt: number;
  /** Bumped for every new round, so the canvas starts a fresh timeline. */
  serial: number;
}

const IDLE: LabRunView = {
  phase: 'idle',
  status: 'Ready.',
  fraction: 0,
  outcomes: {},
  rounds: [],
  roundsOf: {},
  variantId: null,
  cycle: null,
  finished: 0,
};

/** Runs an experiment's variants in this card's own crew of Web Workers. */
export function useLabRun(experiment: Experiment) {
  const [view, setView] = useState<LabRunView>(IDLE);
  const live = useRef<LiveRound>({ run: null, variantId: null, startedAt: 0, serial: 0 });
  const crew = useRef<LabCrew | null>(null);
  const active = useRef<ReturnType<typeof runExperiment> | null>(null);

  useEffect(
    () => () => {
      active.current?.cancel();
      crew.current?.dispose();
      crew.current = null;
    },
    [],
  );

  const start = useCallback(
    async (variantIds: readonly string[]): Promise<ExperimentOutcome> => {
      if (active.current) return { status: 'failed', message: 'A run is already under way.' };
      crew.current ??= webLabCrew();
      const total = variantIds.reduce((n, id) => n + (experiment.variants.find((v) => v.id === id)?.rounds ?? 1), 0);
      let finished = 0;
      setView((v) => ({
        ...v,
        phase: 'running',
        status: 'Starting the workers…',
        fraction: 0,
        rounds: [],
        roundsOf: { ...v.roundsOf, ...Object.fromEntries(variantIds.map((id) => [id, []])) },
        variantId: variantIds[0] ?? null,
        cycle: null,
      }));
      const handle = runExperiment(crew.current, experiment, variantIds, {
        onRound(run, variant, round) {
          live.current = { run, variantId: variant.id, startedAt: performance.now(), serial: live.current.serial + 1 };
          const of = variant.rounds > 1 ? ` — run ${round + 1} of ${variant.rounds}` : '';
          setView((v) => ({ ...v, variantId: variant.id, status: `Running: ${variant.label}${of}…` }));
        },
        onRoundDone(outcome, variant) {
          finished++;
          setView((v) => ({
            ...v,
            fraction: finished / total,
            rounds: [...v.rounds, outcome],
            roundsOf: { ...v.roundsOf, [variant.id]: [...(v.roundsOf[variant.id] ?? []), outcome] },
          }));
        },
      });
      active.current = handle;
      const outcome = await handle.done;
      active.current = null;
      setView((v) => {
        if (outcome.status !== 'done')
          return { ...v, phase: outcome.status, status: outcome.message, finished: v.finished + 1 };
        const outcomes = { ...v.outcomes };
        for (const o of outcome.outcomes) outcomes[o.variant.id] = o;
        const last = outcome.outcomes.at(-1);
        return {
          ...v,
          phase: 'done',
          fraction: 1,
          outcomes,
          finished: v.finished + 1,
          status: last ? `Done: ${last.verdict.measured}` : 'Done.',
        };
      });
      return outcome;
    },
    [experiment],
  );

  const cancel = useCallback(() => active.current?.cancel(), []);
  const noteCycle = useCallback((edges: WaitEdge[], afterMs: number) => {
    const variantId = live.current.variantId;
    setView((v) => ({ ...v, cycle: { edges, afterMs, variantId } }));
  }, []);

  return { view, live, start, cancel, noteCycle };
}
