/// <reference lib="webworker" />
import { z } from 'zod';
import { describeRead, echoRequestSchema, type EchoReply } from '../../../shared/datacost/echo-protocol';
import { describeIssues } from '../../../shared/workloads/params-error';

z.config({ jitless: true }); // the CSP forbids eval, see main.tsx

// The data-cost lab's far side: it notes when each payload arrived, says what it found in it, and
// sends it straight back the way it came (cloned, transferred, or, for shared memory, not at all).
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<unknown>) => {
  // First thing: the payload is already deserialised here when this handler runs, so this is the
  // moment the receiver "has it". timeOrigin puts this worker's clock on the page's.
  const receivedAt = performance.timeOrigin + performance.now();
  const request = echoRequestSchema.safeParse(event.data);
  if (!request.success) {
    scope.postMessage({
      receivedAt,
      read: `refused: ${describeIssues(request.error)}`,
      echo: null,
    } satisfies EchoReply);
    return;
  }
  const message = request.data;
  if (message.kind === 'clone') {
    scope.postMessage({ receivedAt, read: describeRead(message.payload), echo: message.payload } satisfies EchoReply);
  } else if (message.kind === 'transfer') {
    const reply: EchoReply = { receivedAt, read: describeRead(message.buffer), echo: message.buffer };
    scope.postMessage(reply, [message.buffer]);
  } else {
    const read = describeRead(new Uint8Array(message.buffer, 0, message.bytes));
    scope.postMessage({ receivedAt, read, echo: null } satisfies EchoReply);
  }
};
