import { describe, expect, it } from 'vitest';
import { KIB, MAX_PAYLOAD_BYTES, MIB } from './data-cost-methods';
import { expectedFingerprint, fingerprint, makeBytes, makeObjectGraph, RECORD_JSON_BYTES } from './payloads';

describe('makeObjectGraph', () => {
  it.each([4 * KIB, 256 * KIB, MIB])('is %d bytes as JSON, within 10 %%', (bytes) => {
    const json = JSON.stringify(makeObjectGraph(bytes)).length;
    expect(Math.abs(json - bytes) / bytes).toBeLessThan(0.1);
  });

  it('is many small objects, not one string (that is what makes cloning it slow)', () => {
    const graph = makeObjectGraph(64 * KIB);
    expect(graph.length).toBe(Math.round((64 * KIB) / RECORD_JSON_BYTES));
    expect(new Set(graph.map((r) => r.label)).size).toBe(graph.length);
  });

  it.each([0, -1, 1.5, MAX_PAYLOAD_BYTES + 1])('refuses %d bytes, naming the range', (bytes) => {
    expect(() => makeObjectGraph(bytes)).toThrow(`from 1 to ${MAX_PAYLOAD_BYTES}`);
  });
});

describe('makeBytes', () => {
  it('marks its ends so a copy that lost bytes shows it', () => {
    const bytes = makeBytes(4 * KIB);
    expect(bytes.byteLength).toBe(4 * KIB);
    expect(fingerprint(bytes)).toBe(expectedFingerprint(4 * KIB));
    expect(fingerprint(structuredClone(bytes))).toBe(expectedFingerprint(4 * KIB));
    expect(fingerprint(bytes.subarray(0, 100))).not.toBe(expectedFingerprint(4 * KIB));
  });

  it('writes into a given buffer, e.g. shared memory, at the start', () => {
    const shared = new SharedArrayBuffer(8 * KIB);
    const view = makeBytes(KIB, shared);
    expect(view.buffer).toBe(shared);
    expect(fingerprint(new Uint8Array(shared, 0, KIB))).toBe(expectedFingerprint(KIB));
  });

  it('works for a single byte', () => {
    expect(fingerprint(makeBytes(1))).toBe(expectedFingerprint(1));
  });
});
