import { SharedEvent } from '../sync/event';

/**
 * One lab run's shared memory: a small header (the start gate), a board with four cells per
 * worker lane that the page reads every frame to draw the lanes, then the scenario's own cells
 * (counters, balances, locks). Int32 throughout, so Atomics works on every cell.
 */
const GATE_COUNT = 0;
const GATE_EVENT = 1;
const HEADER_CELLS = 2;
export const LANE_CELLS = 4;
export const MAX_LANES = 16;

/** What a lane is doing, as the page draws it. */
export const Phase = { idle: 0, running: 1, done: 2, failed: 3 } as const;
export type PhaseCode = (typeof Phase)[keyof typeof Phase];

/** `waitingFor` when a lane waits for the scenario's event rather than a lock. */
export const WAITING_FOR_EVENT = 30;
export const NOT_WAITING = -1;

const PHASE = 0;
const WAITING = 1;
const HELD = 2;
const COUNT = 3;

export interface LabMemory {
  readonly buffer: SharedArrayBuffer;
  readonly lanes: number;
  readonly board: LaneBoard;
  /** The scenario's cells. */
  readonly data: Int32Array;
  /** The start gate: every worker waits here until all have arrived, so they really overlap. */
  readonly gate: { readonly count: Int32Array; readonly index: number; readonly event: SharedEvent };
}

export function createLabMemory(lanes: number, dataCells: number): LabMemory {
  checkLanes(lanes);
  const cells = HEADER_CELLS + lanes * LANE_CELLS + dataCells;
  const memory = openLabMemory(new SharedArrayBuffer(cells * Int32Array.BYTES_PER_ELEMENT), lanes);
  memory.board.reset(); // zeroed memory would read as "waiting for lock 0"
  return memory;
}

export function openLabMemory(buffer: SharedArrayBuffer, lanes: number): LabMemory {
  checkLanes(lanes);
  const all = new Int32Array(buffer);
  const dataStart = HEADER_CELLS + lanes * LANE_CELLS;
  if (all.length < dataStart)
    throw new RangeError(`A lab buffer for ${lanes} lanes needs at least ${dataStart * 4} bytes`);
  return {
    buffer,
    lanes,
    board: new LaneBoard(all.subarray(HEADER_CELLS, dataStart), lanes),
    data: all.subarray(dataStart),
    gate: { count: all, index: GATE_COUNT, event: new SharedEvent(all, GATE_EVENT) },
  };
}

function checkLanes(lanes: number): void {
  if (!Number.isInteger(lanes) || lanes < 1 || lanes > MAX_LANES)
    throw new RangeError(`A lab run has 1–${MAX_LANES} lanes, got ${lanes}`);
}

/** One lane as the page reads it. `held` lists lock ids. */
export interface LaneSnapshot {
  readonly phase: PhaseCode;
  readonly waitingFor: number;
  readonly held: readonly number[];
  readonly count: number;
}

/**
 * The lanes' live state. Workers write it as they go (cheap Atomics stores, no messages); the
 * page reads it once a frame — the lanes are drawn without a React update per event.
 */
export class LaneBoard {
  constructor(
    private readonly cells: Int32Array,
    readonly lanes: number,
  ) {}

  setPhase(lane: number, phase: PhaseCode): void {
    Atomics.store(this.cells, lane * LANE_CELLS + PHASE, phase);
  }

  setCount(lane: number, count: number): void {
    Atomics.store(this.cells, lane * LANE_CELLS + COUNT, count);
  }

  /**
   * Shows the lane waiting for `resource` while `attempt` blocks, then, if it succeeded, holding
   * it. Returns what `attempt` returned (false: timed out).
   */
  waitFor(lane: number, resource: number, attempt: () => boolean): boolean {
    Atomics.store(this.cells, lane * LANE_CELLS + WAITING, resource);
    const ok = attempt();
    Atomics.store(this.cells, lane * LANE_CELLS + WAITING, NOT_WAITING);
    if (ok && resource !== WAITING_FOR_EVENT) Atomics.or(this.cells, lane * LANE_CELLS + HELD, 1 << resource);
    return ok;
  }

  released(lane: number, lock: number): void {
    Atomics.and(this.cells, lane * LANE_CELLS + HELD, ~(1 << lock));
  }

  /** Every lane ready to start: idle, waiting for nothing, holding nothing. */
  reset(): void {
    for (let lane = 0; lane < this.lanes; lane++) {
      this.setPhase(lane, Phase.idle);
      Atomics.store(this.cells, lane * LANE_CELLS + WAITING, NOT_WAITING);
      Atomics.store(this.cells, lane * LANE_CELLS + HELD, 0);
      this.setCount(lane, 0);
    }
  }

  read(lane: number): LaneSnapshot {
    const base = lane * LANE_CELLS;
    const mask = Atomics.load(this.cells, base + HELD);
    const held: number[] = [];
    for (let bit = 0; bit < 30; bit++) if (mask & (1 << bit)) held.push(bit);
    return {
      phase: Atomics.load(this.cells, base + PHASE) as PhaseCode,
      waitingFor: Atomics.load(this.cells, base + WAITING),
      held,
      count: Atomics.load(this.cells, base + COUNT),
    };
  }

  snapshot(): LaneSnapshot[] {
    return Array.from({ length: this.lanes }, (_, lane) => this.read(lane));
  }
}

/**
 * Waits at the start gate until all lanes have arrived (the last one opens it). Returns false
 * if the others did not come within `timeoutMs`.
 */
export function passGate(memory: LabMemory, timeoutMs: number): boolean {
  const arrived = Atomics.add(memory.gate.count, GATE_COUNT, 1) + 1;
  if (arrived >= memory.lanes) {
    memory.gate.event.set();
    return true;
  }
  return memory.gate.event.wait(timeoutMs);
}
