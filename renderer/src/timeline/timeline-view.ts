/**
 * The timeline's zoom and pan, pure: a window [fromMs, toMs] on the trace clock, changed by
 * the wheel, a drag or the keyboard (+/−, ←/→, 0), never narrower than a millisecond or wider
 * than the recorder holds. Tested beside it; the panel only feeds it events.
 */
export interface TimeWindow {
  readonly fromMs: number;
  readonly toMs: number;
}

export const MIN_SPAN_MS = 1;
export const MAX_SPAN_MS = 120_000;
/** One key press or wheel notch zooms by this factor. */
export const ZOOM_STEP = 1.25;
/** One arrow key press pans by this share of the window. */
export const PAN_SHARE = 0.1;

/** Zooms by `factor` (> 1 zooms in) around `atShare` (0 = left edge, 1 = right edge). */
export function zoom(w: TimeWindow, factor: number, atShare = 0.5): TimeWindow {
  const span = w.toMs - w.fromMs;
  const next = Math.min(MAX_SPAN_MS, Math.max(MIN_SPAN_MS, span / factor));
  const at = w.fromMs + span * Math.min(1, Math.max(0, atShare));
  const fromMs = at - (at - w.fromMs) * (next / span);
  return { fromMs, toMs: fromMs + next };
}

/** Moves the window by `ms` (positive: later). */
export function pan(w: TimeWindow, ms: number): TimeWindow {
  return { fromMs: w.fromMs + ms, toMs: w.toMs + ms };
}

/** A key's effect on the window, or null for a key the timeline does not use. */
export function keyToWindow(w: TimeWindow, key: string, home: TimeWindow): TimeWindow | null {
  const span = w.toMs - w.fromMs;
  switch (key) {
    case '+':
    case '=':
      return zoom(w, ZOOM_STEP);
    case '-':
    case '_':
      return zoom(w, 1 / ZOOM_STEP);
    case 'ArrowLeft':
      return pan(w, -span * PAN_SHARE);
    case 'ArrowRight':
      return pan(w, span * PAN_SHARE);
    case '0':
    case 'Home':
      return home;
    default:
      return null;
  }
}

/** The whole run with a little room on each side: the view after a run, and what "0" returns to. */
export function runWindow(startMs: number, endMs: number): TimeWindow {
  const span = Math.max(MIN_SPAN_MS, endMs - startMs);
  return { fromMs: startMs - span * 0.04 - 100, toMs: endMs + span * 0.04 + 150 };
}

/** While a run goes on: its start (or the last 10 s of it) up to now. */
export const LIVE_SPAN_MS = 10_000;
export function liveWindow(startMs: number, nowMs: number): TimeWindow {
  const fromMs = Math.max(startMs - 200, nowMs - LIVE_SPAN_MS);
  return { fromMs, toMs: Math.max(nowMs + 100, fromMs + 1000) };
}
