import { describe, it, expect, expectTypeOf } from 'vitest';
import {
  AppInfoSchema,
  invokeChannels,
  isInvokeChannel,
  parseInvokeRequest,
  parseInvokeResponse,
  type InvokeArgs,
  type InvokeResponse,
} from './channels';

const goodInfo = { appVersion: '0.1.0', electron: '45.5.0', chrome: '146.0.0.0', node: '24.14.0', platform: 'linux' };

describe('invokeChannels', () => {
  it('knows app:info and nothing inherited from Object', () => {
    expect(isInvokeChannel('app:info')).toBe(true);
    expect(isInvokeChannel('app:nope')).toBe(false);
    expect(isInvokeChannel('toString')).toBe(false);
    expect(isInvokeChannel('__proto__')).toBe(false);
  });

  it('types app:info as a call with no argument', () => {
    expectTypeOf<InvokeArgs<'app:info'>>().toEqualTypeOf<[]>();
    expectTypeOf<InvokeResponse<'app:info'>>().toEqualTypeOf<{
      appVersion: string;
      electron: string;
      chrome: string;
      node: string;
      platform: string;
    }>();
  });

  it('keeps one request and one response schema per channel', () => {
    for (const spec of Object.values(invokeChannels)) {
      expect(typeof spec.request.safeParse).toBe('function');
      expect(typeof spec.response.safeParse).toBe('function');
    }
  });
});

describe('parseInvokeRequest', () => {
  it('accepts app:info without a payload', () => {
    expect(parseInvokeRequest('app:info', undefined)).toEqual({ ok: true, value: undefined });
  });

  it.each([
    ['an object', { sneaky: true }, 'expected undefined, received object'],
    ['a string', 'hello', 'expected undefined, received string'],
    ['null', null, 'expected undefined, received null'],
  ])('rejects %s with a message naming the channel and the problem', (_label, payload, problem) => {
    const result = parseInvokeRequest('app:info', payload);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('bad-request');
    expect(result.error.message).toMatch(/^Invalid request for "app:info": /);
    expect(result.error.message).toContain(problem);
  });
});

describe('parseInvokeResponse', () => {
  it('accepts a complete app info', () => {
    expect(parseInvokeResponse('app:info', goodInfo)).toEqual({ ok: true, value: goodInfo });
  });

  it('names every missing or empty field', () => {
    const result = parseInvokeResponse('app:info', { ...goodInfo, chrome: '', node: undefined });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('bad-response');
    expect(result.error.message).toContain('"app:info"');
    expect(result.error.message).toMatch(/at chrome/);
    expect(result.error.message).toMatch(/at node/);
    expect(result.error.message).not.toContain('\n');
  });

  it('rejects a non-object answer', () => {
    const result = parseInvokeResponse('app:info', 42);
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-response' } });
  });
});

describe('AppInfoSchema', () => {
  it('drops unknown fields rather than passing them to the page', () => {
    expect(AppInfoSchema.parse({ ...goodInfo, secret: 'x' })).toEqual(goodInfo);
  });
});
