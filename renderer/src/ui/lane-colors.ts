/** One colour per worker lane, distinct in light and dark mode and for common colour blindness. */
const LANE_COLORS = ['#0ea5e9', '#f59e0b', '#10b981', '#d946ef', '#f97316', '#14b8a6', '#8b5cf6', '#84cc16'] as const;

/** Work done on the page's own thread is drawn in this colour. */
export const PAGE_THREAD_COLOR = '#f43f5e';

export function laneColor(lane: number, onPageThread: boolean): string {
  if (onPageThread) return PAGE_THREAD_COLOR;
  return LANE_COLORS[lane % LANE_COLORS.length] ?? LANE_COLORS[0];
}
