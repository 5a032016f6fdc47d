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

/** What a handler learns about the call besides its payload. */
export interface InvokeContext {
  readonly senderUrl: string;
}

export type InvokeHandler<C extends InvokeChannel> = (
  payload: InvokeRequest<C>,
  context: InvokeContext,
) => InvokeResponse<C> | Promise<InvokeResponse<C>>;

export interface InvokeCall {
  readonly channel: string;
  /** The arguments after the event, exactly as they arrived. */
  readonly args: readonly unknown[];
  /** URL of the sending frame; undefined when the frame is already gone. */
  readonly senderUrl: string | undefined;
  readonly trustedOrigins: readonly string[];
}

/**
 * Everything between "a message arrived" and "this is the answer", without Electron: sender
 * check, payload validation, the handler, and validation of its answer. It never throws or
 * rejects, whatever the renderer sends or the handler does.
 */
export async function dispatchInvoke<C extends InvokeChannel>(
  call: InvokeCall,
  handler: InvokeHandler<C>,
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
    return ipcFail('bad-request', `Invalid request for "${channel}": expected at most one payload, received ${args.length} arguments.`);
  }

  const request = parseInvokeRequest(channel as C, args[0]);
  if (!request.ok) return request;

  let answer: unknown;
  try {
    answer = await handler(request.value, { senderUrl: senderUrl as string });
  } catch (error) {
    return ipcFail('handler-failed', `"${channel}" failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return parseInvokeResponse(channel as C, answer);
}
