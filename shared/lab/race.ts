import { z } from 'zod';
import { intInRange, numberInRange } from '../workloads/ranges';
import { Mutex } from '../sync/mutex';
import { spinFor, type LabScenario } from './scenario';

/**
 * Several workers add 1 to one shared counter, many times. Unsynchronised, each does
 * read → short gap → write, and two workers that read the same value both write value + 1:
 * one update is lost. `Atomics.add` makes the read-modify-write one indivisible step; the mutex
 * makes the whole read-gap-write a critical section. Both end exact.
 */
export const RACE_MODES = ['unsynchronised', 'atomic', 'mutex'] as const;
export type RaceMode = (typeof RACE_MODES)[number];

const COUNTER = 0;
const LOCK = 1;
/** The board's id for the counter's lock. */
export const RACE_LOCK = 0;

export const raceParams = z.strictObject({
  mode: z.enum(RACE_MODES, { error: `mode must be one of: ${RACE_MODES.join(', ')}` }),
  lanes: intInRange('lanes', 2, 8).default(4),
  increments: intInRange('increments', 1, 100_000).default(1000),
  /** The gap between reading and writing the counter, in microseconds. */
  gapMicros: numberInRange('gapMicros', 0, 1000).default(5),
});
export type RaceParams = z.output<typeof raceParams>;

const raceLane = z.strictObject({ increments: z.int().nonnegative(), elapsedMs: z.number().nonnegative() });
export type RaceLane = z.output<typeof raceLane>;

export const race: LabScenario<RaceParams, RaceLane> = {
  name: 'race',
  params: raceParams,
  laneResult: raceLane,
  lanes: (p) => p.lanes,
  dataCells: () => 2,
  prepare(data) {
    Atomics.store(data, COUNTER, 0);
    Atomics.store(data, LOCK, 0);
  },
  run({ lane, params, board, data, clock }) {
    const lock = new Mutex(data, LOCK, clock);
    const gapMs = params.gapMicros / 1000;
    const started = clock.now();
    for (let i = 0; i < params.increments; i++) {
      switch (params.mode) {
        case 'unsynchronised': {
          const value = Atomics.load(data, COUNTER);
          spinFor(clock, gapMs);
          Atomics.store(data, COUNTER, value + 1);
          break;
        }
        case 'atomic':
          spinFor(clock, gapMs);
          Atomics.add(data, COUNTER, 1);
          break;
        case 'mutex': {
          board.waitFor(lane, RACE_LOCK, () => lock.acquire());
          const value = Atomics.load(data, COUNTER);
          spinFor(clock, gapMs);
          Atomics.store(data, COUNTER, value + 1);
          board.released(lane, RACE_LOCK);
          lock.release();
          break;
        }
      }
      board.setCount(lane, i + 1);
    }
    return { increments: params.increments, elapsedMs: clock.now() - started };
  },
  verdict(params, data, results) {
    const expected = results.reduce((sum, r) => sum + r.increments, 0);
    const counted = Atomics.load(data, COUNTER);
    const lost = expected - counted;
    const elapsedMs = Math.max(0, ...results.map((r) => r.elapsedMs));
    const exact = lost === 0;
    const measured = exact
      ? `Exact: ${counted.toLocaleString('en')} of ${expected.toLocaleString('en')} increments counted.`
      : `${lost.toLocaleString('en')} of ${expected.toLocaleString('en')} increments were lost ` +
        `(counter ended at ${counted.toLocaleString('en')}).`;
    return {
      measured,
      // Unsynchronised, the lesson is the loss; with Atomics.add or the lock, exactness.
      asExpected: params.mode === 'unsynchronised' ? lost > 0 : exact,
      figures: { expected_count: expected, counted_count: counted, lost_count: lost, elapsed_ms: elapsedMs },
    };
  },
};
