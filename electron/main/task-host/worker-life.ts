/**
 * The life of one background thread or process, as its spawner sees it — the bookkeeping every
 * spawner needs and none should get subtly different:
 *
 * - its death is reported once, with one clear reason, however many events announce it
 *   (a crashed Worker emits 'error' and then 'exit'; a process 'exit' and then 'close');
 * - a thread or process we stop ourselves is not a failure, so nothing is reported for it;
 * - nothing is posted to it once it has exited or is being stopped (a dead IPC channel throws);
 * - `exited` resolves when it has really gone, so whoever owns it can wait for all of them.
 *
 * Used by every spawner: spawn-worker-thread.ts, spawn-child-process.ts, spawn-utility-process.ts
 * and lab/lab-thread-spawner.ts. Each still listens to its own kind's events and words its reasons.
 */
export interface WorkerLife {
  /** Resolves once the thread or process has exited, for whatever reason. */
  readonly exited: Promise<void>;
  hasExited(): boolean;
  /** Neither exited nor being stopped: the only state in which a message may be posted to it. */
  isAlive(): boolean;
  /** Call when the thread or process has gone (its 'exit' event, or it never started). */
  markExited(): void;
  /**
   * Reports that it died or failed, with `reason` and, if there is one, the `detail` that
   * explains it ("…: Error: boom"). Only the first report counts; none once we are stopping it.
   */
  fail(reason: string, detail?: string): void;
  /**
   * We stop it ourselves from now on. True only the first time, and only while it still runs:
   * the caller kills it when this says so, so it is killed once and a dead one never.
   */
  stop(): boolean;
}

/** `failed` is the owner's callback (the pool's PoolWorkerEvents.failed): called at most once. */
export function workerLife(failed: (reason: string) => void): WorkerLife {
  let exited = false;
  let stopping = false;
  let reported = false;
  let resolveExited = () => {};
  const exitedPromise = new Promise<void>((resolve) => (resolveExited = resolve));

  return {
    exited: exitedPromise,
    hasExited: () => exited,
    isAlive: () => !exited && !stopping,
    markExited: () => {
      exited = true;
      resolveExited();
    },
    fail: (reason, detail) => {
      if (reported || stopping) return;
      reported = true;
      failed(detail ? `${reason}: ${detail}` : reason);
    },
    stop: () => {
      if (stopping || exited) return false;
      stopping = true;
      return true;
    },
  };
}
