import { describe, expect, it } from 'vitest';
import { Phase, type LaneSnapshot } from './lab-memory';
import { findWaitCycle } from './wait-for-graph';

const lane = (held: number[], waitingFor = -1): LaneSnapshot => ({ phase: Phase.running, held, waitingFor, count: 0 });

describe('findWaitCycle', () => {
  it('finds two lanes each waiting for the lock the other holds', () => {
    expect(findWaitCycle([lane([0], 1), lane([1], 0)], 2)).toEqual([
      { lane: 0, holds: 0, waitsFor: 1 },
      { lane: 1, holds: 1, waitsFor: 0 },
    ]);
  });

  it('finds a longer cycle that does not start at lane 0', () => {
    const lanes = [lane([], 2), lane([1], 2), lane([2], 3), lane([3], 1)];
    expect(findWaitCycle(lanes, 4)?.map((e) => e.lane)).toEqual([1, 2, 3]);
  });

  it('sees no deadlock in a plain wait, a wait for a free lock, or a wait for the event', () => {
    expect(findWaitCycle([lane([0]), lane([], 0)], 2)).toBeNull();
    expect(findWaitCycle([lane([], 1), lane([], 0)], 2)).toBeNull();
    expect(findWaitCycle([lane([0], 30), lane([1], 0)], 2)).toBeNull();
  });
});
