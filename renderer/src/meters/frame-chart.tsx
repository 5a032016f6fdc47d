import { useRef } from 'react';
import uPlot from 'uplot';
import { FRAME_BUDGET_MS, JANK_THRESHOLD_MS } from '../../../shared/stats/frame-gaps';
import { PALETTE_CLASSES, type Palette } from './chart-style';
import { meters } from './frame-meter';
import { useLiveMsChart } from './use-live-ms-chart';

/** A run's window on the frame meter's clock (performance.now()), to pin the chart to. */
export interface PinnedWindow {
  readonly startMs: number;
  readonly endMs: number;
}

/** Shown around a pinned run: a little before it, and the frames that ended its freeze after it. */
const PIN_BEFORE_S = 0.5;
const PIN_AFTER_S = 1;

export interface FrameChartProps {
  /**
   * Show this run's window (its start at 0 s, shaded) instead of the last seconds, until it is
   * set back to null: the spike stays on screen while the presenter talks about it.
   */
  pinned?: PinnedWindow | null;
  /** Seconds of history shown. */
  windowSeconds?: number;
  /** Chart height in CSS pixels; the width follows the container. */
  height?: number;
  className?: string;
}

/** Room for 10 s at 240 Hz. */
const MAX_POINTS = 4096;
const MIN_Y_MS = 100;

/** The pinned run's span, shaded, with a label: the chart is not live. */
function drawRunBand(u: uPlot, palette: Palette, durationS: number): void {
  const ctx = u.ctx;
  const { top, height } = u.bbox;
  const px = uPlot.pxRatio;
  const x0 = u.valToPos(0, 'x', true);
  const x1 = u.valToPos(durationS, 'x', true);
  ctx.save();
  ctx.fillStyle = palette.grid;
  ctx.globalAlpha = 0.5;
  ctx.fillRect(x0, top, Math.max(1, x1 - x0), height);
  ctx.globalAlpha = 1;
  ctx.fillStyle = palette.axis;
  ctx.font = `${14 * px}px ui-sans-serif, system-ui, sans-serif`;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'top';
  ctx.fillText('the run', x0 + 4 * px, top + 4 * px);
  ctx.restore();
}

/** Dashed 16.7 ms budget line and solid red 50 ms line, drawn under the data. */
function drawThresholds(u: uPlot, palette: Palette): void {
  const ctx = u.ctx;
  const { left, top, width, height } = u.bbox;
  const px = uPlot.pxRatio;
  const yBudget = Math.round(u.valToPos(FRAME_BUDGET_MS, 'y', true)) + 0.5;
  const yJank = Math.round(u.valToPos(JANK_THRESHOLD_MS, 'y', true)) + 0.5;
  ctx.save();
  ctx.font = `${14 * px}px ui-sans-serif, system-ui, sans-serif`;
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
export function FrameChart({ pinned = null, windowSeconds = 10, height = 200, className = '' }: FrameChartProps) {
  // Read by the chart on its own schedule (outside React), so a ref, not a dependency.
  const pinnedRef = useRef(pinned);
  pinnedRef.current = pinned;
  const containerRef = useLiveMsChart({
    windowSeconds,
    height,
    minYMs: MIN_Y_MS,
    seriesLabel: 'Frame gap',
    stepped: true,
    pinnedX: () => {
      const pin = pinnedRef.current;
      return pin === null ? null : [-PIN_BEFORE_S, (pin.endMs - pin.startMs) / 1000 + PIN_AFTER_S];
    },
    drawLevels: (u, palette) => {
      const pin = pinnedRef.current;
      if (pin !== null) drawRunBand(u, palette, (pin.endMs - pin.startMs) / 1000);
      drawThresholds(u, palette);
    },
    createUpdate: () => {
      const windowMs = windowSeconds * 1000;
      const times = new Float64Array(MAX_POINTS);
      const gaps = new Float64Array(MAX_POINTS);
      const xs = new Float64Array(MAX_POINTS);
      let drawnPin: PinnedWindow | null = null;
      return (chart) => {
        const pin = pinnedRef.current;
        if (pin !== null) {
          // A pinned run's frames stop changing once the frames after it are in: draw until then.
          const to = pin.endMs + PIN_AFTER_S * 1000;
          if (pin === drawnPin) return;
          const n = meters.copyFramesBetween(pin.startMs - PIN_BEFORE_S * 1000, to, times, gaps, 1);
          for (let i = 0; i < n; i += 1) xs[i] = ((times[i] ?? 0) - pin.startMs) / 1000;
          chart.setData([xs.subarray(0, n), gaps.subarray(0, n)]);
          if (performance.now() > to) drawnPin = pin;
          return;
        }
        drawnPin = null;
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
      aria-label={
        pinned === null
          ? `Frame gaps over the last ${windowSeconds} seconds; lines mark 16.7 ms and 50 ms`
          : 'Frame gaps around the last run, which is shaded; lines mark 16.7 ms and 50 ms'
      }
    />
  );
}
