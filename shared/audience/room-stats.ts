import type { DeviceResult } from './audience-messages';

/** The middle value; the mean of the two middle ones for an even count; null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? Number.NaN;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] ?? Number.NaN) + upper) / 2;
}

export interface Extreme {
  readonly label: string;
  readonly device: DeviceResult['device'];
  readonly wallMs: number;
}

export interface RoomSummary {
  readonly results: number;
  readonly mainWorstGapMs: number | null;
  readonly workersWorstGapMs: number | null;
  readonly mainWallMs: number | null;
  readonly workersWallMs: number | null;
  /**
   * Every device runs the same work (shared/audience/run-plan.ts), so the main-thread wall time
   * is the device's speed: the slowest took longest, the fastest least.
   */
  readonly slowest: Extreme | null;
  readonly fastest: Extreme | null;
}

/** The dashboard's figures from the room's results: medians, slowest and fastest device. */
export function summarizeRoom(results: readonly DeviceResult[]): RoomSummary {
  let slowest: DeviceResult | null = null;
  let fastest: DeviceResult | null = null;
  for (const r of results) {
    if (slowest === null || r.main.wallMs > slowest.main.wallMs) slowest = r;
    if (fastest === null || r.main.wallMs < fastest.main.wallMs) fastest = r;
  }
  const extreme = (r: DeviceResult | null): Extreme | null =>
    r === null ? null : { label: r.label, device: r.device, wallMs: r.main.wallMs };
  return {
    results: results.length,
    mainWorstGapMs: median(results.map((r) => r.main.worstGapMs)),
    workersWorstGapMs: median(results.map((r) => r.workers.worstGapMs)),
    mainWallMs: median(results.map((r) => r.main.wallMs)),
    workersWallMs: median(results.map((r) => r.workers.wallMs)),
    slowest: extreme(slowest),
    fastest: extreme(fastest),
  };
}
