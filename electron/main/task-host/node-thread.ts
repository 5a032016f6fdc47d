import { performance } from 'node:perf_hooks';
import type { Timers } from '../../../shared/pool/worker-pool';
import type { ThreadHooks } from '../../../shared/run/run-here';

/** A private cell nobody ever notifies: Atomics.wait on it just sleeps, really blocking. */
const never = new Int32Array(new SharedArrayBuffer(4));

/**
 * What a Node thread (the Electron main process, here) offers the shared runners. `blockFor`
 * is a true synchronous wait — legal on Node's main thread, unlike a browser's — so a
 * simulated download in the blocking style stalls the event loop exactly like a sync API.
 */
export const nodeThreadHooks: ThreadHooks = {
  now: () => performance.now(),
  blockFor: (ms) => {
    if (ms > 0) Atomics.wait(never, 0, 0, ms);
  },
  yieldToLoop: () => new Promise((resolve) => setImmediate(resolve)),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** Node's timers for WorkerPool (its cancel grace period). */
export const nodeTimers: Timers = {
  set: (callback, ms) => setTimeout(callback, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
