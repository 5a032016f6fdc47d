import type { FileView, Segment } from './download-batch';

export interface TimelineColors {
  readonly connecting: string;
  readonly transferring: string;
  readonly retrying: string;
  readonly failed: string;
  readonly text: string;
  readonly grid: string;
}

export const LIGHT_COLORS: TimelineColors = {
  connecting: '#94a3b8',
  transferring: '#0ea5e9',
  retrying: '#f59e0b',
  failed: '#e11d48',
  text: '#334155',
  grid: '#e2e8f0',
};

export const DARK_COLORS: TimelineColors = {
  connecting: '#64748b',
  transferring: '#38bdf8',
  retrying: '#fbbf24',
  failed: '#fb7185',
  text: '#cbd5e1',
  grid: '#1e293b',
};

/** Rows show names only when there is room for them. */
const LABELED_ROWS = 12;
const AXIS_PX = 22;

export interface TimelineLayout {
  readonly rowPx: number;
  readonly labelPx: number;
  readonly heightPx: number;
}

/** Px size of the timeline's text: ≥ 14 on a screen (compact), 20 on a projector (presenter mode). */
export function timelineFontPx(compact: boolean): number {
  return compact ? 14 : 20;
}

export function timelineLayout(rows: number, compact: boolean): TimelineLayout {
  // Beyond 240 files lanes share pixels: the chart becomes a density of busy files over time.
  const rowPx =
    rows <= LABELED_ROWS ? (compact ? 22 : 28) : rows <= 240 ? Math.min(12, Math.floor(240 / rows)) : 240 / rows;
  return { rowPx, labelPx: rows <= LABELED_ROWS ? (compact ? 90 : 120) : 0, heightPx: rows * rowPx + AXIS_PX };
}

/** A tick step (seconds) that gives 4 to 10 ticks over `spanS`. */
export function tickStep(spanS: number): number {
  for (const step of [0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 30, 60, 120, 300]) if (spanS / step <= 10) return step;
  return 600;
}

/**
 * Draws one lane per file: grey while connecting, blue while bytes flow, amber while backing off
 * before a retry. Time runs left to right from the batch's start, so a staircase means one after
 * another and a stack of bars means at the same time.
 */
export function drawTimeline(
  ctx: CanvasRenderingContext2D,
  width: number,
  files: readonly FileView[],
  startedAt: number | null,
  until: number,
  colors: TimelineColors,
  compact: boolean,
): void {
  const layout = timelineLayout(files.length, compact);
  ctx.clearRect(0, 0, width, layout.heightPx);
  const t0 = startedAt ?? until;
  // At least 3 s on the axis, so a short run does not look stretched.
  const spanMs = Math.max(3000, until - t0);
  const plotX = layout.labelPx;
  const plotW = Math.max(1, width - plotX - 8);
  const x = (t: number) => plotX + ((t - t0) / spanMs) * plotW;

  ctx.font = `${timelineFontPx(compact)}px ui-sans-serif, system-ui, sans-serif`;
  ctx.textBaseline = 'middle';
  const plotH = files.length * layout.rowPx;
  const step = tickStep(spanMs / 1000);
  ctx.fillStyle = colors.text;
  ctx.strokeStyle = colors.grid;
  ctx.lineWidth = 1;
  for (let s = 0; s * 1000 <= spanMs + 1; s += step) {
    const px = Math.round(x(t0 + s * 1000)) + 0.5;
    ctx.beginPath();
    ctx.moveTo(px, 0);
    ctx.lineTo(px, plotH);
    ctx.stroke();
    ctx.textAlign = 'center';
    ctx.fillText(`${Number(s.toFixed(1))} s`, Math.max(14, Math.min(px, width - 18)), plotH + AXIS_PX / 2 + 2);
  }

  const gap = layout.rowPx >= 6 ? Math.max(1, Math.round(layout.rowPx * 0.18)) : 0;
  files.forEach((f, row) => {
    const y = row * layout.rowPx;
    if (layout.labelPx > 0) {
      ctx.fillStyle = colors.text;
      ctx.textAlign = 'left';
      ctx.fillText(ellipsis(ctx, f.file.name, layout.labelPx - 8), 0, y + layout.rowPx / 2);
    }
    for (const seg of f.segments) {
      ctx.fillStyle = colorOf(seg, colors);
      const from = x(seg.from);
      const to = x(seg.to ?? until);
      ctx.fillRect(from, y + gap, Math.max(1, to - from), layout.rowPx - 2 * gap);
    }
    if (f.result?.status === 'failed' || (f.last?.state === 'failed' && f.segments.length > 0)) {
      const end = f.segments.at(-1)?.to ?? until;
      ctx.fillStyle = colors.failed;
      ctx.fillRect(x(end) - 2, y, 3, layout.rowPx);
    }
  });
}

function colorOf(seg: Segment, colors: TimelineColors): string {
  return seg.state === 'connecting'
    ? colors.connecting
    : seg.state === 'retrying'
      ? colors.retrying
      : colors.transferring;
}

function ellipsis(ctx: CanvasRenderingContext2D, text: string, max: number): string {
  if (ctx.measureText(text).width <= max) return text;
  let t = text;
  while (t.length > 1 && ctx.measureText(`${t}…`).width > max) t = t.slice(0, -1);
  return `${t}…`;
}
