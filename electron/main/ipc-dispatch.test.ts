import { describe, it, expect, vi } from 'vitest';
import { dispatchInvoke, RequestRefusedError, type InvokeCall } from './ipc-dispatch';
import { trustedOrigins } from './trusted-sender';

const info = { appVersion: '0.1.0', electron: '45.5.0', chrome: '146.0.0.0', node: '24.14.0', platform: 'linux' };
const call = (over: Partial<InvokeCall> = {}): InvokeCall => ({
  channel: 'app:info',
  args: [],
  senderUrl: 'unfreeze://app/index.html',
  sender: { id: 7 },
  trustedOrigins: trustedOrigins(),
  ...over,
});

describe('dispatchInvoke', () => {
  it('answers a valid call from our page', async () => {
    const handler = vi.fn(() => info);
    await expect(dispatchInvoke(call(), handler)).resolves.toEqual({ ok: true, value: info });
    expect(handler).toHaveBeenCalledWith(undefined, { senderUrl: 'unfreeze://app/index.html', sender: { id: 7 } });
  });

  it.each([
    ['a website', 'https://evil.example/'],
    ['a destroyed frame', undefined],
    ['another host on our scheme', 'unfreeze://other/index.html'],
  ])('refuses %s without running the handler', async (_label, senderUrl) => {
    const handler = vi.fn(() => info);
    const result = await dispatchInvoke(call({ senderUrl }), handler);
    expect(result).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
    if (!result.ok)
      expect(result.error.message).toMatch(/^Refused "app:info": the calling page .* is not part of this app\.$/);
    expect(handler).not.toHaveBeenCalled();
  });

  it('refuses a bad payload with the schema problem in the message', async () => {
    const handler = vi.fn(() => info);
    const result = await dispatchInvoke(call({ args: [{ evil: true }] }), handler);
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'bad-request',
        message: 'Invalid request for "app:info": ✖ Invalid input: expected undefined, received object',
      },
    });
    expect(handler).not.toHaveBeenCalled();
  });

  it('refuses extra arguments', async () => {
    const result = await dispatchInvoke(call({ args: [undefined, 'more'] }), () => info);
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'bad-request', message: expect.stringContaining('2 arguments') },
    });
  });

  it('refuses an unknown channel', async () => {
    const result = await dispatchInvoke(call({ channel: 'app:rm-rf' }), () => info);
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
  });

  it('turns a throwing handler into a failure instead of a rejection', async () => {
    const result = await dispatchInvoke(call(), () => {
      throw new Error('disk on fire');
    });
    expect(result).toEqual({
      ok: false,
      error: { code: 'handler-failed', message: '"app:info" failed: disk on fire' },
    });
  });

  it("answers a refusal by the handler as a bad request, in the handler's words", async () => {
    const result = await dispatchInvoke(call(), () => {
      throw new RequestRefusedError('Task t-1 is already running');
    });
    expect(result).toEqual({
      ok: false,
      error: { code: 'bad-request', message: 'Invalid request for "app:info": Task t-1 is already running' },
    });
  });

  it('turns a rejecting handler with a non-Error into a failure', async () => {
    const result = await dispatchInvoke(call(), () => Promise.reject('just a string'));
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'handler-failed', message: '"app:info" failed: just a string' },
    });
  });

  it('catches a handler that answers with the wrong shape', async () => {
    const result = await dispatchInvoke(call(), () => ({ ...info, chrome: 146 }) as unknown as typeof info);
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'bad-response', message: expect.stringContaining('at chrome') },
    });
  });
});
