/**
 * The envelope every invoke handler answers with. Failures travel as data rather than as a thrown
 * error so the renderer sees our own message, not Electron's "Error invoking remote method …"
 * wrapper, and so a bad request can never surface as an unhandled rejection in the main process.
 *
 * Deliberately free of zod: the sandboxed preload imports this at run time and cannot load
 * packages from node_modules.
 */

export type IpcErrorCode =
  | 'untrusted-sender'
  | 'bad-request'
  | 'bad-response'
  | 'handler-failed'
  | 'unknown-channel';

export interface IpcFailure {
  readonly code: IpcErrorCode;
  readonly message: string;
}

export type IpcResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: IpcFailure };

export function ipcOk<T>(value: T): IpcResult<T> {
  return { ok: true, value };
}

export function ipcFail(code: IpcErrorCode, message: string): IpcResult<never> {
  return { ok: false, error: { code, message } };
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
