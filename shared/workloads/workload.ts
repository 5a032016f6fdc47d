import type { z } from 'zod';

/**
 * What a workload yields between slices of real work. The runner of each place decides what
 * to do with it: forward progress (throttled), and honour `wait` with a real timer, a blocking
 * wait, or an event-loop yield (ARCHITECTURE.md, "Workloads").
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

/** A rectangle of RGBA pixels at (x, y) of the whole image: what the Playground's 'tiles' view paints. */
export interface PixelTile {
  readonly index: number;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly rgba: Uint8ClampedArray<ArrayBuffer>;
}

/**
 * The Playground's output views, by kind: what each one draws (chunks) and what it needs to
 * know before the first chunk arrives (params). The renderer keeps exactly one view per kind.
 */
export interface PlaygroundViews {
  /** A canvas, sized by the params, that paints every chunk as it arrives. */
  readonly tiles: { readonly chunk: PixelTile; readonly params: { readonly width: number; readonly height: number } };
  /** The result line, large; chunks, if any, are not shown. */
  readonly text: { readonly chunk: unknown; readonly params: unknown };
}
export type ViewKind = keyof PlaygroundViews;

/** The view kinds whose chunks and params a workload's own types fit: declaring another one is a compile error. */
export type ViewKindFor<Params, Chunk> = {
  [K in ViewKind]: [Chunk] extends [PlaygroundViews[K]['chunk']]
    ? [Params] extends [PlaygroundViews[K]['params']]
      ? K
      : never
    : never;
}[ViewKind];

/**
 * How a workload is sized in seconds of *this* computer. `Measured` is what the calibration
 * keeps for this workload (for example milliseconds per pixel).
 */
export interface Presets<Params, Measured> {
  /** The calibration's small run (tens of milliseconds), timed on this computer, best of a few rounds. */
  readonly probe: Params;
  /** The probe's best time (never below a floor, so never 0) as this workload's measured numbers. */
  measure(probeMs: number): Measured;
  /** Checks measured numbers that arrive from another thread (the calibration runs in a worker). */
  readonly measured: z.ZodType<Measured>;
  /** Used until the calibration has run (and by tests): a mid-range laptop. */
  readonly defaults: Measured;
  /** The cost model: parameters that take about `ms` on one thread of the measured computer. */
  paramsFor(ms: number, measured: Measured): Params;
  /** The cost model read backwards: how long `params` should take on one thread (to check a run). */
  msFor(params: Params, measured: Measured): number;
}

/**
 * A workload the Playground and Compare offer: sized by presets, shown by a view of its kind,
 * its parameters described in one line ("1,536×1,024 pixels, 4,000 iterations").
 */
export interface SizedWorkload<Params, Chunk, Part, Result, Measured> extends Workload<Params, Chunk, Part, Result> {
  readonly presets: Presets<Params, Measured>;
  readonly view: ViewKindFor<Params, Chunk>;
  describeParams(params: Params): string;
}
