import type {
  FlowRecord,
  InstantRecord,
  SpanRecord,
  TraceRecord,
  TrackInfo,
} from '../../../shared/trace/trace-records';
import { laneColor, PAGE_THREAD_COLOR } from '../ui/lane-colors';
import { PixelRuns } from './pixel-runs';

/**
 * The timeline, drawn imperatively on a 2D canvas (pure: any object with these members draws it;
 * the test passes a recording fake). One swimlane per thread or process: the page's main thread
 * first (its frames as ticks, so a freeze is a hole; its long animation frames as red blocks; the
 * run; input markers with their delay), then each worker (its job as a band, its chunks as bars
 * in the tile colours), and messages as lines between lanes. One pass over the records, nothing
 * drawn that is off screen, touching bars drawn as one (pixel-runs.ts): ≤ 2 ms a frame for 8 lanes
 * and 10 s, raster included (the bench's timeline section).
 */

/**
 * How the panel and the bench open the canvas. Opaque: the drawing fills every pixel, and an
 * opaque canvas needs no blending with the page behind it when it is composited.
 */
export const CANVAS_SETTINGS: CanvasRenderingContext2DSettings = { alpha: false };

export interface Canvas2D {
  fillStyle: string | CanvasGradient | CanvasPattern;
  strokeStyle: string | CanvasGradient | CanvasPattern;
  font: string;
  lineWidth: number;
  globalAlpha: number;
  textBaseline: CanvasTextBaseline;
  textAlign: CanvasTextAlign;
  fillRect(x: number, y: number, w: number, h: number): void;
  fillText(text: string, x: number, y: number): void;
  beginPath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  stroke(): void;
}

/** What the drawing reads: a TraceRecorder, or a snapshot wrapped the same way. */
export interface TimelineSource {
  trackList(): readonly TrackInfo[];
  forEach(visit: (record: TraceRecord) => void): void;
}

export interface Viewport {
  /** Epoch ms at the left and right edge of the plot. */
  readonly fromMs: number;
  readonly toMs: number;
  /** Where 0 s is on the axis: the run's start. */
  readonly originMs: number;
  /** CSS pixels. */
  readonly width: number;
}

export interface TimelineStyle {
  readonly dark: boolean;
  readonly presenter: boolean;
}

export interface Hit {
  readonly x0: number;
  readonly x1: number;
  readonly y0: number;
  readonly y1: number;
  readonly text: string;
}

export interface TimelineLayout {
  readonly lanes: readonly { readonly key: string; readonly label: string; readonly y: number }[];
  readonly height: number;
  readonly gutter: number;
  readonly hits: readonly Hit[];
}

/** Label sizes a back row can read: 14 px at a desk, 20 px in presenter mode. */
export function metrics(presenter: boolean) {
  return presenter
    ? { font: 20, laneHeight: 72, gutter: 250, axis: 36, pad: 8 }
    : { font: 14, laneHeight: 52, gutter: 180, axis: 28, pad: 6 };
}

/** A gap between frames this long is labelled: a freeze a person notices. */
export const FREEZE_LABEL_MS = 100;
const LONG_FRAMES_THREAD = 'Long animation frames';
/** Messages drawn at most, newest first, and at least this far apart per sender: more is noise. */
const MAX_ARROWS = 160;
const ARROW_SPACING_PX = 8;
const MAX_HITS = 2000;

function colors(dark: boolean) {
  return dark
    ? {
        bg: '#0f172a',
        text: '#e2e8f0',
        muted: '#94a3b8',
        grid: '#1e293b',
        arrow: '#cbd5e1',
        freeze: '#fb7185',
        input: '#fbbf24',
      }
    : {
        bg: '#ffffff',
        text: '#0f172a',
        muted: '#475569',
        grid: '#e2e8f0',
        arrow: '#334155',
        freeze: '#be123c',
        input: '#b45309',
      };
}

/** Tracks become lanes: long frames join their process's main thread; empty tracks are left out. */
function laneKey(t: TrackInfo): string {
  return `${t.process}\u0000${t.thread === LONG_FRAMES_THREAD ? 'Main thread' : t.thread}`;
}

/** `a` over `b` at opacity `share`, as an opaque #rrggbb (both #rrggbb). */
export function mix(a: string, b: string, share: number): string {
  const channel = (hex: string, i: number) => parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16);
  let out = '#';
  for (let i = 0; i < 3; i++) {
    const v = Math.round(channel(a, i) * share + channel(b, i) * (1 - share));
    out += v.toString(16).padStart(2, '0');
  }
  return out;
}

function formatMs(ms: number): string {
  if (ms >= 1000) return `${(ms / 1000).toFixed(ms >= 10_000 ? 0 : 1)} s`;
  return `${Math.round(ms)} ms`;
}

/** A round tick step giving about one label every 120 px. */
function tickStep(spanMs: number, plotWidth: number): number {
  const raw = (spanMs * 120) / Math.max(1, plotWidth);
  const pow = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (raw <= m * pow) return m * pow;
  return 10 * pow;
}

export function drawTimeline(
  ctx: Canvas2D,
  source: TimelineSource,
  view: Viewport,
  style: TimelineStyle,
): TimelineLayout {
  const m = metrics(style.presenter);
  const c = colors(style.dark);
  const tracks = source.trackList();
  const plotW = Math.max(1, view.width - m.gutter);
  const span = Math.max(1e-3, view.toMs - view.fromMs);
  const xOf = (ms: number) => m.gutter + ((ms - view.fromMs) / span) * plotW;

  // Pass 1: which lanes exist, and what is visible, sorted by kind (and chunks, most records, by
  // track) here, so each later pass reads only its own records, once.
  const usedTrack = new Uint8Array(tracks.length);
  const spans: SpanRecord[] = [];
  const flows: FlowRecord[] = [];
  const inputs: InstantRecord[] = [];
  const framesOf: number[][] = tracks.map(() => []);
  const barsOf: { startMs: number; endMs: number }[][] = tracks.map(() => []);
  source.forEach((r) => {
    if (r.kind === 'flow') {
      usedTrack[r.fromTrack] = 1;
      usedTrack[r.toTrack] = 1;
      if (r.receivedMs >= view.fromMs && r.sentMs <= view.toMs) flows.push(r);
      return;
    }
    usedTrack[r.track] = 1;
    const start = r.kind === 'span' ? r.startMs : r.atMs;
    const end = r.kind === 'span' ? r.endMs : r.atMs;
    // Frames just outside the window are kept: a hole that starts off screen is still a hole.
    const margin = r.kind === 'instant' && r.cat === 'frame' ? span : 0;
    if (end < view.fromMs - margin || start > view.toMs + margin) return;
    if (r.kind === 'span') {
      if (r.cat !== 'job' && r.cat !== 'loaf' && r.cat !== 'run') barsOf[r.track]?.push(r);
      else spans.push(r);
    } else if (r.kind === 'instant') {
      if (r.cat === 'frame') framesOf[r.track]?.push(r.atMs);
      else if (r.cat === 'input') inputs.push(r);
    }
  });
  const laneOfTrack = new Int16Array(tracks.length).fill(-1);
  const lanes: { key: string; label: string; sub: string; y: number; lane: number | null }[] = [];
  const order = tracks
    .map((t, i) => ({ t, i }))
    .filter(({ i }) => usedTrack[i])
    // By process, then main thread first and workers in lane order (tids follow first use).
    .sort((a, b) => a.t.pid - b.t.pid || (a.t.lane ?? -1) - (b.t.lane ?? -1) || a.t.tid - b.t.tid);
  for (const { t, i } of order) {
    const key = laneKey(t);
    let index = lanes.findIndex((l) => l.key === key);
    if (index < 0) {
      index = lanes.length;
      const thread = t.thread === LONG_FRAMES_THREAD ? 'Main thread' : t.thread;
      lanes.push({ key, label: thread, sub: t.process, y: index * m.laneHeight, lane: t.lane });
    }
    laneOfTrack[i] = index;
  }
  const height = lanes.length * m.laneHeight + m.axis;

  ctx.globalAlpha = 1;
  ctx.fillStyle = c.bg;
  ctx.fillRect(0, 0, view.width, height);
  // Large areas are filled opaque, with colours mixed here: blending them costs raster time.
  ctx.fillStyle = mix(c.grid, c.bg, 0.5);
  lanes.forEach((l, i) => {
    if (i % 2 === 1) ctx.fillRect(0, l.y, view.width, m.laneHeight);
  });

  const hits: Hit[] = [];
  const hit = (h: Hit) => {
    if (hits.length < MAX_HITS) hits.push(h);
  };
  const laneY = (track: number) => lanes[laneOfTrack[track] ?? -1]?.y ?? -1;
  const colorOf = (track: number) => {
    const t = tracks[track];
    return t && t.lane !== null ? laneColor(t.lane, false) : PAGE_THREAD_COLOR;
  };
  const clampX = (x: number) => Math.min(view.width, Math.max(m.gutter, x));

  // Pass 2, back to front: job bands, long frames, runs; then chunks and slices; then frames; then input.
  const frames: number[][] = lanes.map(() => []);
  const band = (track: number, startMs: number, endMs: number, y0: number, h: number) => {
    const x0 = clampX(xOf(startMs));
    const x1 = clampX(xOf(endMs));
    ctx.fillStyle = mix(colorOf(track), c.bg, 0.25);
    ctx.fillRect(x0, y0, Math.max(1, x1 - x0), h);
  };
  const laneTop = (y: number) => y + m.pad;
  const laneH = m.laneHeight - 2 * m.pad;

  for (const r of spans) {
    const y = laneY(r.track);
    if (y < 0) continue;
    const x0 = clampX(xOf(r.startMs));
    const x1 = clampX(xOf(r.endMs));
    if (r.cat === 'job') {
      band(r.track, r.startMs, r.endMs, laneTop(y), laneH);
      hit({ x0, x1, y0: y, y1: y + m.laneHeight, text: `${r.name}: ${formatMs(r.endMs - r.startMs)}` });
    } else if (r.cat === 'loaf') {
      // A long frame whose scripts blocked input for most of it is drawn strong; one that was
      // slow to render (no script to blame) faint.
      const blocking = typeof r.args?.blocking_ms === 'number' ? r.args.blocking_ms : 0;
      ctx.globalAlpha = blocking >= 0.5 * (r.endMs - r.startMs) ? 0.4 : 0.15;
      ctx.fillStyle = PAGE_THREAD_COLOR;
      ctx.fillRect(x0, laneTop(y), Math.max(1, x1 - x0), laneH);
      ctx.globalAlpha = 1;
      const script = r.args?.script_1;
      hit({
        x0,
        x1,
        y0: y,
        y1: y + m.laneHeight,
        text: `Long animation frame: ${formatMs(r.endMs - r.startMs)}${typeof script === 'string' ? ` — ${script}` : ''}`,
      });
    } else if (r.cat === 'run') {
      ctx.fillStyle = c.muted;
      ctx.fillRect(x0, y + m.laneHeight - m.pad - 3, Math.max(1, x1 - x0), 3);
      hit({
        x0,
        x1,
        y0: y + m.laneHeight - m.pad - 6,
        y1: y + m.laneHeight,
        text: `${r.name}: ${formatMs(r.endMs - r.startMs)}`,
      });
    }
  }
  // Chunks and slices: per track, its colour set once, and bars that touch drawn as one fillRect
  // (pixel-runs.ts; plain fillRects are the fast path: one path of thousands of rects rasterizes
  // 10× slower).
  const inner = laneH * 0.5;
  const runs = new PixelRuns(m.gutter, view.width);
  barsOf.forEach((bars, track) => {
    const y = laneY(track);
    if (y < 0 || bars.length === 0) return;
    for (const r of bars) {
      const x0 = clampX(xOf(r.startMs));
      const x1 = clampX(xOf(r.endMs));
      // Wide bars (a zoomed-in view) keep a one-pixel gap between them, so each tile reads as one:
      // their edges are rounded inwards, and the last pixel left out.
      if (x1 - x0 > 4) runs.mark(x0 + 0.5, x1 - 1.5);
      else runs.mark(x0, x1);
    }
    ctx.fillStyle = colorOf(track);
    runs.drain((x, w) => ctx.fillRect(x, laneTop(y) + (laneH - inner) / 2, w, inner));
  });
  framesOf.forEach((times, track) => {
    const lane = frames[laneOfTrack[track] ?? 0];
    for (const t of times) lane?.push(t);
  });
  // Frames: a tick each; a hole longer than FREEZE_LABEL_MS is named.
  ctx.font = `600 ${m.font}px system-ui, sans-serif`;
  ctx.textBaseline = 'middle';
  frames.forEach((times, i) => {
    const l = lanes[i];
    if (!l || times.length === 0) return;
    times.sort((a, b) => a - b);
    ctx.strokeStyle = c.text;
    ctx.lineWidth = 1;
    ctx.beginPath();
    let lastX = -Infinity;
    for (const t of times) {
      const x = xOf(t);
      if (x < m.gutter || x > view.width || x - lastX < 2) continue;
      ctx.moveTo(x, l.y + m.pad);
      ctx.lineTo(x, l.y + m.pad + laneH * 0.3);
      lastX = x;
    }
    ctx.stroke();
    for (let k = 1; k < times.length; k++) {
      const a = times[k - 1] ?? 0;
      const b = times[k] ?? 0;
      if (b - a < FREEZE_LABEL_MS || b < view.fromMs || a > view.toMs) continue;
      const x0 = clampX(xOf(a));
      const x1 = clampX(xOf(b));
      const text = `no frame for ${formatMs(b - a)}`;
      hit({ x0, x1, y0: l.y, y1: l.y + m.laneHeight, text: `Frozen: ${text}` });
      ctx.strokeStyle = c.freeze;
      ctx.lineWidth = 2;
      ctx.beginPath();
      ctx.moveTo(x0, l.y + m.pad + 2);
      ctx.lineTo(x1, l.y + m.pad + 2);
      ctx.stroke();
      if (x1 - x0 > text.length * m.font * 0.55) {
        ctx.fillStyle = c.freeze;
        ctx.textAlign = 'center';
        ctx.fillText(text, (x0 + x1) / 2, l.y + m.pad + laneH * 0.45);
      }
    }
  });

  // Messages: a line from the sender at its sending to the receiver at its arrival (newest kept).
  // Most messages arrive within a pixel's worth of time (a 10 s view is 9 ms a pixel), so their line
  // is vertical: drawn as a one-pixel fillRect, not stroked. Measured (bench, timeline section):
  // stroking 160 anti-aliased lines up to 400 px long was a quarter of the frame's CPU; an
  // axis-aligned rect needs no anti-aliasing. Slanted lines (a zoomed-in view) are stroked.
  ctx.strokeStyle = c.arrow;
  ctx.fillStyle = c.arrow;
  ctx.lineWidth = 1;
  ctx.globalAlpha = 0.45;
  ctx.beginPath();
  let arrows = 0;
  const lastArrowX = new Float64Array(tracks.length).fill(Infinity);
  for (let k = flows.length - 1; k >= 0 && arrows < MAX_ARROWS; k--) {
    const r = flows[k];
    if (!r) continue;
    const sentX = xOf(r.sentMs);
    if ((lastArrowX[r.fromTrack] ?? Infinity) - sentX < ARROW_SPACING_PX) continue;
    lastArrowX[r.fromTrack] = sentX;
    const y0 = laneY(r.fromTrack);
    const y1 = laneY(r.toTrack);
    if (y0 < 0 || y1 < 0) continue;
    const down = y1 > y0;
    const ya = y0 + (down ? m.laneHeight - m.pad : m.pad);
    const yb = y1 + (down ? m.pad : m.laneHeight - m.pad);
    const xa = sentX;
    const xb = xOf(r.receivedMs);
    if (Math.max(xa, xb) < m.gutter || Math.min(xa, xb) > view.width) continue;
    if (Math.abs(xb - xa) < 1) {
      ctx.fillRect(Math.round(clampX(xa) - 0.5), Math.min(ya, yb), 1, Math.abs(yb - ya));
    } else {
      ctx.moveTo(clampX(xa), ya);
      ctx.lineTo(clampX(xb), yb);
    }
    // A small head at the receiving end.
    ctx.moveTo(clampX(xb) - 3, yb + (down ? -4 : 4));
    ctx.lineTo(clampX(xb), yb);
    ctx.lineTo(clampX(xb) + 3, yb + (down ? -4 : 4));
    arrows++;
  }
  ctx.stroke();
  ctx.globalAlpha = 1;

  // Input: a marker where it happened, a line as long as it waited.
  for (const r of inputs) {
    const y = laneY(r.track);
    if (y < 0) continue;
    const delay = typeof r.args?.delay_ms === 'number' ? r.args.delay_ms : 0;
    const x = xOf(r.atMs);
    if (x < m.gutter || x > view.width) continue;
    const top = y + m.laneHeight - m.pad - laneH * 0.35;
    ctx.fillStyle = c.input;
    ctx.fillRect(x - 3, top, 6, laneH * 0.35);
    if (delay > 0) {
      ctx.fillRect(x, top + laneH * 0.15, Math.max(1, clampX(xOf(r.atMs + delay)) - x), 2);
    }
    hit({ x0: x - 5, x1: x + 5, y0: y, y1: y + m.laneHeight, text: `${r.name}: waited ${formatMs(delay)}` });
  }

  // The gutter: lane names (over anything drawn before the plot's edge), then the axis.
  ctx.fillStyle = c.bg;
  ctx.fillRect(0, 0, m.gutter, height);
  ctx.textAlign = 'left';
  lanes.forEach((l) => {
    ctx.fillStyle = l.lane === null ? PAGE_THREAD_COLOR : laneColor(l.lane, false);
    ctx.fillRect(0, l.y + m.pad, 4, laneH);
  });
  // All names, then all processes: the font changes twice, not twice per lane (each change is parsed).
  ctx.fillStyle = c.text;
  ctx.font = `600 ${m.font}px system-ui, sans-serif`;
  for (const l of lanes) ctx.fillText(l.label, 12, l.y + m.laneHeight * 0.36);
  ctx.fillStyle = c.muted;
  ctx.font = `${m.font}px system-ui, sans-serif`;
  for (const l of lanes) ctx.fillText(l.sub, 12, l.y + m.laneHeight * 0.72);
  const axisY = lanes.length * m.laneHeight;
  ctx.fillStyle = c.muted;
  ctx.font = `${m.font}px system-ui, sans-serif`;
  ctx.textAlign = 'center';
  const step = tickStep(span, plotW);
  const first = Math.ceil((view.fromMs - view.originMs) / step) * step;
  for (let t = first; view.originMs + t <= view.toMs; t += step) {
    const x = xOf(view.originMs + t);
    ctx.fillRect(x, axisY, 1, 5);
    ctx.fillText(t === 0 ? '0' : `${t < 0 ? '−' : ''}${formatMs(Math.abs(t))}`, x, axisY + m.axis / 2 + 3);
  }
  return { lanes: lanes.map(({ key, label, y }) => ({ key, label, y })), height, gutter: m.gutter, hits };
}

/** The hit under a point, newest-drawn (topmost) first. */
export function hitAt(layout: TimelineLayout, x: number, y: number): Hit | null {
  for (let i = layout.hits.length - 1; i >= 0; i--) {
    const h = layout.hits[i];
    if (h && x >= h.x0 - 2 && x <= h.x1 + 2 && y >= h.y0 && y <= h.y1) return h;
  }
  return null;
}
