import { z } from 'zod';
import { audienceStartedSchema, audienceStartSchema } from '../audience/audience-ipc';
import { presenterCommandSchema, roomStateSchema } from '../audience/audience-messages';
import {
  compareSetupSchema,
  compareStartedSchema,
  compareUpdateSchema,
  paneCommandSchema,
  paneReportSchema,
  paneSchema,
} from '../compare/compare-protocol';
import { formatBytes, MAX_PAYLOAD_BYTES } from '../datacost/data-cost-methods';
import { hostPlaceSchema, poolPlaceSchema } from '../host/host-places';
import { labRunAnswerSchema, labRunRequestSchema } from '../lab/lab-ipc';
import { mainMetricsSchema } from '../host/main-metrics';
import { taskEventSchema } from '../host/task-event';
import { crashModeSchema } from '../protocol/messages';
import { taskIdSchema } from '../protocol/task-id';
import { taskRequestSchema } from '../run/task-request';
import { chromiumTraceRequestSchema, chromiumTraceStateSchema } from '../trace/chromium-trace-channel';
import { traceWindowRequestSchema, traceWindowSchema } from '../trace/trace-window';
import { ipcFail, ipcOk, type IpcResult } from './result';

/**
 * The two maps of IPC channels between the renderer and the main process:
 * - invoke channels (renderer asks, main answers): each names the schema of its request payload
 *   and of its response; the main process checks the request where it arrives and the answer before
 *   it goes (electron/main/ipc-dispatch.ts), and the preload's `invoke` takes its types from here;
 * - event channels (main tells the renderer, unasked): each names the schema of its payload, which
 *   the page checks where the event arrives, for what it relies on (the main process does not check
 *   its own events twice: the page would have to check them anyway, as it trusts no other process).
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

export const TaskStartSchema = z.strictObject({
  taskId: taskIdSchema,
  place: hostPlaceSchema,
  request: taskRequestSchema,
  /** Into how many shares a pool place splits the work (the speedup chart's 1..N); the pool's size by default. */
  shards: z
    .int({ error: 'shards must be a whole number from 1 to 64' })
    .min(1, { error: 'shards must be a whole number from 1 to 64' })
    .max(64, { error: 'shards must be a whole number from 1 to 64' })
    .optional(),
});
export const TaskCancelSchema = z.strictObject({ taskId: taskIdSchema });
export const TaskCrashSchema = z.strictObject({
  taskId: taskIdSchema,
  place: poolPlaceSchema,
  mode: crashModeSchema,
});
/** `at`: the main process's clock (performance.timeOrigin + performance.now()) when it answered. */
export const PongSchema = z.strictObject({ at: z.number() });

const echoPayload = z
  .custom<Uint8Array>((value) => value instanceof Uint8Array, { error: 'payload must be a Uint8Array' })
  .refine((bytes) => bytes.byteLength <= MAX_PAYLOAD_BYTES, {
    error: `payload must be at most ${formatBytes(MAX_PAYLOAD_BYTES)} (${MAX_PAYLOAD_BYTES} bytes)`,
  });
/** The data-cost lab: bytes to the main process and straight back. Capped, so no page can make it hold more. */
export const DataEchoSchema = z.strictObject({ payload: echoPayload });
/** `receivedAt`: the main process's clock when the payload reached its handler; the payload, unchanged. */
export const DataEchoAnswerSchema = z.strictObject({ receivedAt: z.number(), payload: echoPayload });

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
  /** The data-cost lab: what moving a payload through Electron IPC costs; the payload comes back as it went. */
  'data:echo': { request: DataEchoSchema, response: DataEchoAnswerSchema },
  /**
   * The data-cost lab's utility-process leg: the answer is "sent"; the port itself follows by
   * webContents.postMessage, forwarded by the preload (shared/datacost/data-port.ts says how).
   */
  'data:port': { request: NoPayload, response: NoAnswer },
  /** Audience mode: starts the session server (or answers with the one running); state follows on 'audience:state'. */
  'audience:start': { request: audienceStartSchema, response: audienceStartedSchema },
  /** Audience mode: the presenter's question, reveal or clear; refused with the reason when it cannot be done. */
  'audience:command': { request: presenterCommandSchema, response: NoAnswer },
  /** Audience mode: tells every connected page the session is over and stops listening. */
  'audience:stop': { request: NoPayload, response: NoAnswer },
  /** The timeline: the main process's own records (IPC spans, event-loop stalls) that ended in a time window. */
  'trace:window': { request: traceWindowRequestSchema, response: traceWindowSchema },
  /** "Record with Chromium's tracer": starts or stops Electron's contentTracing; the answer says where it saved. */
  'trace:chromium': { request: chromiumTraceRequestSchema, response: chromiumTraceStateSchema },
} as const satisfies Record<string, InvokeChannelSpec>;

export type InvokeChannel = keyof typeof invokeChannels;
/** Every invoke channel, in the map's order: what the main process registers a handler for. */
export const INVOKE_CHANNELS = Object.keys(invokeChannels) as readonly InvokeChannel[];
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
  /** Audience mode, to the window that started the session: the room, at most ~10 times a second. */
  'audience:state': roomStateSchema,
} as const satisfies Record<string, z.ZodType>;

export type EventChannel = keyof typeof eventChannels;
export const EVENT_CHANNELS = Object.keys(eventChannels) as readonly EventChannel[];
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
