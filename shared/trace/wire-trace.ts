import { z } from 'zod';

/**
 * What a worker tells its pool about its own time, carried as an optional `trace` field on the
 * existing progress and result messages (shared/protocol/messages.ts), and checked there with
 * the rest of the message: a worker may run broken code, so a bad span fails the message.
 * Times are epoch milliseconds on the worker's own trace clock (trace-clock.ts).
 */

/** At most this many spans ride on one message; a worker keeps the rest for the next one. */
export const MAX_WIRE_SPANS = 256;
const MAX_NAME = 60;

const epochMs = (field: string) =>
  z.number({ error: `${field} must be a number (epoch milliseconds)` }).finite({ error: `${field} must be finite` });

export const wireSpanSchema = z
  .strictObject({
    name: z
      .string()
      .min(1)
      .max(MAX_NAME, { error: `span name must be at most ${MAX_NAME} characters` }),
    startMs: epochMs('startMs'),
    endMs: epochMs('endMs'),
  })
  .refine((s) => s.endMs >= s.startMs, { error: 'a span must not end before it starts (endMs ≥ startMs)' });
export type WireSpan = z.output<typeof wireSpanSchema>;

export const wireTraceSchema = z.strictObject({
  /** When the worker posted this message: with the receiver's own clock, the message's latency. */
  sentMs: epochMs('sentMs'),
  /** Payload bytes the worker moved or copied with the message (its chunks' buffers). */
  bytes: z.number().int().nonnegative().optional(),
  spans: z.array(wireSpanSchema).max(MAX_WIRE_SPANS, { error: `at most ${MAX_WIRE_SPANS} spans per message` }),
});
export type WireTrace = z.output<typeof wireTraceSchema>;
