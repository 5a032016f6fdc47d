import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import {
  BUDGETS,
  DATA_COST_SIZES,
  formatBytes,
  formatMs,
  METHOD_FACTS,
  type DataCostMethod,
} from '../../../shared/datacost/data-cost-methods';
import type { DataCostSample } from '../../../shared/datacost/data-cost-summary';
import { drawLevel, followThemeAndSize, PALETTE_CLASSES, readPalette, type Palette } from '../meters/chart-style';

export type DataCostFigure = 'blockedMs' | 'receivedMs' | 'worstGapMs';

/** Mid-tone colours that read on white and on slate-900 alike; the table below the chart has every figure. */
export const METHOD_COLORS: Readonly<Record<DataCostMethod, string>> = {
  'clone-objects': '#e11d48',
  'clone-bytes': '#d97706',
  transfer: '#0284c7',
  shared: '#059669',
  ipc: '#7c3aed',
  'utility-port': '#c026d3',
};

/** A log axis has no zero: faster than 10 µs is drawn at 10 µs (the browser's timers are about 5 µs). */
const FLOOR_MS = 0.01;

/** The two budgets as dashed vertical lines with their labels, and one frame and 100 ms across. */
function drawBudgets(u: uPlot, palette: Palette, fontPx: number): void {
  const ctx = u.ctx;
  const { top, height } = u.bbox;
  const px = uPlot.pxRatio;
  ctx.save();
  ctx.strokeStyle = palette.budget;
  ctx.fillStyle = palette.axis;
  ctx.lineWidth = 1.5 * px;
  ctx.setLineDash([6 * px, 4 * px]);
  ctx.font = `${fontPx * px}px ui-sans-serif, system-ui, sans-serif`;
  // uPlot's axes leave their own alignment behind.
  ctx.textAlign = 'left';
  ctx.textBaseline = 'top';
  BUDGETS.forEach((budget, i) => {
    const x = Math.round(u.valToPos(budget.bytes, 'x', true)) + 0.5;
    ctx.beginPath();
    ctx.moveTo(x, top);
    ctx.lineTo(x, top + height);
    ctx.stroke();
    ctx.fillText(budget.label, x + 4 * px, top + 4 * px + i * (fontPx + 4) * px);
  });
  drawLevel(u, 16.7, palette.budget, { dashed: true });
  drawLevel(u, 100, palette.bad);
  // Labelled here rather than by drawLevel, in the chart's own size (drawLevel's labels are smaller).
  ctx.textAlign = 'right';
  ctx.textBaseline = 'bottom';
  const right = u.bbox.left + u.bbox.width - 4 * px;
  ctx.fillStyle = palette.budget;
  ctx.fillText('one frame (16.7 ms)', right, u.valToPos(16.7, 'y', true) - 3 * px);
  ctx.fillStyle = palette.bad;
  ctx.fillText('100 ms', right, u.valToPos(100, 'y', true) - 3 * px);
  ctx.restore();
}

/** One grid line per power of ten: the minor lines of a log axis crowd a projected chart. */
function decades(u: uPlot): number[] {
  const max = u.scales['y']?.max ?? 1000;
  const out: number[] = [];
  for (let v = FLOOR_MS; v <= max * 1.001; v *= 10) out.push(Number(v.toPrecision(1)));
  return out;
}

interface Props {
  readonly samples: readonly DataCostSample[];
  readonly methods: readonly DataCostMethod[];
  readonly figure: DataCostFigure;
  readonly height?: number;
  readonly label: string;
  /** Px size of every text drawn on the canvas: 14 on a screen, 20 on a projector. */
  readonly fontPx?: number;
}

/** The sweep on log-log axes: payload size across, milliseconds up, one line per method. */
export function DataCostChart({ samples, methods, figure, height = 320, label, fontPx = 14 }: Props) {
  const containerRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<uPlot | null>(null);

  useEffect(() => {
    const container = containerRef.current;
    if (container === null) return;
    let palette = readPalette(container);
    const axis = (): uPlot.Axis => ({
      stroke: () => palette.axis,
      grid: { stroke: () => palette.grid, width: 1 },
      ticks: { stroke: () => palette.grid, width: 1 },
      font: `${fontPx}px ui-sans-serif, system-ui, sans-serif`,
    });
    const chart = new uPlot(
      {
        width: Math.max(1, container.clientWidth),
        height,
        legend: { show: false },
        cursor: { show: false },
        scales: {
          x: { time: false, distr: 3, log: 2, range: [DATA_COST_SIZES[0] ?? 1, DATA_COST_SIZES.at(-1) ?? 2] },
          y: { distr: 3, log: 10, range: (_u, _min, max) => [FLOOR_MS, Math.max(1000, max * 2)] },
        },
        axes: [
          {
            ...axis(),
            splits: () => [...DATA_COST_SIZES],
            // On a narrow chart uPlot drops the labels that would collide and hands those over as null.
            values: (_u, splits) => splits.map((bytes) => (bytes == null ? '' : formatBytes(bytes))),
          },
          { ...axis(), size: fontPx * 6, splits: decades, values: (_u, splits) => splits.map(formatMs) },
        ],
        series: [
          {},
          ...methods.map((m) => ({
            label: METHOD_FACTS[m].label,
            stroke: METHOD_COLORS[m],
            width: 3,
            points: { show: true, size: 9, fill: METHOD_COLORS[m] },
          })),
        ],
        hooks: { drawAxes: [(u) => drawBudgets(u, palette, fontPx)] },
      },
      [[], ...methods.map(() => [])],
      container,
    );
    chartRef.current = chart;
    const stopFollowing = followThemeAndSize(chart, container, height, () => {
      palette = readPalette(container);
    });
    return () => {
      stopFollowing();
      chart.destroy();
      chartRef.current = null;
    };
  }, [methods, height, fontPx]);

  useEffect(() => {
    const sizes = [...new Set(samples.map((s) => s.bytes))].sort((a, b) => a - b);
    const column = (m: DataCostMethod) =>
      sizes.map((bytes) => {
        const s = samples.find((x) => x.method === m && x.bytes === bytes);
        return s === undefined ? null : Math.max(FLOOR_MS, s[figure]);
      });
    chartRef.current?.setData([sizes, ...methods.map(column)]);
  }, [samples, methods, figure]);

  return (
    <div
      ref={containerRef}
      className={`w-full overflow-hidden ${PALETTE_CLASSES}`}
      style={{ height }}
      role="img"
      aria-label={label}
      data-canvas-font-px={fontPx}
    />
  );
}
