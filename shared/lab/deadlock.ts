import { z } from 'zod';
import { numberInRange } from '../workloads/ranges';
import { Mutex } from '../sync/mutex';
import { ReentrantMutex } from '../sync/reentrant-mutex';
import { sleepBlocking } from '../sync/sleep';
import type { LabScenario } from './scenario';
import { formatInSeconds } from '../format/format-duration';

/**
 * Two workers, two locks.
 * - `opposite`: worker 1 takes A then B, worker 2 takes B then A, each holding the first while
 *   it reaches for the second. Both wait for ever — except that every acquire here has a
 *   timeout, so each gives up, lets go, and reports what it held and wanted.
 * - `ordered`: both take A before B. One waits for the other; both complete.
 * - `reentrant`: each worker takes a re-entrant lock and, inside, calls code that takes it
 *   again (depth 2). A plain mutex in the same spot waits for itself: shown with a timeout.
 */
export const DEADLOCK_VARIANTS = ['opposite', 'ordered', 'reentrant'] as const;
export type DeadlockVariant = (typeof DEADLOCK_VARIANTS)[number];

export const LOCK_A = 0;
export const LOCK_B = 1;
export const LOCK_R = 2;
/** The plain mutex of the re-entrant variant. */
export const LOCK_PLAIN = 3;
export const LOCK_NAMES = ['A', 'B', 'R', 'M'] as const;

const CELL_A = 0;
const CELL_B = 1;
const CELL_PLAIN = 2;
const CELL_R = 3;

export const deadlockParams = z.strictObject({
  variant: z.enum(DEADLOCK_VARIANTS, { error: `variant must be one of: ${DEADLOCK_VARIANTS.join(', ')}` }),
  /** How long each worker holds its first lock before reaching for the second. */
  holdMs: numberInRange('holdMs', 0, 2000).default(100),
  /** How long an acquire waits before the worker gives up. */
  timeoutMs: numberInRange('timeoutMs', 50, 10_000).default(1000),
});
export type DeadlockParams = z.output<typeof deadlockParams>;

const deadlockLane = z.strictObject({
  status: z.enum(['completed', 'timed-out']),
  first: z.int(),
  second: z.int(),
  /** How long it waited for locks, in all. */
  waitedMs: z.number().nonnegative(),
  /** Re-entrant variant: the deepest hold, and whether a plain mutex would have self-deadlocked. */
  depth: z.int().nonnegative(),
  plainSelfDeadlock: z.boolean(),
});
export type DeadlockLane = z.output<typeof deadlockLane>;

export const deadlock: LabScenario<DeadlockParams, DeadlockLane> = {
  name: 'deadlock',
  params: deadlockParams,
  laneResult: deadlockLane,
  lanes: () => 2,
  dataCells: () => CELL_R + ReentrantMutex.CELLS,
  prepare(data) {
    data.fill(0);
  },
  run(context) {
    return context.params.variant === 'reentrant' ? reentrantLane(context) : twoLockLane(context);
  },
  verdict(params, _data, results) {
    const timedOut = results.filter((r) => r.status === 'timed-out').length;
    const slowest = Math.max(0, ...results.map((r) => r.waitedMs));
    const figures = { timed_out_count: timedOut, longest_wait_ms: slowest };
    switch (params.variant) {
      case 'opposite':
        return {
          measured:
            timedOut > 0
              ? `Deadlock: ${timedOut === 1 ? 'one worker' : 'both workers'} waited ${formatInSeconds(params.timeoutMs, 1)} ` +
                'for a lock the other held, gave up and let go.'
              : 'No deadlock this time: one worker took both locks before the other started.',
          asExpected: timedOut > 0,
          figures,
        };
      case 'ordered':
        return {
          measured:
            timedOut === 0
              ? `Both workers completed; the longest wait for a lock was ${Math.round(slowest)} ms.`
              : `${timedOut} worker(s) timed out although both take A before B.`,
          asExpected: timedOut === 0,
          figures,
        };
      case 'reentrant': {
        const depth = Math.min(...results.map((r) => r.depth));
        const ok = timedOut === 0 && depth >= 2 && results.every((r) => r.plainSelfDeadlock);
        return {
          measured: ok
            ? 'Each worker re-acquired the re-entrant lock it held (depth 2) and completed; ' +
              'a plain mutex in the same place waited for itself until its timeout.'
            : `Unexpected: depth ${depth}, ${timedOut} timed out.`,
          asExpected: ok,
          figures: { ...figures, depth_count: depth },
        };
      }
    }
  },
};

type Context = Parameters<typeof deadlock.run>[0];

function twoLockLane({ lane, params, board, data, clock }: Context): DeadlockLane {
  const locks = [new Mutex(data, CELL_A, clock), new Mutex(data, CELL_B, clock)] as const;
  const first = params.variant === 'opposite' && lane === 1 ? LOCK_B : LOCK_A;
  const second = first === LOCK_A ? LOCK_B : LOCK_A;
  const result = { first, second, depth: 0, plainSelfDeadlock: false };

  const askedFirst = clock.now();
  if (!board.waitFor(lane, first, () => locks[first].acquire(params.timeoutMs))) {
    return { ...result, status: 'timed-out', waitedMs: clock.now() - askedFirst };
  }
  const firstWait = clock.now() - askedFirst;
  sleepBlocking(params.holdMs);
  const asked = clock.now();
  const gotSecond = board.waitFor(lane, second, () => locks[second].acquire(params.timeoutMs));
  const waitedMs = firstWait + (clock.now() - asked);
  if (gotSecond) {
    sleepBlocking(10); // the work that needed both
    board.released(lane, second);
    locks[second].release();
  }
  board.released(lane, first);
  locks[first].release();
  return { ...result, status: gotSecond ? 'completed' : 'timed-out', waitedMs };
}

function reentrantLane({ lane, params, board, data, clock }: Context): DeadlockLane {
  const me = lane + 1;
  const lock = new ReentrantMutex(data, CELL_R, clock);
  const result = { first: LOCK_R, second: LOCK_R, plainSelfDeadlock: false };

  // First the trap: a plain mutex taken twice by the same worker waits for itself.
  // The workers take turns at it, so the second acquire can only be blocked by the worker itself.
  const plain = new Mutex(data, CELL_PLAIN, clock);
  const selfWait = Math.min(300, params.timeoutMs);
  if (board.waitFor(lane, LOCK_PLAIN, () => plain.acquire(params.timeoutMs * 4))) {
    result.plainSelfDeadlock = !plain.acquire(selfWait);
    board.released(lane, LOCK_PLAIN);
    plain.release();
  }

  const asked = clock.now();
  if (!board.waitFor(lane, LOCK_R, () => lock.acquire(me, params.timeoutMs * 4))) {
    return { ...result, status: 'timed-out', waitedMs: clock.now() - asked, depth: 0 };
  }
  const waitedMs = clock.now() - asked;
  // "Helper code" that needs the same lock: with a re-entrant lock it just goes deeper.
  lock.acquire(me, 0);
  const depth = lock.depth();
  sleepBlocking(params.holdMs);
  lock.release(me);
  board.released(lane, LOCK_R);
  lock.release(me);
  return { ...result, status: 'completed', waitedMs, depth };
}
