/** "2.97 s" for durations from a second up, "17 ms" below (the figures on screen read the same). */
export function formatDuration(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`;
}
