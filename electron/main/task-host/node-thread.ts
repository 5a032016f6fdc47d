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

/** Timers at least this long (the pools' hung-job deadline is 15 min) share one coarse ticker. */
export const COARSE_TIMER_MS = 10_000;
/** How often the shared ticker looks for a coarse timer that is due: it fires at most this late. */
export const COARSE_TICK_MS = 1_000;

/**
 * Node's timers for WorkerPool: its cancel grace period, and every job's deadline. A deadline is set
 * as a job starts and cleared as it ends, so on a tiny task setTimeout + clearTimeout ran on every
 * round trip — a few µs of a ~0.1 ms trip, on code the JIT has not optimised yet (Node files each
 * Timeout in a list per duration, and the last one cleared takes its list with it). Long timers,
 * which need no precision, are instead a Map entry checked by one ticker, which runs only while
 * one is pending (and does not keep the process alive: a job's worker does that).
 */
export function createNodeTimers(coarseMs = COARSE_TIMER_MS, tickMs = COARSE_TICK_MS): Timers {
  const coarse = new Map<object, { readonly dueAt: number; readonly callback: () => void }>();
  let ticker: ReturnType<typeof setInterval> | null = null;
  const tick = () => {
    if (coarse.size === 0 && ticker) {
      clearInterval(ticker);
      ticker = null;
      return;
    }
    const now = performance.now();
    for (const [handle, timer] of coarse) {
      if (timer.dueAt > now) continue;
      coarse.delete(handle);
      timer.callback();
    }
  };
  return {
    set: (callback, ms) => {
      if (ms < coarseMs) return setTimeout(callback, ms);
      const handle = {};
      coarse.set(handle, { dueAt: performance.now() + ms, callback });
      if (!ticker) {
        ticker = setInterval(tick, tickMs);
        ticker.unref();
      }
      return handle;
    },
    clear: (handle) => {
      if (!coarse.delete(handle as object)) clearTimeout(handle as ReturnType<typeof setTimeout>);
    },
  };
}

export const nodeTimers: Timers = createNodeTimers();
