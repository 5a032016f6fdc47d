import { z } from 'zod';
import { ipcFail, ipcOk, type IpcResult } from './result';

/**
 * The one map of IPC channels between the renderer and the main process. Each invoke channel
 * names the schema of its request payload and of its response; the main process validates both
 * at the boundary (electron/main/ipc-main.ts), and the preload's typed `invoke` takes its
 * argument and return types from here.
 *
 * To add a channel, add an entry: `'task:start': { request: TaskStartSchema, response: … }`.
 * Request schemas should be strict objects so unknown keys are refused, not silently dropped.
 *
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

/** A channel with no payload: `invoke('app:info')` sends no argument, which arrives as undefined. */
const NoPayload = z.undefined();

interface InvokeChannelSpec {
  readonly request: z.ZodType;
  readonly response: z.ZodType;
}

export const invokeChannels = {
  'app:info': { request: NoPayload, response: AppInfoSchema },
} as const satisfies Record<string, InvokeChannelSpec>;

export type InvokeChannel = keyof typeof invokeChannels;
export type InvokeRequest<C extends InvokeChannel> = z.input<(typeof invokeChannels)[C]['request']>;
export type InvokeResponse<C extends InvokeChannel> = z.output<(typeof invokeChannels)[C]['response']>;

/** The argument list of `invoke(channel, ...args)`: none for payload-free channels. */
export type InvokeArgs<C extends InvokeChannel> = [InvokeRequest<C>] extends [undefined] ? [] : [payload: InvokeRequest<C>];

export function isInvokeChannel(name: string): name is InvokeChannel {
  return Object.hasOwn(invokeChannels, name);
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
