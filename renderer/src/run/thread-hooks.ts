import type { ThreadHooks } from '../../../shared/run/run-here';

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
 * Why not `scheduler.yield()`: it resumes our task *ahead* of the queued rendering work, so a
 * loop of yields still starves frames until Chromium's ~100 ms rendering-starvation guard kicks
 * in (measured here: 117 ms worst gaps). A plain macrotask lets a due frame paint first (worst
 * gap ≈ one frame); input is handled either way.
 */
const yieldToLoop = macrotask;

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
