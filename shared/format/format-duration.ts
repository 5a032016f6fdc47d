/**
 * The one way every screen, export and test writes a duration: "2.97 s" from a second up, "17 ms"
 * below. Seconds with two decimals are what a back row reads for a freeze; milliseconds, whole,
 * for a frame gap. Pure, so the renderer, the exports (`shared/session/`) and Compare's summary
 * (`shared/compare/`) all print the same figure the same way.
 */
export function formatDuration(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`;
}

/**
 * A duration always in seconds, with `digits` decimals: "0.50 s", "1.0 s". For figures read
 * against one another in seconds (a timeout, a wait, a run's wall time in the lab), where
 * "500 ms" beside "1.20 s" would hide the comparison.
 */
export function formatInSeconds(ms: number, digits = 2): string {
  return `${(ms / 1000).toFixed(digits)} s`;
}
