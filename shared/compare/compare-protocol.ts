import { z } from 'zod';
import { PLACES } from '../places';
import { taskRequestSchema } from '../run/task-request';
import { getWorkload } from '../workloads/registry';

/**
 * Compare mode: one window, two panes (each its own renderer), the same workload in each, started
 * at the same instant. The controller (the app's Compare screen) sets it up and presses Start; the
 * panes run and report; the controller shows the summary. These are the messages, validated
 * wherever they cross a boundary: IPC in the desktop app, postMessage between frames on the web.
 */
export const PANES = ['left', 'right'] as const;
export type Pane = (typeof PANES)[number];
export const paneSchema = z.enum(PANES, { error: 'pane must be "left" or "right"' });

export const placeSchema = z.enum(PLACES, { error: `place must be one of: ${PLACES.join(', ')}` });

export const compareSetupSchema = z
  .strictObject({
    left: placeSchema,
    right: placeSchema,
    /** The identical work for both panes. */
    request: taskRequestSchema,
  })
  // Checked here, with the workload's own schema, as well as in each pane: parameters the workload
  // refuses (a negative limit, megabytes of text) never reach the panes.
  .superRefine(({ request }, ctx) => {
    const parsed = getWorkload(request.workload).params.safeParse(request.params);
    if (parsed.success) return;
    for (const issue of parsed.error.issues)
      ctx.addIssue({ code: 'custom', path: ['request', 'params', ...issue.path], message: issue.message });
  });
export type CompareSetup = z.output<typeof compareSetupSchema>;

const runId = z.int().positive();
/** Milliseconds since the epoch on the shared clock (performance.timeOrigin + performance.now()). */
const epochMs = z.number().positive();
const ms = z.number().nonnegative();

/**
 * What the controller tells each pane. The web edition also asks, after a run, how many frames a
 * pane drew in a window (the other pane's run: did this one keep drawing while that one froze?),
 * and passes the page's theme on, since a pane on another site cannot read the page's stored choice.
 */
export const paneCommandSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('setup'), pane: paneSchema, setup: compareSetupSchema }),
  z.strictObject({ type: z.literal('run'), pane: paneSchema, runId, setup: compareSetupSchema, startAt: epochMs }),
  z
    .strictObject({ type: z.literal('count-frames'), pane: paneSchema, runId, fromMs: epochMs, toMs: epochMs })
    .refine((c) => c.toMs >= c.fromMs, { message: 'toMs must not be before fromMs', path: ['toMs'] }),
  z.strictObject({ type: z.literal('theme'), pane: paneSchema, dark: z.boolean() }),
]);
export type PaneCommand = z.output<typeof paneCommandSchema>;

/** What one pane measured during one run. */
export const paneResultSchema = z.strictObject({
  status: z.enum(['done', 'cancelled', 'failed']),
  /** Why a run failed, in words. */
  message: z.string().max(2000).optional(),
  /** When the pane actually began the work, on the shared clock. */
  startedAt: epochMs,
  wallMs: ms,
  worstGapMs: ms,
  framesOver50: z.int().nonnegative(),
  /** p95 of the input delays during the run; null when nobody pressed anything. */
  inputDelayP95Ms: ms.nullable(),
  /** The longest wait of a ping to Electron's main process; null where there is none (the web). */
  mainStallMs: ms.nullable(),
});
export type PaneResult = z.output<typeof paneResultSchema>;

export const paneReportSchema = z.strictObject({ runId, pane: paneSchema, result: paneResultSchema });
export type PaneReport = z.output<typeof paneReportSchema>;

/** What the controller hears back: a pane's report for the run under way. */
export const compareUpdateSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('started'), runId, startAt: epochMs }),
  z.strictObject({ type: z.literal('report'), report: paneReportSchema }),
  z.strictObject({ type: z.literal('closed') }),
]);
export type CompareUpdate = z.output<typeof compareUpdateSchema>;

/** The answer to "start": which run, and when both panes begin. */
export const compareStartedSchema = z.strictObject({ runId, startAt: epochMs });
