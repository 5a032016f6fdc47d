import { z } from 'zod';
import { workloadName } from '../workloads/registry';
import type { TaskOutcome } from './task-outcome';
import type { WireTrace } from '../trace/wire-trace';

/** What the UI asks for: a workload by name and its (not yet validated) parameters. */
export const taskRequestSchema = z.strictObject({ workload: workloadName, params: z.unknown() });
export type TaskRequest = z.output<typeof taskRequestSchema>;

/** Progress as every place reports it to the UI. */
export interface TaskProgress {
  readonly done: number;
  readonly total: number;
  /** Chunks that just arrived (e.g. finished tiles), and the lane (worker) that made them. */
  readonly chunks: readonly unknown[];
  readonly lane: number;
}

export interface TaskListener {
  onProgress(progress: TaskProgress): void;
  /** Which lanes the task occupies, and each lane's share of the work. */
  onLanes?(lanes: readonly { lane: number; done: number; total: number }[]): void;
  /** A worker's spans for the timeline, as its message arrived (pool places only; shared/trace/). */
  onTrace?(trace: WireTrace, lane: number): void;
}

export interface RunningTask<Result = unknown> {
  cancel(): void;
  readonly outcome: Promise<TaskOutcome<Result>>;
}
