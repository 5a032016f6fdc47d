import uPlot from 'uplot';

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
  'dark:[--chart-axis:#cbd5e1] dark:[--chart-grid:#334155] dark:[--chart-line:#38bdf8] dark:[--chart-bad:#f87171] dark:[--chart-budget:#94a3b8]',
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
export function thresholdGradient(u: uPlot, thresholdMs: number, below: string, above: string, alphaHex: string): CanvasGradient {
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
export function drawLevel(u: uPlot, valueMs: number, color: string, options: { dashed?: boolean; width?: number; label?: string } = {}): void {
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
    ctx.font = `${12 * px}px ui-sans-serif, system-ui, sans-serif`;
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
export function followThemeAndSize(chart: uPlot, container: HTMLElement, height: number, onTheme: () => void): () => void {
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
