/**
 * The worker_threads entry: the shared task server behind this thread's `parentPort`.
 * Started by electron/main/task-host/spawn-worker-thread.ts, one thread per pool lane.
 */
import { parentPort } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { createTaskServer } from '../../shared/run/task-server';
import { traceClock } from '../../shared/trace/trace-clock';
import { CRASH_EXIT_CODE, crashOnPurpose } from './crash-on-purpose';

if (parentPort === null) throw new Error('thread-entry must run as a worker thread (new Worker(…)), not on its own');
const port = parentPort;

/**
 * The crash lab inside a thread. 'crash' is the same as 'exit' here: a hard abort would take
 * the whole process (the app) down with it, because a thread shares the process — which is
 * exactly why the crash-proof place is the utility process, not the thread.
 */
const crash = crashOnPurpose({
  // In a worker thread process.exit() ends only this thread (the Worker's 'exit').
  exit: (code) => process.exit(code),
  crashHard: () => process.exit(CRASH_EXIT_CODE),
});

const handle = createTaskServer({
  // Tiles' pixel buffers are transferred (moved, not copied) to the main thread.
  post: (message, transfer) => port.postMessage(message, transfer),
  now: () => performance.now(),
  // The timeline's clock: this worker's spans ride on its messages (shared/trace/).
  traceClock: traceClock(performance),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  yieldToLoop: () => new Promise((resolve) => setImmediate(resolve)),
  crash,
});

port.on('message', handle);
