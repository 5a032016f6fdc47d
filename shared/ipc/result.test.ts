import { describe, it, expect } from 'vitest';
import { IpcCallError, ipcFail, ipcOk, MAX_IPC_MESSAGE, printableLine, unwrapIpcResult } from './result';

function thrown(fn: () => unknown): IpcCallError {
  try {
    fn();
  } catch (error) {
    if (error instanceof IpcCallError) return error;
    throw error;
  }
  throw new Error('expected a throw');
}

describe('unwrapIpcResult', () => {
  it('returns the value of a success, even a falsy one', () => {
    expect(unwrapIpcResult('app:info', ipcOk({ a: 1 }))).toEqual({ a: 1 });
    expect(unwrapIpcResult('app:info', ipcOk(undefined))).toBeUndefined();
    expect(unwrapIpcResult('app:info', ipcOk(0))).toBe(0);
  });

  it('throws the failure with its code and message untouched', () => {
    const error = thrown(() => unwrapIpcResult('app:info', ipcFail('bad-request', 'Invalid request for "app:info"')));
    expect(error.code).toBe('bad-request');
    expect(error.message).toBe('Invalid request for "app:info"');
    expect(error.name).toBe('IpcCallError');
  });

  it.each([undefined, null, 42, 'ok', { ok: true }, { ok: false }, { ok: false, error: { message: 1 } }])(
    'treats %j as a malformed reply',
    (reply) => {
      const error = thrown(() => unwrapIpcResult('app:info', reply));
      expect(error.code).toBe('malformed-reply');
      expect(error.message).toContain('"app:info"');
    },
  );
});

describe('ipcFail', () => {
  it('escapes control characters and line separators, so a message stays one honest line', () => {
    const key = 'evil\n[ipc] forged line\r\u2028\u0000';
    const result = ipcFail('bad-request', `Unrecognized key: "${key}"`);
    expect(result).toEqual({
      ok: false,
      error: { code: 'bad-request', message: 'Unrecognized key: "evil\\u000a[ipc] forged line\\u000d\\u2028\\u0000"' },
    });
  });

  it('cuts a message that echoes something huge', () => {
    const message = printableLine(`Unrecognized key: "${'k'.repeat(100_000)}"`);
    expect(message).toHaveLength(MAX_IPC_MESSAGE);
    expect(message.endsWith('…')).toBe(true);
  });

  it('leaves ordinary text alone, Unicode included', () => {
    expect(printableLine('Task “t-1” failed: 💥 at ±3')).toBe('Task “t-1” failed: 💥 at ±3');
  });
});
