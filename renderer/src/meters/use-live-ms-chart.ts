import { useEffect, useRef, type RefObject } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { JANK_THRESHOLD_MS } from '../../../shared/stats/frame-gaps';
import { followThemeAndSize, liveMsChartOptions, readPalette, type Palette } from './chart-style';
import { liveTick } from './live-tick';

export interface LiveMsChartSpec {
  /** Seconds of history shown. */
  readonly windowSeconds: number;
  /** Chart height in CSS pixels; the width follows the container. */
  readonly height: number;
  /** The y scale never shrinks below this, so small values stay small. */
  readonly minYMs: number;
  readonly seriesLabel: string;
  /** Draw each point as a step spanning the time it covered. */
  readonly stepped?: boolean;
  /** The x range while the chart is pinned to a fixed window (seconds), null while it is live; read on every draw. */
  readonly pinnedX?: () => readonly [number, number] | null;
  /** The threshold lines under the data, in the current palette. */
  readonly drawLevels: (u: uPlot, palette: Palette) => void;
  /**
   * Called once per mount (allocate buffers here); what it returns refills the chart on every
   * redraw. It runs in the frame meter's callback, outside React.
   */
  readonly createUpdate: () => (chart: uPlot) => void;
}

/**
 * A live milliseconds chart, drawn imperatively by uPlot from the frame meter's callback and
 * never through React (React only mounts it), re-coloured when the theme changes and resized
 * with its container. Returns the ref to put on the container. The chart is rebuilt only when
 * the window or the height changes; the other fields are read when it is built.
 */
export function useLiveMsChart(spec: LiveMsChartSpec): RefObject<HTMLDivElement | null> {
  const containerRef = useRef<HTMLDivElement>(null);
  const specRef = useRef(spec);
  specRef.current = spec;
  const { windowSeconds, height } = spec;

  useEffect(() => {
    const container = containerRef.current;
    if (container === null) return;
    const { minYMs, seriesLabel, stepped, drawLevels, createUpdate } = specRef.current;
    let palette = readPalette(container);
    const chart = new uPlot(
      liveMsChartOptions(
        {
          width: Math.max(1, container.clientWidth),
          height,
          windowSeconds,
          minYMs,
          seriesLabel,
          palette: () => palette,
          stepped: stepped ?? false,
          pinnedX: () => specRef.current.pinnedX?.() ?? null,
          drawAxes: (u) => drawLevels(u, palette),
        },
        JANK_THRESHOLD_MS,
      ),
      [new Float64Array(0), new Float64Array(0)],
      container,
    );
    const update = createUpdate();

    // Redrawn on the live tick (15 Hz, on the same frames as the clock and the bars): still
    // live, and the chart stays a small load on the thread it measures.
    const unsubscribe = liveTick.subscribe(() => update(chart));
    // The app switches theme by setting data-theme on <html>; re-read the colours then.
    const stopFollowing = followThemeAndSize(chart, container, height, () => {
      palette = readPalette(container);
    });

    return () => {
      unsubscribe();
      stopFollowing();
      chart.destroy();
    };
  }, [windowSeconds, height]);

  return containerRef;
}
