import type { z } from 'zod';
import type { Clock } from '../sync/clock';
import type { LaneBoard } from './lab-memory';

/** What one worker gets: its lane, the shared memory, and a high-resolution clock. */
export interface ScenarioContext<Params> {
  readonly lane: number;
  readonly lanes: number;
  readonly params: Params;
  readonly board: LaneBoard;
  /** The scenario's own cells in the run's SharedArrayBuffer. */
  readonly data: Int32Array;
  /** A clock that all workers share (epoch-based milliseconds, sub-millisecond resolution). */
  readonly clock: Clock;
}

/** The verdict on a whole run, in the workshop's terms (see renderer/src/workshop/chapter.ts). */
export interface ScenarioVerdict {
  readonly measured: string;
  readonly asExpected: boolean;
  readonly figures: Readonly<Record<string, number>>;
}

/**
 * A lab scenario: what each worker does, given the shared memory and its index — pure and
 * blocking (it runs in a worker, so it may Atomics.wait). The same code runs in Node
 * worker_threads and in Web Workers; only the thin entry differs.
 */
export interface LabScenario<Params, LaneResult> {
  readonly name: string;
  readonly params: z.ZodType<Params>;
  readonly laneResult: z.ZodType<LaneResult>;
  /** How many workers the run needs. */
  lanes(params: Params): number;
  /** Cells of shared data, and their first values (set on the page before the workers start). */
  dataCells(params: Params): number;
  prepare(data: Int32Array, params: Params): void;
  run(context: ScenarioContext<Params>): LaneResult;
  /** Judges the run from the final shared data and every lane's result. */
  verdict(params: Params, data: Int32Array, results: readonly LaneResult[]): ScenarioVerdict;
}

/** Spins (does not sleep) for `ms`: a short gap that keeps the thread on the CPU. */
export function spinFor(clock: Clock, ms: number): void {
  if (ms <= 0) return;
  const end = clock.now() + ms;
  while (clock.now() < end) {
    // spin
  }
}
