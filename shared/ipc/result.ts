/**
 * The envelope every invoke handler answers with. Failures travel as data rather than as a thrown
 * error so the renderer sees our own message, not Electron's "Error invoking remote method …"
 * wrapper, and so a bad request can never surface as an unhandled rejection in the main process.
 *
 * Deliberately free of zod: the sandboxed preload imports this at run time and cannot load
 * packages from node_modules.
 */

export type IpcErrorCode =
  'untrusted-sender' | 'bad-request' | 'bad-response' | 'bad-event' | 'handler-failed' | 'unknown-channel';

export interface IpcFailure {
  readonly code: IpcErrorCode;
  readonly message: string;
}

export type IpcResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: IpcFailure };

export function ipcOk<T>(value: T): IpcResult<T> {
  return { ok: true, value };
}

/** Longest failure message; the rest is cut. A message may echo what a page sent, of any size. */
export const MAX_IPC_MESSAGE = 600;

/**
 * Makes text safe to log and show as one line: control characters and line separators are
 * escaped (\u000a), so a key name sent by a page cannot forge log lines, and long text is cut.
 */
export function printableLine(text: string, max = MAX_IPC_MESSAGE): string {
  const escaped = text.replace(
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return escaped.length > max ? `${escaped.slice(0, max - 1)}…` : escaped;
}

export function ipcFail(code: IpcErrorCode, message: string): IpcResult<never> {
  return { ok: false, error: { code, message: printableLine(message) } };
}

/** Thrown on the renderer side when the main process answered with a failure. */
export class IpcCallError extends Error {
  readonly code: IpcErrorCode | 'malformed-reply';

  constructor(code: IpcErrorCode | 'malformed-reply', message: string) {
    super(message);
    this.name = 'IpcCallError';
    this.code = code;
  }
}

/**
 * Returns the value of a successful reply and throws `IpcCallError` otherwise. The reply crossed
 * a process boundary, so its shape is checked rather than trusted.
 */
export function unwrapIpcResult<T>(channel: string, reply: unknown): T {
  if (typeof reply === 'object' && reply !== null && 'ok' in reply) {
    if (reply.ok === true && 'value' in reply) return reply.value as T;
    if (reply.ok === false && 'error' in reply) {
      const error = reply.error as Partial<IpcFailure> | null;
      if (error && typeof error.message === 'string' && typeof error.code === 'string') {
        throw new IpcCallError(error.code, error.message);
      }
    }
  }
  throw new IpcCallError('malformed-reply', `"${channel}" answered with something that is not an IPC result.`);
}
