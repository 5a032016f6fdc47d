/**
 * A synchronised start without a shared event: the controller names an instant a little ahead on
 * the clock every process of the machine shares (performance.timeOrigin + performance.now(), in
 * epoch milliseconds), and each pane waits for it on its own. The lead covers the time the command
 * takes to reach both panes.
 */
export const START_LEAD_MS = 400;
/** The last stretch is waited by spinning: a timer may fire a few milliseconds late. */
export const SPIN_MS = 4;

export function planStart(nowEpochMs: number, leadMs = START_LEAD_MS): number {
  return nowEpochMs + leadMs;
}

/** How a pane waits for `startAt`: a timer for most of it, then a short spin. Late means start now. */
export function waitPlan(
  startAt: number,
  nowEpochMs: number,
  spinMs = SPIN_MS,
): { readonly sleepMs: number; readonly late: boolean } {
  const left = startAt - nowEpochMs;
  if (left <= 0) return { sleepMs: 0, late: left < 0 };
  return { sleepMs: Math.max(0, left - spinMs), late: false };
}

/** Waits until `startAt` with the given clock and timer; resolves with how late it really began. */
export async function waitUntil(
  startAt: number,
  clock: () => number,
  sleep: (ms: number) => Promise<void>,
  spinMs = SPIN_MS,
): Promise<number> {
  const plan = waitPlan(startAt, clock(), spinMs);
  if (plan.sleepMs > 0) await sleep(plan.sleepMs);
  while (clock() < startAt) {
    // spin the last few milliseconds
  }
  return Math.max(0, clock() - startAt);
}

/** How far apart the panes really began: 0 for a perfect start. */
export function startSkewMs(startedAt: readonly number[]): number {
  if (startedAt.length === 0) return 0;
  return Math.max(...startedAt) - Math.min(...startedAt);
}
