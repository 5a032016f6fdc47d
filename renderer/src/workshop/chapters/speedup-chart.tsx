import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { followThemeAndSize, PALETTE_CLASSES, readPalette } from '../../meters/chart-style';
import type { SpeedupRow } from './speedup';

/**
 * Speedup over the number of workers, beside the ideal (linear up to the core count, flat
 * after it). Drawn once per result by uPlot on a canvas; React only mounts it.
 */
export function SpeedupChart({
  rows,
  maxWorkers,
  cores,
  height = 240,
  presenter = false,
}: {
  readonly rows: readonly SpeedupRow[];
  readonly maxWorkers: number;
  readonly cores: number;
  readonly height?: number;
  /** Projector type: axis labels at 20 px, not 14. */
  readonly presenter?: boolean;
}) {
  // The px size of the canvas's axis text, also reported as data-canvas-font-px (presenter-type e2e).
  const fontPx = presenter ? 20 : 14;
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const container = box.current;
    if (!container) return;
    let palette = readPalette(container);
    const xs = Array.from({ length: maxWorkers }, (_, i) => i + 1);
    const measured = xs.map((w) => rows.find((r) => r.workers === w)?.speedup ?? null);
    const ideal = xs.map((w) => Math.min(w, cores));
    const chart = new uPlot(
      {
        width: Math.max(1, container.clientWidth),
        height,
        legend: { show: true, live: false },
        cursor: { show: false },
        scales: {
          x: { time: false, range: [0.75, maxWorkers + 0.25] },
          y: { range: [0, Math.max(2, maxWorkers) + 0.2] },
        },
        axes: [
          {
            label: 'workers',
            font: `${fontPx}px ui-sans-serif, system-ui, sans-serif`,
            labelFont: `600 ${fontPx}px ui-sans-serif, system-ui, sans-serif`,
            size: fontPx * 2.5,
            labelSize: fontPx * 1.5,
            stroke: () => palette.axis,
            grid: { stroke: () => palette.grid },
            ticks: { stroke: () => palette.grid },
            splits: () => xs,
          },
          {
            label: 'speedup (×)',
            font: `${fontPx}px ui-sans-serif, system-ui, sans-serif`,
            labelFont: `600 ${fontPx}px ui-sans-serif, system-ui, sans-serif`,
            size: fontPx * 3,
            labelSize: fontPx * 1.5,
            stroke: () => palette.axis,
            grid: { stroke: () => palette.grid },
            ticks: { stroke: () => palette.grid },
          },
        ],
        series: [
          {},
          {
            label: 'ideal (linear up to the core count)',
            stroke: () => palette.budget,
            dash: [6, 4],
            width: 2,
            points: { show: false },
          },
          {
            label: 'measured',
            stroke: () => palette.line,
            width: 3,
            points: { show: true, size: 10, fill: () => palette.line },
          },
        ],
      },
      [xs, ideal, measured],
      container,
    );
    const stop = followThemeAndSize(chart, container, height, () => {
      palette = readPalette(container);
    });
    return () => {
      stop();
      chart.destroy();
    };
  }, [rows, maxWorkers, cores, height, fontPx]);
  return (
    <div
      ref={box}
      className={`w-full ${PALETTE_CLASSES} ${presenter ? '[&_.u-legend]:text-xl!' : '[&_.u-legend]:text-sm!'}`}
      data-canvas-font-px={fontPx}
      role="img"
      aria-label="Chart: speedup over the number of workers, measured and ideal"
      data-testid="speedup-chart"
    />
  );
}
