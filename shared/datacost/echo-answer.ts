import { describeIssues } from '../workloads/params-error';
import { describeRead, echoRequestSchema, type EchoReply } from './echo-protocol';

/** Where the echo runs: a Web Worker shares the page's memory model, a process shares nothing. */
export type EchoFarSide = 'thread' | 'process';

/**
 * The data-cost lab's far side, for every leg (the page's echo Web Worker, the utility process
 * behind a MessagePort): checks the message, says what it found, and sends the payload straight
 * back the way it came. `receivedAt` is taken by the caller first thing, on the shared clock
 * (timeOrigin + now): when the handler runs, the payload has already been deserialised.
 * A process has no transfer and no shared memory: there only a clone is accepted.
 */
export function answerEcho(
  data: unknown,
  receivedAt: number,
  side: EchoFarSide,
): { readonly reply: EchoReply; readonly transfer: ArrayBuffer[] } {
  const refuse = (why: string) => ({ reply: { receivedAt, read: `refused: ${why}`, echo: null }, transfer: [] });
  const request = echoRequestSchema.safeParse(data);
  if (!request.success) return refuse(describeIssues(request.error));
  const message = request.data;
  if (side === 'process' && message.kind !== 'clone') {
    return refuse(`kind: a process can only be sent a clone, not "${message.kind}"`);
  }
  if (message.kind === 'clone') {
    return { reply: { receivedAt, read: describeRead(message.payload), echo: message.payload }, transfer: [] };
  }
  if (message.kind === 'transfer') {
    return {
      reply: { receivedAt, read: describeRead(message.buffer), echo: message.buffer },
      transfer: [message.buffer],
    };
  }
  const read = describeRead(new Uint8Array(message.buffer, 0, message.bytes));
  return { reply: { receivedAt, read, echo: null }, transfer: [] };
}
