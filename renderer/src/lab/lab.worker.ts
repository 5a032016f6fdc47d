/// <reference lib="webworker" />
import { z } from 'zod';
import { createLabServer } from '../../../shared/lab/lab-server';

z.config({ jitless: true }); // the CSP forbids eval, see main.tsx

// A lab worker: the shared lab server, which runs one lane of a scenario per message. It may
// block in Atomics.wait — allowed in a worker, never on the page's own thread.
const scope = self as unknown as DedicatedWorkerGlobalScope;

const handle = createLabServer({
  post: (message) => scope.postMessage(message),
  // Each worker's performance.now() counts from its own start; timeOrigin puts all on one clock.
  clock: { now: () => performance.timeOrigin + performance.now() },
  reject: (error) => console.error(error),
});

scope.onmessage = (event: MessageEvent<unknown>) => handle(event.data);
