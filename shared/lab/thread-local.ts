import { z } from 'zod';
import { intInRange, numberInRange } from '../workloads/ranges';
import { sleepBlocking } from '../sync/sleep';
import type { LabScenario } from './scenario';

/**
 * Five workers each handle a "request" of ~0.1 s and keep its id and start time in their own
 * `local` object. In JavaScript every worker loads its own copy of this module, so this object
 * is per-thread by construction — what Python needs threading.local() for. For contrast each
 * also writes its id into one shared cell, and reads it back at the end: mostly someone else's.
 */
const local = { requestId: 0, startTime: 0 };

const SHARED_ID = 0;

export const threadLocalParams = z.strictObject({
  lanes: intInRange('lanes', 2, 8).default(5),
  workMs: numberInRange('workMs', 1, 2000).default(100),
});
export type ThreadLocalParams = z.output<typeof threadLocalParams>;

const threadLocalLane = z.strictObject({
  /** The id this worker was given. */
  assignedId: z.int(),
  /** What its local object said at the end. */
  localId: z.int(),
  /** What the shared cell said at the end. */
  sharedId: z.int(),
  durationMs: z.number().nonnegative(),
});
export type ThreadLocalLane = z.output<typeof threadLocalLane>;

/** Request ids look like 101, 102, … so they are never mistaken for lane numbers. */
export const requestIdFor = (lane: number) => 101 + lane;

export const threadLocal: LabScenario<ThreadLocalParams, ThreadLocalLane> = {
  name: 'thread-local',
  params: threadLocalParams,
  laneResult: threadLocalLane,
  lanes: (p) => p.lanes,
  dataCells: () => 1,
  prepare(data) {
    Atomics.store(data, SHARED_ID, 0);
  },
  run({ lane, params, board, data, clock }) {
    const assignedId = requestIdFor(lane);
    local.requestId = assignedId;
    local.startTime = clock.now();
    Atomics.store(data, SHARED_ID, assignedId);
    sleepBlocking(params.workMs);
    board.setCount(lane, 1);
    return {
      assignedId,
      localId: local.requestId,
      sharedId: Atomics.load(data, SHARED_ID),
      durationMs: clock.now() - local.startTime,
    };
  },
  verdict(params, _data, results) {
    const ownIds = results.filter((r) => r.localId === r.assignedId).length;
    const mixedShared = results.filter((r) => r.sharedId !== r.assignedId).length;
    const longest = Math.max(0, ...results.map((r) => r.durationMs));
    const shortest = Math.min(...results.map((r) => r.durationMs));
    // Generous: a shared, busy machine can oversleep, never undersleep.
    const timely = shortest >= params.workMs * 0.9 && longest <= params.workMs * 2;
    return {
      measured:
        `${ownIds} of ${results.length} workers kept their own request id; ` +
        `each request took ${(shortest / 1000).toFixed(3)}–${(longest / 1000).toFixed(3)} s. ` +
        `Through one shared cell, ${mixedShared} of ${results.length} read back someone else's id.`,
      asExpected: ownIds === results.length && timely,
      figures: {
        own_ids_count: ownIds,
        mixed_shared_count: mixedShared,
        shortest_s: shortest / 1000,
        longest_s: longest / 1000,
      },
    };
  },
};
