import { z } from 'zod';
import { MAX_PAYLOAD_BYTES, type DataCostMethod } from './data-cost-methods';
import { expectedFingerprint, fingerprint, RECORD_JSON_BYTES } from './payloads';

/**
 * The messages between the page and the data-cost echo worker. The envelope is checked where it
 * arrives; the payload itself is opaque (`z.unknown()`): walking a 16 MiB object graph with a schema
 * would cost as much as the clone being measured, and nothing here reads it beyond `describeRead`.
 */
/**
 * A page that is not cross-origin isolated has no SharedArrayBuffer at all: naming it there is a
 * ReferenceError, so this module (loaded by every edition) only ever asks whether it exists.
 */
function isShared(value: unknown): value is SharedArrayBuffer {
  return typeof SharedArrayBuffer === 'function' && value instanceof SharedArrayBuffer;
}

export const echoRequestSchema = z.discriminatedUnion('kind', [
  /** Cloned there, cloned back. */
  z.strictObject({ kind: z.literal('clone'), payload: z.unknown() }),
  /** Transferred there, transferred back. */
  z.strictObject({ kind: z.literal('transfer'), buffer: z.instanceof(ArrayBuffer) }),
  /** Nothing moves: the bytes are already in shared memory; the note says how many to read. */
  z.strictObject({
    kind: z.literal('shared'),
    buffer: z.custom<SharedArrayBuffer>(isShared, { error: 'buffer must be a SharedArrayBuffer' }),
    bytes: z
      .int({ error: `bytes must be a whole number from 1 to ${MAX_PAYLOAD_BYTES}` })
      .min(1, { error: `bytes must be a whole number from 1 to ${MAX_PAYLOAD_BYTES}` })
      .max(MAX_PAYLOAD_BYTES, { error: `bytes must be a whole number from 1 to ${MAX_PAYLOAD_BYTES}` }),
  }),
]);
export type EchoRequest = z.infer<typeof echoRequestSchema>;

export const echoReplySchema = z.strictObject({
  /** The worker's clock (performance.timeOrigin + performance.now()) when the message reached it. */
  receivedAt: z.number(),
  /** What the worker found in the payload (describeRead), so a run proves the data arrived whole. */
  read: z.string(),
  /** The payload on its way back: a clone, the transferred buffer, or null for shared memory. */
  echo: z.unknown(),
});
export type EchoReply = z.infer<typeof echoReplySchema>;

/** What a payload holds, in a few characters: "65536:1:2" for bytes, "819 records" for objects. */
export function describeRead(value: unknown): string {
  if (value instanceof Uint8Array) return fingerprint(value);
  if (value instanceof ArrayBuffer || isShared(value)) return fingerprint(new Uint8Array(value));
  if (Array.isArray(value)) return `${value.length} records`;
  return `nothing readable (${typeof value})`;
}

/** What describeRead must say on the far side of a sound run of `method` at `bytes`. */
export function expectedRead(method: DataCostMethod, bytes: number): string {
  if (method === 'clone-objects') return `${Math.max(1, Math.round(bytes / RECORD_JSON_BYTES))} records`;
  return expectedFingerprint(bytes);
}
