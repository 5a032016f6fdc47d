import {
  isInvokeChannel,
  parseInvokeRequest,
  parseInvokeResponse,
  type InvokeChannel,
  type InvokeRequest,
  type InvokeResponse,
} from '../../shared/ipc/channels';
import { ipcFail, type IpcResult } from '../../shared/ipc/result';
import { isTrustedUrl } from './trusted-sender';
import { messageOf } from '../../shared/errors/message-of';

/**
 * What a handler learns about the call besides its payload. `sender` is whatever the transport
 * identifies the caller by (Electron's WebContents in the app, a plain object in tests); the
 * task handlers use it to send a task's events back to the window that started it.
 */
export interface InvokeContext<S = unknown> {
  readonly senderUrl: string;
  readonly sender: S;
}

export type InvokeHandler<C extends InvokeChannel, S = unknown> = (
  payload: InvokeRequest<C>,
  context: InvokeContext<S>,
) => InvokeResponse<C> | Promise<InvokeResponse<C>>;

/**
 * One handler for every invoke channel of the map. The main process registers exactly one object
 * of this type (electron/main/invoke-handlers.ts), so a channel without a handler does not compile.
 */
export type InvokeHandlers<S = unknown> = { readonly [C in InvokeChannel]: InvokeHandler<C, S> };

export interface InvokeCall<S = unknown> {
  readonly channel: string;
  /** The arguments after the event, exactly as they arrived. */
  readonly args: readonly unknown[];
  /** URL of the sending frame; undefined when the frame is already gone. */
  readonly senderUrl: string | undefined;
  readonly sender: S;
  readonly trustedOrigins: readonly string[];
}

/**
 * Thrown by a handler that refuses a well-formed request it cannot honour (bad workload
 * parameters, a task id already in use): answered as 'bad-request', like a schema failure,
 * rather than 'handler-failed', which means a bug or breakage on the main side.
 */
export class RequestRefusedError extends Error {
  override readonly name = 'RequestRefusedError';
}

/**
 * Everything between "a message arrived" and "this is the answer", without Electron: sender
 * check, payload validation, the handler, and validation of its answer. It never throws or
 * rejects, whatever the renderer sends or the handler does.
 */
export async function dispatchInvoke<C extends InvokeChannel, S>(
  call: InvokeCall<S>,
  handler: InvokeHandler<C, S>,
): Promise<IpcResult<InvokeResponse<C>>> {
  const { channel, args, senderUrl } = call;
  if (!isInvokeChannel(channel)) {
    return ipcFail('unknown-channel', `There is no IPC channel called "${channel}".`);
  }
  if (!isTrustedUrl(senderUrl, call.trustedOrigins)) {
    return ipcFail(
      'untrusted-sender',
      `Refused "${channel}": the calling page (${senderUrl || 'a frame that no longer exists'}) is not part of this app.`,
    );
  }
  if (args.length > 1) {
    return ipcFail(
      'bad-request',
      `Invalid request for "${channel}": expected at most one payload, received ${args.length} arguments.`,
    );
  }

  // Trust boundary: whatever a page sends enters the main process here. A page may run any script
  // (a bug, an XSS, a devtools console), so its request is checked here, once, against the
  // channel's schema; everything behind this line (task-ipc.ts, the task host, the pools, the
  // workers) trusts what it is given. What only a handler can judge (a workload's parameters, a
  // task id in use) it refuses with RequestRefusedError, answered below as the same 'bad-request'.
  const request = parseInvokeRequest(channel as C, args[0]);
  if (!request.ok) return request;

  let answer: unknown;
  try {
    answer = await handler(request.value, { senderUrl: senderUrl as string, sender: call.sender });
  } catch (error) {
    if (error instanceof RequestRefusedError)
      return ipcFail('bad-request', `Invalid request for "${channel}": ${error.message}`);
    return ipcFail('handler-failed', `"${channel}" failed: ${messageOf(error)}`);
  }
  // Not a boundary (the answer is our own), but its only check: the page casts answers, as the
  // sandboxed preload cannot run zod, so a main-process bug shows up here as 'bad-response'.
  return parseInvokeResponse(channel as C, answer);
}
