import { afterEach, describe, expect, it, vi } from 'vitest';
import { KIB, MAX_PAYLOAD_BYTES } from './data-cost-methods';
import { describeRead, echoReplySchema, echoRequestSchema, expectedRead } from './echo-protocol';
import { makeBytes, makeObjectGraph } from './payloads';

describe('echoRequestSchema', () => {
  it('accepts each kind of move', () => {
    expect(echoRequestSchema.safeParse({ kind: 'clone', payload: [1, 2] }).success).toBe(true);
    expect(echoRequestSchema.safeParse({ kind: 'transfer', buffer: new ArrayBuffer(8) }).success).toBe(true);
    const shared = { kind: 'shared', buffer: new SharedArrayBuffer(8), bytes: 8 };
    expect(echoRequestSchema.safeParse(shared).success).toBe(true);
  });

  it.each([
    ['a copied buffer where a transfer is meant', { kind: 'transfer', buffer: new Uint8Array(8) }],
    ['an unshared buffer as shared memory', { kind: 'shared', buffer: new ArrayBuffer(8), bytes: 8 }],
    ['an extra key', { kind: 'clone', payload: 1, sneaky: true }],
    ['an unknown kind', { kind: 'teleport', payload: 1 }],
  ])('refuses %s', (_what, message) => {
    expect(echoRequestSchema.safeParse(message).success).toBe(false);
  });

  it('names the range of a shared size that is too large', () => {
    const result = echoRequestSchema.safeParse({ kind: 'shared', buffer: new SharedArrayBuffer(8), bytes: 1e12 });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(`bytes must be a whole number from 1 to ${MAX_PAYLOAD_BYTES}`);
  });
});

describe('describeRead and expectedRead', () => {
  it('agree on every method after a real structured clone', () => {
    const bytes = 16 * KIB;
    expect(describeRead(structuredClone(makeObjectGraph(bytes)))).toBe(expectedRead('clone-objects', bytes));
    expect(describeRead(structuredClone(makeBytes(bytes)))).toBe(expectedRead('clone-bytes', bytes));
    const buffer = makeBytes(bytes).buffer;
    expect(describeRead(structuredClone(buffer, { transfer: [buffer] }))).toBe(expectedRead('transfer', bytes));
    expect(buffer.byteLength).toBe(0); // transferred: the sender no longer has it
  });

  it('says when there is nothing to read', () => {
    expect(describeRead(undefined)).toBe('nothing readable (undefined)');
  });

  it('checks a reply’s envelope', () => {
    expect(echoReplySchema.safeParse({ receivedAt: 1, read: 'x', echo: null }).success).toBe(true);
    expect(echoReplySchema.safeParse({ receivedAt: '1', read: 'x', echo: null }).success).toBe(false);
  });
});

describe('on a page without SharedArrayBuffer (not cross-origin isolated)', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('still loads, reads clones and transfers, and refuses a shared move', async () => {
    vi.stubGlobal('SharedArrayBuffer', undefined);
    vi.resetModules();
    const fresh = await import('./echo-protocol');
    expect(fresh.describeRead([1, 2])).toBe('2 records');
    expect(fresh.describeRead(new ArrayBuffer(4))).toBe('4:0:0');
    const shared = fresh.echoRequestSchema.safeParse({ kind: 'shared', buffer: new ArrayBuffer(8), bytes: 8 });
    expect(shared.error?.issues[0]?.message).toBe('buffer must be a SharedArrayBuffer');
  });
});
