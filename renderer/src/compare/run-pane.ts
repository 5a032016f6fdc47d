import type { PaneResult, PaneCommand } from '../../../shared/compare/compare-protocol';
import { waitUntil } from '../../../shared/compare/sync-start';
import type { TaskProgress } from '../../../shared/run/task-request';
import { mainPinger } from '../desktop/main-pinger';
import { measuredRun } from '../run/measured-run';

/** The clock every process of this machine shares, in epoch milliseconds. */
export const sharedClock = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * One pane's run: wait for the agreed instant, run the work in this pane's place with the frame
 * meter around it, and measure. In the desktop app the ping to the main process says how long it
 * was unresponsive; on the web there is none (null).
 */
export async function runPane(
  command: Extract<PaneCommand, { type: 'run' }>,
  options: {
    readonly desktop: boolean;
    readonly onProgress: (p: TaskProgress) => void;
    readonly onStarted: (lateMs: number) => void;
  },
): Promise<PaneResult> {
  const place = command.setup[command.pane];
  const lateMs = await waitUntil(command.startAt, sharedClock, sleep);
  const startedAt = sharedClock();
  options.onStarted(lateMs);
  // The agreed instant is the start: no frames to wait for, the panes started together.
  const run = await measuredRun(place, command.setup.request, {
    paintFrames: 0,
    listener: { onProgress: options.onProgress },
  });
  const { outcome, responsiveness: frames } = run;
  const stall = options.desktop ? await mainPinger.stallDuring({ startMs: run.startMs, endMs: run.endMs }) : null;
  return {
    status: outcome.status,
    ...(outcome.status === 'failed' ? { message: outcome.message.slice(0, 2000) } : {}),
    startedAt,
    wallMs: run.wallMs,
    worstGapMs: frames.worstGapMs,
    framesOver50: frames.framesOver50,
    inputDelayP95Ms: frames.inputDelay.count > 0 ? frames.inputDelay.p95Ms : null,
    mainStallMs: stall && stall.pings > 0 ? stall.worstMs : null,
  };
}
