/// <reference lib="webworker" />
import { createTaskServer } from '../../../shared/run/task-server';
import { traceClock } from '../../../shared/trace/trace-clock';
import { z } from 'zod';
import { macrotask } from './thread-hooks';

z.config({ jitless: true }); // the CSP forbids eval, see main.tsx

// A Web Worker of the pool: the same task server that worker threads and utility processes run.
const scope = self as unknown as DedicatedWorkerGlobalScope;

const handle = createTaskServer({
  post: (message, transfer) => scope.postMessage(message, transfer),
  now: () => performance.now(),
  // The timeline's clock: this worker's spans ride on its messages (shared/trace/).
  traceClock: traceClock(performance),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  yieldToLoop: macrotask,
});

scope.onmessage = (event: MessageEvent<unknown>) => handle(event.data);
