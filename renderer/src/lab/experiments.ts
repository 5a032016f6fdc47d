import type { DeadlockLane } from '../../../shared/lab/deadlock';
import { LOCK_NAMES } from '../../../shared/lab/deadlock';
import type { CrewOutcome } from '../../../shared/lab/lab-crew';
import type { ScenarioVerdict } from '../../../shared/lab/scenario';
import type { ScenarioName } from '../../../shared/lab/scenarios';
import { formatInSeconds } from '../../../shared/format/format-duration';

export type DoneRound = Extract<CrewOutcome, { status: 'done' }>;

export interface Variant {
  readonly id: string;
  readonly label: string;
  readonly params: Readonly<Record<string, unknown>>;
  /** What should happen, shown beside the result. */
  readonly expected: string;
  /** Repeat the scenario this many times (the bank's histogram). */
  readonly rounds: number;
}

export type ExperimentId = 'race' | 'bank' | 'deadlock' | 'event' | 'thread-local';

export interface Experiment {
  readonly id: ExperimentId;
  readonly scenario: ScenarioName;
  readonly title: string;
  readonly blurb: string;
  readonly variants: readonly Variant[];
  /** Names of the scenario's locks, by board id, for the lane labels. */
  readonly lockNames: readonly string[];
  /** The page's watchdog for one round: past it, the workers are terminated. */
  readonly roundTimeoutMs: number;
  /** The lanes' timeline spans at least this long, so short runs are not stretched. */
  readonly minSpanMs: number;
}

export const EXPERIMENTS: Readonly<Record<ExperimentId, Experiment>> = {
  race: {
    id: 'race',
    scenario: 'race',
    title: 'Race condition',
    blurb:
      'Four workers each add 1 to one shared counter 5,000 times: read it, pause a few microseconds, write it back.',
    variants: [
      {
        id: 'unsynchronised',
        label: 'Unsynchronised',
        params: { mode: 'unsynchronised', increments: 5000 },
        expected: 'Updates are lost: the counter ends below 20,000.',
        rounds: 1,
      },
      {
        id: 'atomic',
        label: 'Atomics.add',
        params: { mode: 'atomic', increments: 5000 },
        expected: 'Exactly 20,000.',
        rounds: 1,
      },
      {
        id: 'mutex',
        label: 'Mutex',
        params: { mode: 'mutex', increments: 5000 },
        expected: 'Exactly 20,000.',
        rounds: 1,
      },
    ],
    lockNames: ['counter lock'],
    roundTimeoutMs: 30_000,
    minSpanMs: 300,
  },
  bank: {
    id: 'bank',
    scenario: 'bank',
    title: 'Lock around a bank balance',
    blurb:
      'Balance 100; ten deposits of 10 and ten withdrawals of 5, shared out across four workers. ' +
      'Each reads the balance, takes ≈ 10 ms, writes the new one. Twenty runs.',
    variants: [
      {
        id: 'unlocked',
        label: 'Without a lock',
        params: { locked: false, gapMs: 10 },
        expected: 'Wrong balances, different from run to run.',
        rounds: 20,
      },
      {
        id: 'locked',
        label: 'With a lock',
        params: { locked: true, gapMs: 10 },
        expected: '150, every time.',
        rounds: 20,
      },
    ],
    lockNames: ['balance lock'],
    roundTimeoutMs: 15_000,
    minSpanMs: 250,
  },
  deadlock: {
    id: 'deadlock',
    scenario: 'deadlock',
    title: 'Deadlock with two locks',
    blurb:
      'Two workers need locks A and B. Each takes its first lock, works 0.1 s, then reaches for the second — waiting at most 1.5 s.',
    variants: [
      {
        id: 'opposite',
        label: 'Opposite order',
        params: { variant: 'opposite', timeoutMs: 1500 },
        expected: 'Deadlock: detected, both give up after 1.5 s, the app never hangs.',
        rounds: 1,
      },
      {
        id: 'ordered',
        label: 'One lock order',
        params: { variant: 'ordered', timeoutMs: 1500 },
        expected: 'Both complete: the second waits its turn.',
        rounds: 1,
      },
      {
        id: 'reentrant',
        label: 'Re-entrant lock',
        params: { variant: 'reentrant', timeoutMs: 1500 },
        expected:
          'Another problem, one lock taken twice by its holder: depth 2, completes (a plain mutex waits for itself).',
        rounds: 1,
      },
    ],
    lockNames: LOCK_NAMES.map((n) => (n === 'M' ? 'plain mutex' : n === 'R' ? 'R (re-entrant)' : n)),
    roundTimeoutMs: 10_000,
    minSpanMs: 2000,
  },
  event: {
    id: 'event',
    scenario: 'event',
    title: 'Event',
    blurb:
      'Worker 1 waits on an event; worker 2 works for 2 s, then sets it. The waiter sleeps in Atomics.wait — no polling.',
    variants: [
      {
        id: 'event',
        label: 'Wait and signal',
        params: { delayMs: 2000 },
        expected: 'The waiter wakes at ≈ 2 s (± 0.2 s).',
        rounds: 1,
      },
    ],
    lockNames: [],
    roundTimeoutMs: 15_000,
    minSpanMs: 2500,
  },
  'thread-local': {
    id: 'thread-local',
    scenario: 'thread-local',
    title: 'Thread-local data',
    blurb: 'Five workers each handle a 0.1 s request, keeping its id and start time in their own module-level object.',
    variants: [
      {
        id: 'thread-local',
        label: 'Five requests',
        params: {},
        expected: 'Five requests of ≈ 0.1 s, each with its own id.',
        rounds: 1,
      },
    ],
    lockNames: [],
    roundTimeoutMs: 15_000,
    minSpanMs: 300,
  },
};

export function variantOf(experiment: Experiment, id: string): Variant {
  const found = experiment.variants.find((v) => v.id === id);
  if (!found) throw new Error(`${experiment.title} has no variant “${id}”`);
  return found;
}

/** The final balances of repeated bank rounds, in order. */
export function balancesOf(rounds: readonly DoneRound[]): number[] {
  return rounds.map((r) => r.verdict.figures.balance_units ?? NaN);
}

/** One verdict for all the rounds of a variant: the bank judges the series, the rest their one round. */
export function combineRounds(experiment: Experiment, variant: Variant, rounds: readonly DoneRound[]): ScenarioVerdict {
  const last = rounds.at(-1);
  if (!last) return { measured: 'No run finished.', asExpected: false, figures: {} };
  if (experiment.id !== 'bank' || rounds.length === 1) return last.verdict;
  const balances = balancesOf(rounds);
  const right = balances.filter((b) => b === 150).length;
  const wrong = balances.length - right;
  const locked = variant.params.locked === true;
  const range = `${Math.min(...balances)}–${Math.max(...balances)}`;
  return {
    measured: locked
      ? `${right} of ${balances.length} runs ended at 150.`
      : `${wrong} of ${balances.length} runs ended wrong (final balances ${range}): workers overwrote each other's updates.`,
    asExpected: locked ? right === balances.length : wrong > 0,
    figures: {
      runs_count: balances.length,
      right_count: right,
      wrong_count: wrong,
      lowest_units: Math.min(...balances),
      highest_units: Math.max(...balances),
    },
  };
}

/** Per-worker summary lines for the deadlock card. */
export function deadlockLines(results: readonly DeadlockLane[], lockNames: readonly string[]): string[] {
  return results.map((r, lane) => {
    const first = lockNames[r.first] ?? '?';
    const second = lockNames[r.second] ?? '?';
    if (r.first === r.second)
      return (
        `Worker ${lane + 1}: held ${first} at depth ${r.depth}; ` +
        `a plain mutex taken twice ${r.plainSelfDeadlock ? 'waited for itself until its timeout' : 'did not block'}.`
      );
    return r.status === 'completed'
      ? `Worker ${lane + 1}: took ${first}, then ${second}, waiting ${Math.round(r.waitedMs)} ms in all — completed.`
      : `Worker ${lane + 1}: held ${first}, waited ${formatInSeconds(r.waitedMs)} for ${second}, gave up and released ${first}.`;
  });
}
