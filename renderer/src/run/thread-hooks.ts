import type { ThreadHooks } from '../../../shared/run/run-here';

interface SchedulerWithYield {
  yield(): Promise<void>;
}

/** A macrotask turn without setTimeout's 4 ms clamp: a message to ourselves. */
export function macrotask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * `scheduler.yield()` where the browser has it: it lets input and rendering run, then resumes
 * this task ahead of other queued work, so slicing costs little extra time.
 */
function yieldToLoop(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Partial<SchedulerWithYield> }).scheduler;
  return typeof scheduler?.yield === 'function' ? scheduler.yield() : macrotask();
}

/** Hooks for a browser thread (the page or a Web Worker). */
export const browserThread: ThreadHooks = {
  now: () => performance.now(),
  // The page's thread cannot use Atomics.wait, so a blocking wait is a busy loop — like a
  // synchronous XMLHttpRequest, nothing else runs meanwhile.
  blockFor: (ms) => {
    const end = performance.now() + ms;
    while (performance.now() < end) {
      // spin
    }
  },
  yieldToLoop,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};
