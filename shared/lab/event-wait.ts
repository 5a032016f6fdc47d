import { z } from 'zod';
import { numberInRange } from '../workloads/ranges';
import { SharedEvent } from '../sync/event';
import { sleepBlocking } from '../sync/sleep';
import { WAITING_FOR_EVENT } from './lab-memory';
import type { LabScenario, ScenarioVerdict } from './scenario';
import { formatInSeconds } from '../format/format-duration';

/**
 * Lane 0 waits on an event; lane 1 does some "work" (sleeps `delayMs`) and then sets it. The
 * waiter sleeps in Atomics.wait — no polling, no CPU — and wakes when notified.
 */
const EVENT = 0;

export const eventParams = z.strictObject({
  delayMs: numberInRange('delayMs', 0, 10_000).default(2000),
  /** The waiter gives up after this long, so a broken setter cannot hang the lab. */
  timeoutMs: numberInRange('timeoutMs', 100, 30_000).default(10_000),
  /** How far from `delayMs` the wake-up may be and still count as on time. */
  toleranceMs: numberInRange('toleranceMs', 1, 5000).default(200),
});
export type EventParams = z.output<typeof eventParams>;

const eventLane = z.strictObject({
  role: z.enum(['waiter', 'setter']),
  /** Waiter: how long it waited. Setter: when it set the event, after the start. */
  ms: z.number().nonnegative(),
  woke: z.boolean(),
});
export type EventLane = z.output<typeof eventLane>;

export const eventWait: LabScenario<EventParams, EventLane> = {
  name: 'event',
  params: eventParams,
  laneResult: eventLane,
  lanes: () => 2,
  dataCells: () => 1,
  prepare(data) {
    Atomics.store(data, EVENT, 0);
  },
  run({ lane, params, board, data, clock }) {
    const event = new SharedEvent(data, EVENT, clock);
    const started = clock.now();
    if (lane === 0) {
      const woke = board.waitFor(lane, WAITING_FOR_EVENT, () => event.wait(params.timeoutMs));
      return { role: 'waiter', ms: clock.now() - started, woke };
    }
    sleepBlocking(params.delayMs);
    const woken = event.set();
    return { role: 'setter', ms: clock.now() - started, woke: woken > 0 };
  },
  verdict(params, _data, results): ScenarioVerdict {
    const waiter = results.find((r) => r.role === 'waiter');
    const setter = results.find((r) => r.role === 'setter');
    if (!waiter || !setter) return { measured: 'The run had no waiter or no setter.', asExpected: false, figures: {} };
    const waited = formatInSeconds(waiter.ms);
    const onTime = waiter.woke && Math.abs(waiter.ms - params.delayMs) <= params.toleranceMs;
    return {
      measured: waiter.woke
        ? `The waiter woke after ${waited}; the setter signalled at ${formatInSeconds(setter.ms)}.`
        : `The waiter gave up after ${waited}: the event was never set.`,
      asExpected: onTime,
      figures: { wake_s: waiter.ms / 1000, set_s: setter.ms / 1000, late_ms: waiter.ms - setter.ms },
    };
  },
};
