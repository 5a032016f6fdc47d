import uPlot from 'uplot';

const AXIS_FONT = '14px ui-sans-serif, system-ui, sans-serif';

/** Colours of the live charts, read from CSS custom properties so `dark:` classes theme the canvas. */
export interface Palette {
  axis: string;
  grid: string;
  line: string;
  bad: string;
  budget: string;
}

/** Put on a chart's container: the light palette, and the dark one under data-theme="dark". */
export const PALETTE_CLASSES = [
  '[--chart-axis:#475569] [--chart-grid:#e2e8f0] [--chart-line:#0284c7] [--chart-bad:#dc2626] [--chart-budget:#64748b]',
  'dark:[--chart-axis:#cbd5e1] dark:[--chart-grid:#334155] dark:[--chart-line:#38bdf8]',
  'dark:[--chart-bad:#f87171] dark:[--chart-budget:#94a3b8]',
].join(' ');

export function readPalette(el: HTMLElement): Palette {
  const css = getComputedStyle(el);
  const read = (name: string, fallback: string): string => css.getPropertyValue(name).trim() || fallback;
  return {
    axis: read('--chart-axis', '#475569'),
    grid: read('--chart-grid', '#e2e8f0'),
    line: read('--chart-line', '#0284c7'),
    bad: read('--chart-bad', '#dc2626'),
    budget: read('--chart-budget', '#64748b'),
  };
}

/** `#rrggbb` plus an alpha byte; other colour syntaxes are returned opaque. */
function withAlpha(color: string, alphaHex: string): string {
  return /^#[0-9a-f]{6}$/i.test(color) ? color + alphaHex : color;
}

/** A vertical gradient that switches colour exactly at `thresholdMs` on the y scale. */
export function thresholdGradient(
  u: uPlot,
  thresholdMs: number,
  below: string,
  above: string,
  alphaHex: string,
): CanvasGradient {
  const { top, height } = u.bbox;
  const bottom = top + height;
  const gradient = u.ctx.createLinearGradient(0, bottom, 0, top);
  const at = height > 0 ? (bottom - u.valToPos(thresholdMs, 'y', true)) / height : 1;
  const stop = Math.min(1, Math.max(0, at));
  gradient.addColorStop(0, withAlpha(below, alphaHex));
  gradient.addColorStop(stop, withAlpha(below, alphaHex));
  gradient.addColorStop(stop, withAlpha(above, alphaHex));
  gradient.addColorStop(1, withAlpha(above, alphaHex));
  return gradient;
}

/** Tick labels in one unit per scale: ms up to a second, seconds beyond ("0.5 s", not "500 ms"). */
export function formatAxisTicks(u: uPlot, splits: number[]): string[] {
  const inSeconds = (u.scales['y']?.max ?? 0) >= 1000;
  return splits.map((ms) =>
    inSeconds ? `${(ms / 1000).toLocaleString('en', { maximumFractionDigits: 1 })} s` : `${ms} ms`,
  );
}

/** A horizontal line across the plot at `valueMs`, optionally dashed and labelled at the right. */
export function drawLevel(
  u: uPlot,
  valueMs: number,
  color: string,
  options: { dashed?: boolean; width?: number; label?: string } = {},
): void {
  const ctx = u.ctx;
  const { left, width } = u.bbox;
  const px = uPlot.pxRatio;
  const y = Math.round(u.valToPos(valueMs, 'y', true)) + 0.5;
  ctx.save();
  ctx.strokeStyle = color;
  ctx.lineWidth = (options.width ?? 1) * px;
  ctx.setLineDash(options.dashed ? [6 * px, 4 * px] : []);
  ctx.beginPath();
  ctx.moveTo(left, y);
  ctx.lineTo(left + width, y);
  ctx.stroke();
  if (options.label) {
    ctx.font = `${14 * px}px ui-sans-serif, system-ui, sans-serif`;
    ctx.textAlign = 'right';
    ctx.textBaseline = 'bottom';
    ctx.fillStyle = color;
    ctx.fillText(options.label, left + width - 4 * px, y - 3 * px);
  }
  ctx.restore();
}

/**
 * Redraws a chart when the app switches theme (data-theme on <html>) and resizes it with its
 * container. Returns the cleanup.
 */
export function followThemeAndSize(
  chart: uPlot,
  container: HTMLElement,
  height: number,
  onTheme: () => void,
): () => void {
  const resize = new ResizeObserver((entries) => {
    const width = Math.floor(entries[0]?.contentRect.width ?? container.clientWidth);
    if (width > 0 && width !== chart.width) chart.setSize({ width, height });
  });
  resize.observe(container);
  const themeWatch = new MutationObserver(() => {
    onTheme();
    chart.redraw(false, true);
  });
  themeWatch.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme', 'class'] });
  return () => {
    resize.disconnect();
    themeWatch.disconnect();
  };
}

export interface LiveMsChart {
  readonly width: number;
  readonly height: number;
  /** The x axis runs from -windowSeconds to "now". */
  readonly windowSeconds: number;
  /** The y axis shows at least 0..minYMs, so a calm chart does not magnify noise. */
  readonly minYMs: number;
  readonly seriesLabel: string;
  /** Read on every draw, so a theme switch only has to replace the palette. */
  palette(): Palette;
  /** Draw each value as a step covering the time before it (a 2 s freeze is a 2 s wide block). */
  readonly stepped?: boolean;
  /**
   * Read on every draw: the x range in seconds when it is not the last `windowSeconds` (a chart
   * pinned to one run), or null for the live window.
   */
  readonly pinnedX?: () => readonly [number, number] | null;
  drawAxes(u: uPlot): void;
}

/**
 * The look every live "milliseconds over the last seconds" chart shares: seconds-ago x axis,
 * ms/s y axis, a line that turns red above the 50 ms jank threshold.
 */
export function liveMsChartOptions(c: LiveMsChart, thresholdMs: number): uPlot.Options {
  const axis: uPlot.Axis = {
    // Projector size: a back row reads 14 px, not uPlot's 12 px default.
    font: AXIS_FONT,
    stroke: () => c.palette().axis,
    grid: { stroke: () => c.palette().grid, width: 1 },
    ticks: { stroke: () => c.palette().grid, width: 1 },
  };
  return {
    width: c.width,
    height: c.height,
    legend: { show: false },
    cursor: { show: false },
    scales: {
      x: { time: false, range: () => (c.pinnedX?.() as [number, number] | null) ?? [-c.windowSeconds, 0] },
      y: { range: (_u, _min, max) => [0, Math.max(c.minYMs, Math.ceil(max * 1.1))] },
    },
    axes: [
      {
        ...axis,
        // Live, 0 is "now"; pinned to a run, 0 is the run's start.
        values: (_u, splits) => splits.map((s) => (s === 0 && !c.pinnedX?.() ? 'now' : `${s} s`)),
      },
      { ...axis, size: 72, values: formatAxisTicks },
    ],
    series: [
      {},
      {
        label: c.seriesLabel,
        stroke: (u) => thresholdGradient(u, thresholdMs, c.palette().line, c.palette().bad, 'ff'),
        fill: (u) => thresholdGradient(u, thresholdMs, c.palette().line, c.palette().bad, '33'),
        width: 1.5,
        points: { show: false },
        ...(c.stepped ? { paths: uPlot.paths.stepped?.({ align: -1 }) } : {}),
      },
    ],
    hooks: { drawAxes: [c.drawAxes] },
  };
}
