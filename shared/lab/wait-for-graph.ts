import type { LaneSnapshot } from './lab-memory';

/** One step of a wait-for cycle: `lane` holds `holds` and waits for `waitsFor`. */
export interface WaitEdge {
  readonly lane: number;
  readonly holds: number;
  readonly waitsFor: number;
}

/**
 * Finds a deadlock in a snapshot of the lanes: a cycle in the wait-for graph, where each lane
 * waits for a lock that the next lane holds, and the last waits for the first's. Returns the
 * cycle (starting at its lowest lane) or null. A lane waiting for a free lock, or for something
 * that is not a lock, breaks the chain.
 */
export function findWaitCycle(lanes: readonly LaneSnapshot[], lockCount: number): WaitEdge[] | null {
  const holder = new Map<number, number>();
  lanes.forEach((l, lane) => {
    for (const lock of l.held) holder.set(lock, lane);
  });
  const next = (lane: number): number | undefined => {
    const wanted = lanes[lane]?.waitingFor ?? -1;
    if (wanted < 0 || wanted >= lockCount) return undefined;
    return holder.get(wanted);
  };
  for (let start = 0; start < lanes.length; start++) {
    const path: number[] = [];
    let lane: number | undefined = start;
    while (lane !== undefined && !path.includes(lane)) {
      path.push(lane);
      lane = next(lane);
    }
    if (lane === undefined) continue;
    const cycle = path.slice(path.indexOf(lane));
    if (Math.min(...cycle) !== start) continue; // report each cycle once, from its lowest lane
    return cycle.map((l, i) => {
      // What this lane holds that matters: the lock the previous lane in the cycle waits for.
      const previous = cycle[(i - 1 + cycle.length) % cycle.length] ?? l;
      return { lane: l, holds: lanes[previous]?.waitingFor ?? -1, waitsFor: lanes[l]?.waitingFor ?? -1 };
    });
  }
  return null;
}
