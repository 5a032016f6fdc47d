import { z } from 'zod';

/** `trace:chromium`: start or stop Electron's contentTracing (electron/main/trace/chromium-recording.ts). */
export const chromiumTraceRequestSchema = z.strictObject({
  action: z.enum(['start', 'stop'], { error: 'action must be "start" or "stop"' }),
});
export const chromiumTraceStateSchema = z.strictObject({
  recording: z.boolean(),
  /** Where the last recording was written; null before any. */
  savedTo: z.string().min(1).max(4096).nullable(),
});
export type ChromiumTraceState = z.output<typeof chromiumTraceStateSchema>;
