import type { WorkStep } from '../workloads/workload';
import { CancelledError } from './cancelled-error';

export interface DriveHooks<Chunk> {
  now(): number;
  onProgress(done: number, chunk: Chunk | undefined): void;
}

export interface BlockingHooks<Chunk> extends DriveHooks<Chunk> {
  /** Waits synchronously, like a blocking download API would. */
  blockFor(ms: number): void;
}

/**
 * Decides how long each slice lasts: injected by the environment (the page slices to its
 * frames, renderer/src/run/frame-slices.ts), so this module stays pure. Without one, a slice
 * lasts `sliceMs`.
 */
export interface SlicePolicy {
  /** Called as a slice begins, at `now`: the time by which it must give the loop a turn. */
  sliceEnd(now: number): number;
}

export interface SlicedHooks<Chunk> extends DriveHooks<Chunk> {
  /** How long to compute before giving the event loop a turn (when no `slices` policy is given). */
  readonly sliceMs: number;
  readonly slices?: SlicePolicy;
  yieldToLoop(): Promise<void>;
  sleep(ms: number): Promise<void>;
  isCancelled(): boolean;
}

/**
 * Runs a workload to completion without ever giving the thread away. On a UI thread this is
 * the freeze: no frame is painted and no input handled until it returns.
 */
export function driveBlocking<Chunk, Part>(work: Generator<WorkStep<Chunk>, Part>, hooks: BlockingHooks<Chunk>): Part {
  const pace = pacer(hooks.now);
  for (let step = work.next(); ; step = work.next()) {
    if (step.done) return step.value;
    if (step.value.kind === 'wait') {
      const ms = pace(step.value);
      if (ms > 0 || !step.value.paced) hooks.blockFor(ms);
    } else hooks.onProgress(step.value.done, step.value.chunk);
  }
}

/**
 * How long to wait for each wait step. A plain wait lasts its `ms` from now. A paced wait is due
 * `ms` after the previous paced wait was due: timer lateness and the work in between are absorbed
 * instead of adding up, and a wait already overdue lasts 0.
 */
export function pacer(now: () => number): (step: { readonly ms: number; readonly paced?: boolean }) => number {
  let due: number | null = null;
  return (step) => {
    if (!step.paced) {
      due = null;
      return step.ms;
    }
    const t = now();
    due = (due ?? t) + step.ms;
    return Math.max(0, due - t);
  };
}

/**
 * Runs a workload in slices (of about `sliceMs`, or as long as `slices` says), yielding to the
 * event loop between them (cooperative multitasking, as asyncio does). Cancellation is checked
 * between slices.
 */
export async function driveSliced<Chunk, Part>(
  work: Generator<WorkStep<Chunk>, Part>,
  hooks: SlicedHooks<Chunk>,
): Promise<Part> {
  const begin = (now: number) => (hooks.slices ? hooks.slices.sliceEnd(now) : now + hooks.sliceMs);
  let sliceEnd = begin(hooks.now());
  const pace = pacer(hooks.now);
  for (let step = work.next(); ; step = work.next()) {
    if (step.done) return step.value;
    if (step.value.kind === 'wait') {
      const ms = pace(step.value);
      // An overdue paced wait does not sleep; the progress steps around it still yield.
      if (ms > 0 || !step.value.paced) {
        await hooks.sleep(ms);
        sliceEnd = begin(hooks.now());
      }
    } else {
      hooks.onProgress(step.value.done, step.value.chunk);
      if (hooks.now() >= sliceEnd) {
        await hooks.yieldToLoop();
        sliceEnd = begin(hooks.now());
      }
    }
    if (hooks.isCancelled()) {
      work.return(undefined as never);
      throw new CancelledError();
    }
  }
}
