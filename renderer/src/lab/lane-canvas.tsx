import { useEffect, useRef } from 'react';
import type { LaneSnapshot } from '../../../shared/lab/lab-memory';
import { findWaitCycle, type WaitEdge } from '../../../shared/lab/wait-for-graph';
import { laneColor } from '../ui/lane-colors';
import { laneCaption, LaneState, laneState, type LaneStateCode } from './lane-states';
import type { LiveRound } from './use-lab-run';

const WAIT_COLOR = '#e11d48';

/** Sizes of the drawing: text ≥ 14 px on a screen, ≥ 20 px on a projector (presenter mode). */
interface LaneMetrics {
  readonly fontPx: number;
  readonly labelW: number;
  readonly rowH: number;
  readonly rowGap: number;
  readonly axisH: number;
}

const NORMAL: LaneMetrics = { fontPx: 14, labelW: 200, rowH: 40, rowGap: 8, axisH: 22 };
const PRESENTER: LaneMetrics = { fontPx: 20, labelW: 260, rowH: 48, rowGap: 8, axisH: 28 };

const heightOf = (lanes: number, m: LaneMetrics) => lanes * (m.rowH + m.rowGap) + m.axisH;

interface Sample {
  readonly t: number;
  readonly states: LaneStateCode[];
}

interface Props {
  readonly live: React.RefObject<LiveRound>;
  readonly lanes: number;
  readonly lockNames: readonly string[];
  readonly minSpanMs: number;
  readonly running: boolean;
  readonly dark: boolean;
  /** Projector type (20 px labels), as the workshop's presenter mode asks. */
  readonly presenter?: boolean;
  /**
   * Follow only the rounds of this variant: one canvas per variant keeps its own run on screen
   * while the next variant runs (the workshop shows the broken and the fixed case side by side).
   */
  readonly variantId?: string;
  /** Called once per round, the first time the lanes form a wait-for cycle. */
  readonly onCycle?: (cycle: WaitEdge[], afterMs: number) => void;
}

/**
 * The workers' lanes over time, drawn on a canvas from the run's shared memory once a frame —
 * no message and no React update per lock operation. Each row is a worker: faded while it runs,
 * solid while it holds a lock, red stripes while it waits.
 */
export function LaneCanvas({
  live,
  lanes,
  lockNames,
  minSpanMs,
  running,
  dark,
  presenter = false,
  variantId,
  onCycle,
}: Props) {
  const metrics = presenter ? PRESENTER : NORMAL;
  const canvas = useRef<HTMLCanvasElement>(null);
  const samples = useRef<Sample[]>([]);
  const serial = useRef(-1);
  const cycleSeen = useRef(false);
  const latest = useRef<LaneSnapshot[]>([]);
  /** The last round this canvas followed. */
  const own = useRef<LiveRound['run']>(null);
  const onCycleRef = useRef(onCycle);
  onCycleRef.current = onCycle;

  useEffect(() => {
    let frame = 0;
    const tick = () => {
      const round = live.current;
      // Another variant's round (or, once stopped, any later round) is not this canvas's to draw.
      const mine = variantId === undefined || round.variantId === variantId;
      if (!mine || (!running && round.serial !== serial.current)) {
        // Its own round's memory outlives the round: its final states (released, done) still read.
        if (own.current) latest.current = own.current.memory.board.snapshot();
        draw(canvas.current, samples.current, latest.current, { lanes, lockNames, minSpanMs, dark, metrics });
        if (running) frame = requestAnimationFrame(tick);
        return;
      }
      if (round.serial !== serial.current) {
        serial.current = round.serial;
        samples.current = [];
        cycleSeen.current = false;
      }
      if (round.run) {
        own.current = round.run;
        const snapshot = round.run.memory.board.snapshot();
        latest.current = snapshot;
        const t = performance.now() - round.startedAt;
        if (running) samples.current.push({ t, states: snapshot.map(laneState) });
        if (running && !cycleSeen.current && onCycleRef.current) {
          const cycle = findWaitCycle(snapshot, lockNames.length);
          if (cycle) {
            cycleSeen.current = true;
            onCycleRef.current(cycle, t);
          }
        }
      }
      draw(canvas.current, samples.current, latest.current, { lanes, lockNames, minSpanMs, dark, metrics });
      if (running) frame = requestAnimationFrame(tick);
    };
    tick();
    return () => cancelAnimationFrame(frame);
  }, [live, lanes, lockNames, minSpanMs, running, dark, metrics, variantId]);

  useEffect(() => {
    // Redraw at the new size; the samples survive.
    const el = canvas.current;
    if (!el) return;
    const observer = new ResizeObserver(() =>
      draw(el, samples.current, latest.current, { lanes, lockNames, minSpanMs, dark, metrics }),
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [lanes, lockNames, minSpanMs, dark, metrics]);

  const height = heightOf(lanes, metrics);
  return (
    <canvas
      ref={canvas}
      data-testid="lab-lanes"
      role="img"
      aria-label={`${lanes} worker lanes over time: faded while running, solid while holding a lock, striped red while waiting`}
      className="block w-full"
      style={{ height }}
      // The smallest text drawn on the canvas, in CSS px: what e2e/presenter-type.e2e.test.ts reads.
      data-canvas-font-px={metrics.fontPx}
    />
  );
}

interface DrawOptions {
  readonly lanes: number;
  readonly lockNames: readonly string[];
  readonly minSpanMs: number;
  readonly dark: boolean;
  readonly metrics: LaneMetrics;
}

function draw(
  el: HTMLCanvasElement | null,
  samples: readonly Sample[],
  latest: readonly LaneSnapshot[],
  o: DrawOptions,
): void {
  if (!el) return;
  const dpr = window.devicePixelRatio || 1;
  const width = el.clientWidth;
  const m = o.metrics;
  const height = heightOf(o.lanes, m);
  if (el.width !== Math.round(width * dpr) || el.height !== Math.round(height * dpr)) {
    el.width = Math.round(width * dpr);
    el.height = Math.round(height * dpr);
  }
  const ctx = el.getContext('2d');
  if (!ctx) return;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, width, height);
  const text = o.dark ? '#e2e8f0' : '#0f172a';
  const muted = o.dark ? '#94a3b8' : '#64748b';
  const track = o.dark ? '#1e293b' : '#f1f5f9';
  const plotW = Math.max(10, width - m.labelW);
  const lastT = samples.at(-1)?.t ?? 0;
  const span = Math.max(o.minSpanMs, lastT * 1.1);
  const x = (t: number) => m.labelW + (t / span) * plotW;
  const stripes = stripePattern(ctx);

  for (let lane = 0; lane < o.lanes; lane++) {
    const y = lane * (m.rowH + m.rowGap);
    const color = laneColor(lane, false);
    // "Running" is the lane colour faded into the track: opaque, so overlapping samples show no seams.
    const pale = mix(color, track, 0.4);
    ctx.fillStyle = track;
    ctx.fillRect(m.labelW, y, plotW, m.rowH);
    for (let i = 0; i < samples.length; i++) {
      const s = samples[i];
      if (!s) continue;
      const next = samples[i + 1]?.t ?? s.t + 16;
      const state = s.states[lane] ?? LaneState.idle;
      const style = fillFor(state, state === LaneState.running ? pale : color, stripes, o.dark);
      if (!style) continue;
      ctx.fillStyle = style;
      // Whole pixels, so neighbouring samples meet without hairline seams.
      const x0 = Math.floor(x(s.t));
      ctx.fillRect(x0, y, Math.max(1, Math.ceil(x(next)) - x0), m.rowH);
    }
    // Label: the worker, and what it is doing now.
    ctx.fillStyle = color;
    ctx.fillRect(0, y + 6, 6, m.rowH - 12);
    ctx.fillStyle = text;
    ctx.font = `600 ${m.fontPx}px ui-sans-serif, system-ui, sans-serif`;
    ctx.textBaseline = 'top';
    ctx.fillText(`Worker ${lane + 1}`, 12, y + 1);
    const now = latest[lane];
    ctx.fillStyle = now && laneState(now) === LaneState.waiting ? WAIT_COLOR : muted;
    ctx.font = `${m.fontPx}px ui-sans-serif, system-ui, sans-serif`;
    // Squeezed to the label column rather than cut: fillText's maxWidth narrows the glyphs.
    ctx.fillText(now ? laneCaption(now, o.lockNames) : 'not started', 12, y + m.fontPx + 4, m.labelW - 16);
  }
  // Time axis.
  const axisY = o.lanes * (m.rowH + m.rowGap);
  ctx.fillStyle = muted;
  ctx.font = `${m.fontPx}px ui-sans-serif, system-ui, sans-serif`;
  ctx.textBaseline = 'top';
  // As many ticks as fit side by side: a label is about five characters of this size, plus a gap.
  const step = tickStep(span, Math.max(2, Math.floor(plotW / (m.fontPx * 4.5))));
  for (let t = 0; t <= span; t += step) {
    const label = span >= 2000 ? `${(t / 1000).toFixed(step >= 1000 ? 0 : 1)} s` : `${Math.round(t)} ms`;
    const w = ctx.measureText(label).width;
    ctx.fillText(label, Math.min(width - w, Math.max(m.labelW, x(t) - w / 2)), axisY + 3);
  }
}

/** `a` over `b` at `share` opacity, as an opaque hex colour. */
function mix(a: string, b: string, share: number): string {
  const channel = (hex: string, i: number) => parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16);
  const out = [0, 1, 2].map((i) => Math.round(channel(a, i) * share + channel(b, i) * (1 - share)));
  return `#${out.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}

/** A round tick spacing (1, 2 or 5 × 10ⁿ ms) that gives at most `maxTicks` ticks (and never more than six). */
function tickStep(span: number, maxTicks: number): number {
  const rough = span / Math.min(5, maxTicks - 1);
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  for (const m of [1, 2, 5, 10]) if (m * magnitude >= rough) return m * magnitude;
  return 10 * magnitude;
}

function fillFor(
  state: LaneStateCode,
  color: string,
  stripes: CanvasPattern | null,
  dark: boolean,
): string | CanvasPattern | null {
  switch (state) {
    case LaneState.running:
    case LaneState.holding:
      return color;
    case LaneState.waiting:
      return stripes ?? WAIT_COLOR;
    case LaneState.failed:
      return WAIT_COLOR;
    case LaneState.done:
      return dark ? '#334155' : '#cbd5e1';
    default:
      return null;
  }
}

let stripeTile: HTMLCanvasElement | null = null;

function stripePattern(ctx: CanvasRenderingContext2D): CanvasPattern | null {
  if (!stripeTile) {
    stripeTile = document.createElement('canvas');
    stripeTile.width = stripeTile.height = 8;
    const c = stripeTile.getContext('2d');
    if (!c) return null;
    c.fillStyle = '#fecdd3';
    c.fillRect(0, 0, 8, 8);
    c.strokeStyle = WAIT_COLOR;
    c.lineWidth = 3;
    c.beginPath();
    c.moveTo(-2, 10);
    c.lineTo(10, -2);
    c.moveTo(6, 10);
    c.lineTo(10, 6);
    c.moveTo(-2, 2);
    c.lineTo(2, -2);
    c.stroke();
  }
  return ctx.createPattern(stripeTile, 'repeat');
}

/** The legend under the lanes (plain DOM: it never changes). */
export function LaneLegend({ presenter = false }: { readonly presenter?: boolean }) {
  const item = (swatch: React.ReactNode, label: string) => (
    <span className="inline-flex items-center gap-1.5">
      {swatch}
      {label}
    </span>
  );
  return (
    <p
      className={`flex flex-wrap gap-x-4 gap-y-1 text-slate-600 dark:text-slate-300 ${presenter ? 'text-xl' : 'text-sm'}`}
    >
      {item(<span className="inline-block h-3 w-5 rounded-sm bg-sky-500/40" aria-hidden />, 'running')}
      {item(<span className="inline-block h-3 w-5 rounded-sm bg-sky-500" aria-hidden />, 'holding a lock')}
      {item(
        <span
          className="inline-block h-3 w-5 rounded-sm bg-[repeating-linear-gradient(135deg,#e11d48_0_3px,#fecdd3_3px_6px)]"
          aria-hidden
        />,
        'waiting',
      )}
      {item(<span className="inline-block h-3 w-5 rounded-sm bg-slate-300 dark:bg-slate-700" aria-hidden />, 'done')}
    </p>
  );
}
