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

export interface SlicedHooks<Chunk> extends DriveHooks<Chunk> {
  /** How long to compute before giving the event loop a turn. */
  readonly sliceMs: number;
  yieldToLoop(): Promise<void>;
  sleep(ms: number): Promise<void>;
  isCancelled(): boolean;
}

/**
 * Runs a workload to completion without ever giving the thread away. On a UI thread this is
 * the freeze: no frame is painted and no input handled until it returns.
 */
export function driveBlocking<Chunk, Part>(work: Generator<WorkStep<Chunk>, Part>, hooks: BlockingHooks<Chunk>): Part {
  for (let step = work.next(); ; step = work.next()) {
    if (step.done) return step.value;
    if (step.value.kind === 'wait') hooks.blockFor(step.value.ms);
    else hooks.onProgress(step.value.done, step.value.chunk);
  }
}

/**
 * Runs a workload in slices of about `sliceMs`, yielding to the event loop between them
 * (cooperative multitasking, as asyncio does). Cancellation is checked between slices.
 */
export async function driveSliced<Chunk, Part>(
  work: Generator<WorkStep<Chunk>, Part>,
  hooks: SlicedHooks<Chunk>,
): Promise<Part> {
  let sliceStart = hooks.now();
  for (let step = work.next(); ; step = work.next()) {
    if (step.done) return step.value;
    if (step.value.kind === 'wait') {
      await hooks.sleep(step.value.ms);
      sliceStart = hooks.now();
    } else {
      hooks.onProgress(step.value.done, step.value.chunk);
      if (hooks.now() - sliceStart >= hooks.sliceMs) {
        await hooks.yieldToLoop();
        sliceStart = hooks.now();
      }
    }
    if (hooks.isCancelled()) {
      work.return(undefined as never);
      throw new CancelledError();
    }
  }
}
