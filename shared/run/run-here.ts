import { parseParams } from '../workloads/params-error';
import { getWorkload } from '../workloads/registry';
import { WHOLE } from '../workloads/workload';
import { CancelledError } from './cancelled-error';
import { driveBlocking, driveSliced, type SlicePolicy } from './drive';
import { ProgressBatcher } from './progress-batcher';
import type { TaskOutcome } from './task-outcome';
import type { RunningTask, TaskListener, TaskRequest } from './task-request';
import { messageOf } from '../errors/message-of';

/** What the current thread offers a runner; each environment fills it in. */
export interface ThreadHooks {
  now(): number;
  /** A synchronous wait (busy or Atomics.wait): used by the blocking style only. */
  blockFor(ms: number): void;
  yieldToLoop(): Promise<void>;
  sleep(ms: number): Promise<void>;
}

export type HereStyle =
  /** Run to completion: the freeze. Cannot be cancelled, because nothing else runs meanwhile. */
  | { readonly style: 'blocking' }
  /**
   * Yield every `sliceMs` (or as `slices` decides) so the thread stays responsive: the asyncio
   * lesson. A policy may bring its own yield, to measure what each turn of the loop costs.
   */
  | {
      readonly style: 'sliced';
      readonly sliceMs: number;
      readonly slices?: SlicePolicy & { yieldToLoop?(): Promise<void> };
    };

/**
 * Runs a task on the calling thread. Parameters are validated before anything starts (a
 * ParamsError is thrown). The blocking style does all its work inside this call, before it
 * returns; the outcome promise is already settled by then.
 */
export function runHere(request: TaskRequest, listener: TaskListener, how: HereStyle, hooks: ThreadHooks): RunningTask {
  const workload = getWorkload(request.workload);
  const params = parseParams(workload.params, request.params, workload.title);
  const total = workload.total(params, WHOLE);
  const started = hooks.now();
  let cancelled = false;
  const batcher = new ProgressBatcher<unknown>(hooks.now, (done, chunks) => {
    listener.onProgress({ done, total, chunks, lane: 0 });
    listener.onLanes?.([{ lane: 0, done, total }]);
  });
  const onProgress = (done: number, chunk: unknown) => batcher.push(done, chunk);
  const finish = (part: unknown): TaskOutcome<unknown> => {
    batcher.flush();
    return { status: 'done', result: workload.combine(params, [part]), elapsedMs: hooks.now() - started };
  };
  const failure = (error: unknown): TaskOutcome<unknown> =>
    error instanceof CancelledError
      ? { status: 'cancelled', elapsedMs: hooks.now() - started }
      : { status: 'failed', message: messageOf(error), elapsedMs: hooks.now() - started };

  if (how.style === 'blocking') {
    let outcome: TaskOutcome<unknown>;
    try {
      outcome = finish(
        driveBlocking(workload.run(params, WHOLE), { now: hooks.now, blockFor: hooks.blockFor, onProgress }),
      );
    } catch (error) {
      outcome = failure(error);
    }
    return { cancel: () => {}, outcome: Promise.resolve(outcome) };
  }

  const outcome = driveSliced(workload.run(params, WHOLE), {
    sliceMs: how.sliceMs,
    ...(how.slices ? { slices: how.slices } : {}),
    now: hooks.now,
    yieldToLoop: how.slices?.yieldToLoop ?? hooks.yieldToLoop,
    sleep: hooks.sleep,
    isCancelled: () => cancelled,
    onProgress,
  })
    // finish() runs the listener (the last flush) too: whatever it throws becomes "failed".
    .then(finish)
    .catch(failure);
  return { cancel: () => (cancelled = true), outcome };
}
