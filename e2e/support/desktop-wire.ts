import { z } from 'zod';

/**
 * The messages between the test process (Chromium's side: pages, bindings) and the main-side
 * process (desktop-main-side.ts: dispatcher, task host, meters, compare hub, lab). This pipe is
 * the stand-in for Electron's IPC between renderers and the main process; each side validates
 * what it receives, like any message that crosses a process boundary.
 */

const senderId = z.int().positive();
const callId = z.int().nonnegative();

/** Where the main side finds what it runs, and whom it trusts. */
export const mainSideConfigSchema = z.strictObject({
  /** The served renderer's origin: the stand-in for unfreeze://app, the only trusted sender. */
  trustedOrigins: z.array(z.string().min(1)).min(1),
  threadEntry: z.string().min(1),
  processEntry: z.string().min(1),
  processExecArgv: z.array(z.string()),
  labThreadEntry: z.string().min(1),
  chromeVersion: z.string().min(1),
  appVersion: z.string().min(1),
  poolSize: z.int().min(1).max(8),
});
export type MainSideConfig = z.output<typeof mainSideConfigSchema>;

export const toMainSideSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('configure'), config: mainSideConfigSchema }),
  /** A BrowserWindow opened: it gets the metrics feed, as BrowserWindow.getAllWindows() does. */
  z.strictObject({ type: z.literal('window'), senderId }),
  /** A page closed: its WebContents is destroyed ('destroyed' in the app). */
  z.strictObject({ type: z.literal('gone'), senderId }),
  z.strictObject({
    type: z.literal('invoke'),
    callId,
    senderId,
    /** The calling frame's URL, as event.senderFrame.url in ipc-main.ts; null when unknown. */
    senderUrl: z.string().nullable(),
    channel: z.string(),
    args: z.array(z.unknown()),
  }),
  z.strictObject({ type: z.literal('inspect'), callId }),
  z.strictObject({ type: z.literal('stop') }),
]);
export type ToMainSide = z.output<typeof toMainSideSchema>;

/** What the main side has running, for the tests' assertions (never shown to the page). */
export const mainSideStateSchema = z.strictObject({
  pid: z.int(),
  /** Tasks still routed to a window (task-ipc.ts). */
  routed: z.int().nonnegative(),
  threads: z.array(z.strictObject({ lane: z.int(), threadId: z.int(), exited: z.boolean() })),
  processes: z.array(z.strictObject({ lane: z.int(), pid: z.int(), exited: z.boolean() })),
  /** From a task:cancel reaching the main side to that task's 'end' leaving it. */
  cancels: z.array(z.strictObject({ taskId: z.string(), ms: z.number() })),
  /** Which senders called which channels, to tell one window's transport from another's. */
  invokes: z.array(z.strictObject({ senderId, channel: z.string() })),
});
export type MainSideState = z.output<typeof mainSideStateSchema>;

export const fromMainSideSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('ready'), pid: z.int() }),
  z.strictObject({ type: z.literal('reply'), callId, result: z.unknown() }),
  z.strictObject({ type: z.literal('event'), senderId, channel: z.string(), payload: z.unknown() }),
  /** compare-window.ts's stand-in: open one window with two panes, each its own page. */
  z.strictObject({ type: z.literal('open-compare'), left: senderId, right: senderId }),
  z.strictObject({ type: z.literal('state'), callId, state: mainSideStateSchema }),
]);
export type FromMainSide = z.output<typeof fromMainSideSchema>;
