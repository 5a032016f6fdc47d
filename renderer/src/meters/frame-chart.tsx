import uPlot from 'uplot';
import { FRAME_BUDGET_MS, JANK_THRESHOLD_MS } from '../../../shared/stats/frame-gaps';
import { PALETTE_CLASSES, type Palette } from './chart-style';
import { meters } from './frame-meter';
import { useLiveMsChart } from './use-live-ms-chart';

export interface FrameChartProps {
  /** Seconds of history shown. */
  windowSeconds?: number;
  /** Chart height in CSS pixels; the width follows the container. */
  height?: number;
  className?: string;
}

/** Room for 10 s at 240 Hz. */
const MAX_POINTS = 4096;
const MIN_Y_MS = 100;

/** Dashed 16.7 ms budget line and solid red 50 ms line, drawn under the data. */
function drawThresholds(u: uPlot, palette: Palette): void {
  const ctx = u.ctx;
  const { left, top, width, height } = u.bbox;
  const px = uPlot.pxRatio;
  const yBudget = Math.round(u.valToPos(FRAME_BUDGET_MS, 'y', true)) + 0.5;
  const yJank = Math.round(u.valToPos(JANK_THRESHOLD_MS, 'y', true)) + 0.5;
  ctx.save();
  ctx.font = `${12 * px}px ui-sans-serif, system-ui, sans-serif`;
  ctx.textAlign = 'right';
  ctx.textBaseline = 'bottom';
  ctx.lineWidth = px;

  ctx.strokeStyle = palette.budget;
  ctx.setLineDash([6 * px, 4 * px]);
  ctx.beginPath();
  ctx.moveTo(left, yBudget);
  ctx.lineTo(left + width, yBudget);
  ctx.stroke();

  ctx.strokeStyle = palette.bad;
  ctx.setLineDash([]);
  ctx.lineWidth = 1.5 * px;
  ctx.beginPath();
  ctx.moveTo(left, yJank);
  ctx.lineTo(left + width, yJank);
  ctx.stroke();

  ctx.fillStyle = palette.bad;
  ctx.fillText('50 ms', left + width - 4 * px, yJank - 3 * px);
  // On a tall scale the two lines nearly meet; the budget label would collide.
  if (yBudget - yJank > 16 * px && yBudget < top + height) {
    ctx.fillStyle = palette.budget;
    ctx.fillText('16.7 ms (60 fps)', left + width - 4 * px, yBudget - 3 * px);
  }
  ctx.restore();
}

/**
 * Live frame-time chart of the last seconds of frame gaps, drawn by useLiveMsChart. Each gap is
 * drawn as a step spanning the time it covered, so a 2 s freeze is a 2 s wide red block.
 */
export function FrameChart({ windowSeconds = 10, height = 200, className = '' }: FrameChartProps) {
  const containerRef = useLiveMsChart({
    windowSeconds,
    height,
    minYMs: MIN_Y_MS,
    seriesLabel: 'Frame gap',
    stepped: true,
    drawLevels: drawThresholds,
    createUpdate: () => {
      const windowMs = windowSeconds * 1000;
      const times = new Float64Array(MAX_POINTS);
      const gaps = new Float64Array(MAX_POINTS);
      const xs = new Float64Array(MAX_POINTS);
      return (chart) => {
        // One frame from before the window so the step crossing the left edge is drawn.
        const n = meters.copyRecentFrames(windowMs, times, gaps, 1);
        const newest = n > 0 ? (times[n - 1] ?? 0) : 0;
        for (let i = 0; i < n; i += 1) xs[i] = ((times[i] ?? 0) - newest) / 1000;
        chart.setData([xs.subarray(0, n), gaps.subarray(0, n)]);
      };
    },
  });

  return (
    <div
      ref={containerRef}
      className={`w-full overflow-hidden ${PALETTE_CLASSES} ${className}`}
      style={{ height }}
      role="img"
      aria-label={`Frame gaps over the last ${windowSeconds} seconds; lines mark 16.7 ms and 50 ms`}
    />
  );
}
