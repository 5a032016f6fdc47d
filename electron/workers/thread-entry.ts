/**
 * The worker_threads entry: the shared task server behind this thread's `parentPort`.
 * Started by electron/main/task-host/spawn-worker-thread.ts, one thread per pool lane.
 */
import { parentPort } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import type { CrashMode } from '../../shared/protocol/messages';
import { createTaskServer } from '../../shared/run/task-server';

if (parentPort === null) throw new Error('thread-entry must run as a worker thread (new Worker(…)), not on its own');
const port = parentPort;

/**
 * The crash lab inside a thread. 'crash' is the same as 'exit' here: a hard abort would take
 * the whole process (the app) down with it, because a thread shares the process — which is
 * exactly why the crash-proof place is the utility process, not the thread.
 */
function crash(mode: CrashMode): void {
  switch (mode) {
    case 'throw':
      // From a timer, so no try/catch of the task server can catch it: the thread dies and
      // the pool sees the Worker's 'error' event.
      setTimeout(() => {
        throw new Error('Crash lab: an uncaught error was thrown on purpose');
      });
      return;
    case 'exit':
    case 'crash':
      // In a worker thread process.exit() ends only this thread (the Worker's 'exit', code 3).
      process.exit(3);
      return;
    case 'hang':
      // Never returns, so "cancel" is never read: the pool must terminate the thread.
      for (;;) {
        /* spin */
      }
  }
}

const handle = createTaskServer({
  // Tiles' pixel buffers are transferred (moved, not copied) to the main thread.
  post: (message, transfer) => port.postMessage(message, transfer),
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  yieldToLoop: () => new Promise((resolve) => setImmediate(resolve)),
  crash,
});

port.on('message', handle);
