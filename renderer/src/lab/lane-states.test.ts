import { describe, expect, it } from 'vitest';
import { Phase, WAITING_FOR_EVENT, type LaneSnapshot } from '../../../shared/lab/lab-memory';
import { laneCaption, LaneState, laneState } from './lane-states';

const snap = (over: Partial<LaneSnapshot>): LaneSnapshot => ({
  phase: Phase.running,
  waitingFor: -1,
  held: [],
  count: 0,
  ...over,
});

describe('lane states', () => {
  it('tells waiting, holding and plain running apart', () => {
    expect(laneState(snap({}))).toBe(LaneState.running);
    expect(laneState(snap({ held: [0] }))).toBe(LaneState.holding);
    expect(laneState(snap({ held: [0], waitingFor: 1 }))).toBe(LaneState.waiting);
    expect(laneState(snap({ phase: Phase.done, held: [0] }))).toBe(LaneState.done);
    expect(laneState(snap({ phase: Phase.failed }))).toBe(LaneState.failed);
  });

  it('says in words what a lane waits for and holds', () => {
    expect(laneCaption(snap({ held: [0], waitingFor: 1 }), ['A', 'B'])).toBe('waits for B · holds A');
    expect(laneCaption(snap({ waitingFor: WAITING_FOR_EVENT }), [])).toBe('waits for the event');
    expect(laneCaption(snap({ phase: Phase.idle }), [])).toBe('starting');
  });
});
