/**
 * Marks a span with `performance.measure(…, { detail: { devtools } })`, Chrome DevTools'
 * extensibility API: a Performance recording of the app then shows Unfreeze's own tracks
 * ("Unfreeze" group: the run, each worker's jobs) beside Chromium's. The entry is cleared at
 * once: DevTools reads it from the trace event made when it was measured, and the page's
 * user-timing buffer, which never empties by itself, stays empty.
 */

/** DevTools' palette names (its API takes these, not CSS colours). */
const LANE_PALETTE = [
  'primary',
  'secondary',
  'tertiary',
  'primary-light',
  'secondary-light',
  'tertiary-light',
] as const;
export type DevtoolsColor = (typeof LANE_PALETTE)[number] | 'error';

export function devtoolsLaneColor(lane: number | null): DevtoolsColor {
  return lane === null ? 'error' : (LANE_PALETTE[lane % LANE_PALETTE.length] ?? 'primary');
}

export function markDevtoolsTrack(
  name: string,
  startEpochMs: number,
  endEpochMs: number,
  track: string,
  color: DevtoolsColor,
  tooltipText: string,
): void {
  const start = startEpochMs - performance.timeOrigin;
  const end = Math.max(start, endEpochMs - performance.timeOrigin);
  try {
    performance.measure(name, {
      start,
      end,
      detail: { devtools: { dataType: 'track-entry', track, trackGroup: 'Unfreeze', color, tooltipText } },
    });
    performance.clearMeasures(name);
  } catch {
    // A browser without measure options, or a span before this page's origin: the timeline still has it.
  }
}
