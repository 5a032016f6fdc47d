import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { DownloadBatch } from './download-batch';
import { DARK_COLORS, drawTimeline, LIGHT_COLORS, timelineFontPx, timelineLayout } from './timeline-draw';
import { formatInSeconds } from '../../../shared/format/format-duration';

/** Redraws at most this often while a batch runs: a timeline needs no 60 fps. */
const REDRAW_MS = 66;

/** The lanes timeline (a Gantt chart on canvas): when each file was on the wire. */
export function TimelineCanvas({
  batch,
  dark,
  compact = false,
}: {
  readonly batch: DownloadBatch;
  readonly dark: boolean;
  readonly compact?: boolean;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const snapshot = useSyncExternalStore(batch.subscribe, batch.getSnapshot);
  const layout = timelineLayout(snapshot.files.length, compact);
  const running = snapshot.busy;

  useEffect(() => {
    const el = canvas.current;
    if (!el) return;
    const draw = () => {
      const ratio = window.devicePixelRatio || 1;
      const width = el.clientWidth;
      if (el.width !== Math.round(width * ratio) || el.height !== Math.round(layout.heightPx * ratio)) {
        el.width = Math.round(width * ratio);
        el.height = Math.round(layout.heightPx * ratio);
      }
      const ctx = el.getContext('2d');
      if (!ctx) return;
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      const s = batch.getSnapshot();
      const until = s.endedAt !== null && !running ? s.endedAt : performance.now();
      drawTimeline(
        ctx,
        width,
        s.files,
        s.startedAt,
        s.status === 'paused' ? (lastEnd(s.files) ?? until) : until,
        dark ? DARK_COLORS : LIGHT_COLORS,
        compact,
      );
    };
    draw();
    if (!running) return;
    let last = -Infinity;
    let frame = requestAnimationFrame(function tick(t) {
      if (t - last >= REDRAW_MS) {
        last = t;
        draw();
      }
      frame = requestAnimationFrame(tick);
    });
    return () => cancelAnimationFrame(frame);
  }, [batch, snapshot, running, dark, compact, layout.heightPx]);

  return (
    <canvas
      ref={canvas}
      data-testid="download-timeline"
      role="img"
      aria-label={timelineLabel(snapshot.files.length, snapshot.startedAt, snapshot.endedAt)}
      style={{ height: layout.heightPx }}
      className="block w-full"
      data-canvas-font-px={timelineFontPx(compact)}
    />
  );
}

function lastEnd(files: ReturnType<DownloadBatch['getSnapshot']>['files']): number | null {
  let end: number | null = null;
  for (const f of files) for (const s of f.segments) if (s.to !== null && (end === null || s.to > end)) end = s.to;
  return end;
}

function timelineLabel(files: number, startedAt: number | null, endedAt: number | null): string {
  const span =
    startedAt !== null && endedAt !== null
      ? `, ${formatInSeconds(endedAt - startedAt)} from first start to last end`
      : '';
  return `Timeline of ${files} download${files === 1 ? '' : 's'}: one lane per file, time from left to right${span}.`;
}
