import { z } from 'zod';
import { RUN_SECONDS } from './limits';
import { numberInRange } from '../workloads/ranges';

/**
 * The desktop app's IPC channels for audience mode (shared/ipc/channels.ts lists them): the
 * Audience screen asks the main process to start a session on the LAN address (or loopback),
 * sends the presenter's commands, stops it; the room's state comes back as `audience:state` events.
 */
export const audienceStartSchema = z.strictObject({
  host: z.enum(['lan', 'loopback'], { error: 'host must be "lan" or "loopback"' }),
  runSeconds: numberInRange('runSeconds', RUN_SECONDS.min, RUN_SECONDS.max),
});
export type AudienceStart = z.output<typeof audienceStartSchema>;

export const audienceStartedSchema = z.strictObject({
  presenterUrl: z.string(),
  joinUrl: z.string(),
  joinCode: z.string(),
  /** Why the session is on loopback although the LAN was asked for; null otherwise. */
  note: z.string().nullable(),
});
export type AudienceStarted = z.output<typeof audienceStartedSchema>;
