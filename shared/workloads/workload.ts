import type { z } from 'zod';

/**
 * What a workload yields between slices of real work. The runner of each place decides what
 * to do with it: forward progress (throttled), and honour `wait` with a real timer, a blocking
 * wait, or an event-loop yield (DESIGN.md, "Workloads").
 */
export type WorkStep<Chunk> =
  | { readonly kind: 'progress'; readonly done: number; readonly chunk?: Chunk }
  /**
   * `paced`: counted from the previous paced wait's due time instead of from now, so a schedule
   * of many waits (a download's chunks) keeps time however late each timer fires.
   */
  | { readonly kind: 'wait'; readonly ms: number; readonly paced?: boolean };

/** Which share of the work one worker does: shard `index` of `count`. */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

export const WHOLE: Shard = { index: 0, count: 1 };

/**
 * A workload: one pure, resumable definition that runs unchanged in every place.
 * `run` does a small slice of work (well under a millisecond to a few ms) between yields.
 * Chunks are data the UI shows as it arrives (a finished Mandelbrot tile); the part is what
 * one shard returns; `combine` merges parts and must not depend on how the work was split.
 */
export interface Workload<Params, Chunk, Part, Result> {
  readonly name: string;
  readonly title: string;
  readonly params: z.ZodType<Params>;
  readonly chunk: z.ZodType<Chunk>;
  readonly part: z.ZodType<Part>;
  /** At most this many shards make sense (a download queue is one event loop's work: 1). */
  readonly maxShards?: number;
  /** Units of work in one shard, for progress bars. */
  total(params: Params, shard: Shard): number;
  run(params: Params, shard: Shard): Generator<WorkStep<Chunk>, Part, void>;
  combine(params: Params, parts: readonly Part[]): Result;
  /** Buffers inside a chunk that are transferred to the UI instead of copied. */
  transferables(chunk: Chunk): ArrayBuffer[];
  /** One line for the result panel. */
  describe(result: Result): string;
}
