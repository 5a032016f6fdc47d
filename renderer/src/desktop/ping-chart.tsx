import { useRef } from 'react';
import { JANK_THRESHOLD_MS } from '../../../shared/stats/frame-gaps';
import { drawLevel, PALETTE_CLASSES } from '../meters/chart-style';
import { useLiveMsChart } from '../meters/use-live-ms-chart';
import { formatDuration } from '../../../shared/format/format-duration';
import { mainPinger, PING_EVERY_MS } from './main-pinger';

const READOUT = [
  'mb-2 text-base font-semibold tabular-nums text-slate-600 data-[waiting=true]:text-rose-700',
  'dark:text-slate-300 dark:data-[waiting=true]:text-rose-300',
].join(' ');

/** Two points per ping, 10 pings a second, for 10 s, with room to spare. */
const MAX_POINTS = 512;
const MIN_Y_MS = 100;
/** Below this a ping is just IPC; above it the readout says the main process is keeping us waiting. */
const WAITING_AFTER_MS = PING_EVERY_MS;

/** What the readout says: how long the main process has kept the latest ping waiting, or how the last one went. */
function readoutText(waiting: number, lastError: string | null, last: number | null): string {
  if (waiting > WAITING_AFTER_MS) return `Waiting for the main process: ${formatDuration(waiting)}`;
  if (lastError !== null) return `Ping failed: ${lastError}`;
  if (last === null) return 'Pinging…';
  return `Last ping answered in ${last < 1 ? 'under 1 ms' : formatDuration(last)}`;
}

export interface PingChartProps {
  windowSeconds?: number;
  height?: number;
}

/**
 * How long the main process has kept the latest ping waiting, over the last seconds. Drawn by
 * uPlot from the frame meter's callback and never through React (useLiveMsChart): a ping in
 * flight rises with every redraw, so a blocked main process is visible while it is blocked. The
 * readout beside it is written the same way.
 */
export function PingChart({ windowSeconds = 10, height = 160 }: PingChartProps) {
  const readoutRef = useRef<HTMLParagraphElement>(null);
  const containerRef = useLiveMsChart({
    windowSeconds,
    height,
    minYMs: MIN_Y_MS,
    seriesLabel: 'Ping wait',
    drawLevels: (u, palette) => drawLevel(u, JANK_THRESHOLD_MS, palette.bad, { width: 1.5, label: '50 ms' }),
    createUpdate: () => {
      const windowMs = windowSeconds * 1000;
      const xs = new Float64Array(MAX_POINTS);
      const ys = new Float64Array(MAX_POINTS);
      let shown = '';
      return (chart) => {
        const now = performance.now();
        const n = mainPinger.log.fillWaitSeries(now, windowMs, xs, ys);
        chart.setData([xs.subarray(0, n), ys.subarray(0, n)]);
        const since = mainPinger.log.inFlightSinceMs;
        const waiting = since === null ? 0 : now - since;
        const text = readoutText(waiting, mainPinger.lastError, mainPinger.log.latestRoundTripMs);
        // Text changes are layout work: only when the words change (at most 15 times a second).
        if (text !== shown && readoutRef.current) {
          shown = text;
          readoutRef.current.textContent = text;
          readoutRef.current.dataset.waiting = waiting > WAITING_AFTER_MS ? 'true' : 'false';
        }
      };
    },
  });

  return (
    <div>
      <p ref={readoutRef} data-testid="ping-readout" data-waiting="false" className={READOUT}>
        Starting…
      </p>
      <div
        ref={containerRef}
        className={`w-full overflow-hidden ${PALETTE_CLASSES}`}
        style={{ height }}
        role="img"
        aria-label={`How long each ping waited for the main process over the last ${windowSeconds} seconds; a line marks 50 ms`}
      />
    </div>
  );
}
