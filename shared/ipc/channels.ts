import { z } from 'zod';
import {
  compareSetupSchema,
  compareStartedSchema,
  compareUpdateSchema,
  paneCommandSchema,
  paneReportSchema,
  paneSchema,
} from '../compare/compare-protocol';
import { hostPlaceSchema, poolPlaceSchema } from '../host/host-places';
import { labRunAnswerSchema, labRunRequestSchema } from '../lab/lab-ipc';
import { mainMetricsSchema } from '../host/main-metrics';
import { taskEventSchema } from '../host/task-event';
import { CRASH_MODES } from '../protocol/messages';
import { taskRequestSchema } from '../run/task-request';
import { ipcFail, ipcOk, type IpcResult } from './result';

/**
 * The two maps of IPC channels between the renderer and the main process:
 * - invoke channels (renderer asks, main answers): each names the schema of its request payload
 *   and of its response; the main process validates both at the boundary (electron/main/shell/ipc-main.ts),
 *   and the preload's typed `invoke` takes its argument and return types from here;
 * - event channels (main tells the renderer, unasked): each names the schema of its payload, which
 *   the main process checks before sending (`sendEvent`), so a main-process bug cannot put
 *   malformed data in front of the page.
 *
 * Request schemas are strict objects so unknown keys are refused, not silently dropped.
 * The preload may only `import type` from this file: it is sandboxed and cannot load zod.
 */

export const AppInfoSchema = z.object({
  appVersion: z.string().min(1),
  electron: z.string().min(1),
  chrome: z.string().min(1),
  node: z.string().min(1),
  platform: z.string().min(1),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

/** A channel with no payload: `invoke('ping')` sends no argument, which arrives as undefined. */
const NoPayload = z.undefined();
/** A handler with nothing to say beyond "done": the renderer's promise resolves with undefined. */
const NoAnswer = z.undefined();

/** The renderer picks task ids (so no event can come before the caller knows its id); same limits as the worker protocol. */
const taskId = z
  .string({ error: 'taskId must be a string' })
  .min(1, { error: 'taskId must not be empty' })
  .max(100, { error: 'taskId must be at most 100 characters' });

export const TaskStartSchema = z.strictObject({
  taskId,
  place: hostPlaceSchema,
  request: taskRequestSchema,
  /** Into how many shares a pool place splits the work (the speedup chart's 1..N); the pool's size by default. */
  shards: z
    .int({ error: 'shards must be a whole number from 1 to 64' })
    .min(1, { error: 'shards must be a whole number from 1 to 64' })
    .max(64, { error: 'shards must be a whole number from 1 to 64' })
    .optional(),
});
export const TaskCancelSchema = z.strictObject({ taskId });
export const TaskCrashSchema = z.strictObject({
  taskId,
  place: poolPlaceSchema,
  mode: z.enum(CRASH_MODES, { error: `mode must be one of: ${CRASH_MODES.join(', ')}` }),
});
/** `at`: the main process's clock (performance.timeOrigin + performance.now()) when it answered. */
export const PongSchema = z.strictObject({ at: z.number() });

interface InvokeChannelSpec {
  readonly request: z.ZodType;
  readonly response: z.ZodType;
}

export const invokeChannels = {
  'app:info': { request: NoPayload, response: AppInfoSchema },
  /** Starts a task in a main-side place; events follow on 'task:event' to the calling window only. */
  'task:start': { request: TaskStartSchema, response: NoAnswer },
  /** Asks a task of this window to stop; its 'end' event (cancelled) still comes as usual. */
  'task:cancel': { request: TaskCancelSchema, response: NoAnswer },
  /** The crash lab: a job that breaks its worker on purpose; reported like any task. */
  'task:crash': { request: TaskCrashSchema, response: NoAnswer },
  /** A bare round trip: it stalls exactly as long as the main process's event loop is blocked. */
  ping: { request: NoPayload, response: PongSchema },
  /** Compare mode: the Compare screen opens (or refocuses) the two-pane window with this setup. */
  'compare:open': { request: compareSetupSchema, response: NoAnswer },
  /** A pane has loaded; the answer is the setup to show (null before any). Only that pane may ask. */
  'compare:ready': { request: z.strictObject({ pane: paneSchema }), response: compareSetupSchema.nullable() },
  /** The Compare screen's Start: both panes are told one instant to begin at. */
  'compare:start': { request: NoPayload, response: compareStartedSchema },
  /** A pane's measurements for the run under way; passed on to the Compare screen. */
  'compare:report': { request: paneReportSchema, response: NoAnswer },
  /** The concurrency lab in worker threads of the main process; answers with the run's verdict. */
  'lab:run': { request: labRunRequestSchema, response: labRunAnswerSchema },
} as const satisfies Record<string, InvokeChannelSpec>;

export type InvokeChannel = keyof typeof invokeChannels;
export type InvokeRequest<C extends InvokeChannel> = z.input<(typeof invokeChannels)[C]['request']>;
export type InvokeResponse<C extends InvokeChannel> = z.output<(typeof invokeChannels)[C]['response']>;

/** The argument list of `invoke(channel, ...args)`: none for payload-free channels. */
export type InvokeArgs<C extends InvokeChannel> = [InvokeRequest<C>] extends [undefined]
  ? []
  : [payload: InvokeRequest<C>];

export const eventChannels = {
  /** Progress, lanes and the one 'end' of each task, sent only to the window that started it. */
  'task:event': taskEventSchema,
  /** Main-process meters (event-loop delay, pools, per-process CPU), to every window a few times a second. */
  metrics: mainMetricsSchema,
  /** Compare mode, to a pane: its setup, and when to start a run. */
  'compare:pane': paneCommandSchema,
  /** Compare mode, to the Compare screen: a run began, a pane reported, the window closed. */
  'compare:update': compareUpdateSchema,
} as const satisfies Record<string, z.ZodType>;

export type EventChannel = keyof typeof eventChannels;
export type EventPayload<C extends EventChannel> = z.output<(typeof eventChannels)[C]>;

export function isInvokeChannel(name: string): name is InvokeChannel {
  return Object.hasOwn(invokeChannels, name);
}

export function isEventChannel(name: string): name is EventChannel {
  return Object.hasOwn(eventChannels, name);
}

function problems(error: z.ZodError): string {
  return z.prettifyError(error).replaceAll('\n', ' ');
}

/** Validates a request payload; the message names the channel and every problem found. */
export function parseInvokeRequest<C extends InvokeChannel>(channel: C, payload: unknown): IpcResult<InvokeRequest<C>> {
  const parsed = invokeChannels[channel].request.safeParse(payload);
  if (parsed.success) return ipcOk(parsed.data as InvokeRequest<C>);
  return ipcFail('bad-request', `Invalid request for "${channel}": ${problems(parsed.error)}`);
}

/** Validates what a handler returned, so a main-process bug shows up as a clear error, not bad data. */
export function parseInvokeResponse<C extends InvokeChannel>(channel: C, value: unknown): IpcResult<InvokeResponse<C>> {
  const parsed = invokeChannels[channel].response.safeParse(value);
  if (parsed.success) return ipcOk(parsed.data as InvokeResponse<C>);
  return ipcFail('bad-response', `The main process gave an invalid answer for "${channel}": ${problems(parsed.error)}`);
}

/**
 * Validates an event before the main process sends it. The parsed value is what goes out: unknown
 * keys are dropped, so nothing the schema does not name leaves the main process.
 */
export function parseEventPayload<C extends EventChannel>(channel: C, payload: unknown): IpcResult<EventPayload<C>> {
  const parsed = eventChannels[channel].safeParse(payload);
  if (parsed.success) return ipcOk(parsed.data as EventPayload<C>);
  return ipcFail(
    'bad-event',
    `The main process tried to send an invalid "${channel}" event: ${problems(parsed.error)}`,
  );
}
