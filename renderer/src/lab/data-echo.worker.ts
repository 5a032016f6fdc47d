/// <reference lib="webworker" />
import { z } from 'zod';
import { answerEcho } from '../../../shared/datacost/echo-answer';

z.config({ jitless: true }); // the CSP forbids eval, see main.tsx

// The data-cost lab's far side in a Web Worker: the payload comes back the way it went (cloned,
// transferred, or, for shared memory, not at all), see shared/datacost/echo-answer.ts.
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<unknown>) => {
  // First thing: this is the moment the receiver "has it". timeOrigin puts this worker's clock on the page's.
  const receivedAt = performance.timeOrigin + performance.now();
  const { reply, transfer } = answerEcho(event.data, receivedAt, 'thread');
  scope.postMessage(reply, transfer);
};
