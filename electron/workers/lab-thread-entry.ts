/**
 * The concurrency lab's worker_threads entry: the shared lab server (shared/lab/lab-server.ts)
 * behind this thread's `parentPort` — what renderer/src/lab/lab.worker.ts is in a page.
 * Started by electron/main/lab/lab-thread-spawner.ts, one thread per lane.
 */
import { parentPort } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { createLabServer } from '../../shared/lab/lab-server';

if (parentPort === null)
  throw new Error('lab-thread-entry must run as a worker thread (new Worker(…)), not on its own');
const port = parentPort;

const handle = createLabServer({
  post: (message) => port.postMessage(message),
  // One clock for all threads: each thread's performance.now() starts at its own origin.
  clock: { now: () => performance.timeOrigin + performance.now() },
  reject: (error) => console.error(`[lab thread] ${error}`),
});

port.on('message', handle);
