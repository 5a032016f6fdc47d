import type { PaneResult, PaneCommand } from '../../../shared/compare/compare-protocol';
import { waitUntil } from '../../../shared/compare/sync-start';
import type { TaskOutcome } from '../../../shared/run/task-outcome';
import type { TaskProgress } from '../../../shared/run/task-request';
import { mainPinger } from '../desktop/main-pinger';
import { meters } from '../meters/frame-meter';
import { startTask } from '../run/start-task';
import { messageOf } from '../../../shared/errors/message-of';

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
  meters.beginRun();
  const t0 = performance.now();
  let outcome: TaskOutcome<unknown>;
  try {
    outcome = await startTask(place, command.setup.request, { onProgress: options.onProgress }).outcome;
  } catch (error) {
    outcome = { status: 'failed', message: messageOf(error), elapsedMs: performance.now() - t0 };
  }
  const t1 = performance.now();
  const frames = await meters.endRunAfterNextFrame();
  const stall = options.desktop ? await mainPinger.stallDuring({ startMs: t0, endMs: t1 }) : null;
  return {
    status: outcome.status,
    ...(outcome.status === 'failed' ? { message: outcome.message.slice(0, 2000) } : {}),
    startedAt,
    wallMs: t1 - t0,
    worstGapMs: frames.worstGapMs,
    framesOver50: frames.framesOver50,
    inputDelayP95Ms: frames.inputDelay.count > 0 ? frames.inputDelay.p95Ms : null,
    mainStallMs: stall && stall.pings > 0 ? stall.worstMs : null,
  };
}
