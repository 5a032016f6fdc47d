import { Phase, WAITING_FOR_EVENT, type LaneSnapshot } from '../../../shared/lab/lab-memory';

/** What the lanes show, per sample: the board's cells boiled down to one state. */
export const LaneState = { idle: 0, running: 1, waiting: 2, holding: 3, done: 4, failed: 5 } as const;
export type LaneStateCode = (typeof LaneState)[keyof typeof LaneState];

export function laneState(lane: LaneSnapshot): LaneStateCode {
  if (lane.phase === Phase.failed) return LaneState.failed;
  if (lane.phase === Phase.done) return LaneState.done;
  if (lane.phase === Phase.idle) return LaneState.idle;
  if (lane.waitingFor >= 0) return LaneState.waiting;
  return lane.held.length > 0 ? LaneState.holding : LaneState.running;
}

/** "waits for B · holds A", in words, for the lane's label. */
export function laneCaption(lane: LaneSnapshot, lockNames: readonly string[]): string {
  const name = (id: number) => lockNames[id] ?? `lock ${id}`;
  switch (laneState(lane)) {
    case LaneState.idle:
      return 'starting';
    case LaneState.done:
      return 'done';
    case LaneState.failed:
      return 'failed';
    default: {
      const parts: string[] = [];
      if (lane.waitingFor === WAITING_FOR_EVENT) parts.push('waits for the event');
      else if (lane.waitingFor >= 0) parts.push(`waits for ${name(lane.waitingFor)}`);
      if (lane.held.length > 0) parts.push(`holds ${lane.held.map(name).join(', ')}`);
      return parts.length > 0 ? parts.join(' · ') : 'running';
    }
  }
}
