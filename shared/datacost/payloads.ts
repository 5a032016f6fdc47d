import { MAX_PAYLOAD_BYTES } from './data-cost-methods';

/** One record of the object graph: small objects of mixed fields, as an app's state would be. */
export interface GraphRecord {
  readonly id: number;
  readonly x: number;
  readonly y: number;
  readonly label: string;
  readonly tags: readonly string[];
}

/**
 * Bytes one record takes as JSON, the size the audience can picture (`JSON.stringify` of it):
 * payloads.test.ts holds the estimate to within 10 %.
 */
export const RECORD_JSON_BYTES = 80;
/** Ids start here so every record has as many digits: the size per record stays the same. */
const ID_BASE = 1_000_000;

function checkSize(bytes: number): void {
  if (!Number.isInteger(bytes) || bytes < 1 || bytes > MAX_PAYLOAD_BYTES) {
    throw new RangeError(`payload size must be a whole number of bytes from 1 to ${MAX_PAYLOAD_BYTES}, got ${bytes}`);
  }
}

/**
 * An array of small objects about `bytes` long as JSON. Structured clone walks every object and
 * every string of it, which is what makes it slow: the same bytes in one typed array are one copy.
 */
export function makeObjectGraph(bytes: number): GraphRecord[] {
  checkSize(bytes);
  const count = Math.max(1, Math.round(bytes / RECORD_JSON_BYTES));
  const records: GraphRecord[] = new Array<GraphRecord>(count);
  for (let i = 0; i < count; i++) {
    const id = ID_BASE + i;
    records[i] = { id, x: id * 0.25, y: -id, label: `item-${id}`, tags: ['a', 'b'] };
  }
  return records;
}

/** `bytes` bytes in one buffer, first and last bytes marked so the far side can prove it got them. */
export function makeBytes(bytes: number): Uint8Array<ArrayBuffer>;
export function makeBytes<B extends ArrayBufferLike>(bytes: number, buffer: B): Uint8Array<B>;
export function makeBytes(bytes: number, buffer?: ArrayBufferLike): Uint8Array {
  checkSize(bytes);
  const view = new Uint8Array(buffer ?? new ArrayBuffer(bytes), 0, bytes);
  view.fill(7);
  view[0] = 1;
  view[bytes - 1] = 2;
  return view;
}

/** What the far side reports having read: the length and the two marked bytes. */
export function fingerprint(view: Uint8Array): string {
  return `${view.length}:${view[0] ?? -1}:${view[view.length - 1] ?? -1}`;
}

/** The fingerprint a whole payload of `bytes` has, made by makeBytes. */
export function expectedFingerprint(bytes: number): string {
  return bytes === 1 ? '1:2:2' : `${bytes}:1:2`;
}
