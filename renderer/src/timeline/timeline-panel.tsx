import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { observedCount, startPageRecording } from './page-recorder';
import { pageClock, pageTrace } from './page-trace';
import { lastTracedRun, liveRun, onTracedRun } from './run-tracer';
import { CANVAS_SETTINGS, drawTimeline, hitAt, metrics, type TimelineLayout } from './timeline-draw';
import { keyToWindow, liveWindow, pan, runWindow, zoom, ZOOM_STEP, type TimeWindow } from './timeline-view';
import { ChromiumTraceButton } from './chromium-trace-button';
import { liveTick } from '../meters/live-tick';
import { ExportTraceButton } from './export-trace-button';

const FRAME = [
  'relative overflow-hidden rounded-xl border border-slate-200 dark:border-slate-700',
  'focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-sky-500',
].join(' ');
const TIP = [
  'pointer-events-none absolute z-10 max-w-md rounded-lg bg-slate-900 px-3 py-2 text-base text-white shadow-lg',
  'dark:bg-slate-100 dark:text-slate-900',
].join(' ');

/**
 * Live, the timeline is drawn on the Playground's live tick (15 Hz at 60 Hz), in the frames that
 * repaint the chart and the clock anyway. On its own 15 Hz loop it drew in frames of its own, and
 * without a GPU the compositor redraws the one box around everything that changed in a frame:
 * spinners and timeline together are most of the screen, so each such frame cost a screen's
 * redraw. At least this far apart: on a 120 Hz display the tick comes every 33 ms.
 */
const LIVE_DRAW_MS = 50;

function onThemeChange(listener: () => void): () => void {
  const observer = new MutationObserver(listener);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => observer.disconnect();
}

interface Props {
  /** Without it, the panel follows the page's theme (`data-theme` on <html>, renderer/src/ui/theme.ts). */
  readonly dark?: boolean;
  readonly presenter?: boolean;
  readonly title?: string;
  /**
   * Epoch ms (pageClock) from which the view after a run starts, to show several runs side by side
   * (the workshop's "See it all at once"); without it, the latest run fills the view.
   */
  readonly since?: number | null;
}

/**
 * Every thread of the page (and its workers) on one timeline: drawn live during a run, then
 * zoomable (wheel, +/−), pannable (drag, ←/→) and hoverable. Drawn imperatively on a canvas,
 * outside React state, so drawing it does not become the load it measures (timeline-draw.ts).
 */
export function TimelinePanel({
  dark: darkProp,
  presenter = false,
  title = 'Timeline: every thread of this run',
  since = null,
}: Props) {
  const pageDark = useSyncExternalStore(onThemeChange, () => document.documentElement.dataset.theme === 'dark');
  const dark = darkProp ?? pageDark;
  const wrap = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const view = useRef<TimeWindow | null>(null);
  const layout = useRef<TimelineLayout | null>(null);
  const [tip, setTip] = useState<{ text: string; x: number; y: number } | null>(null);
  const run = useSyncExternalStore(onTracedRun, lastTracedRun);
  const live = useSyncExternalStore(onTracedRun, liveRun);
  const style = useRef({ dark, presenter });
  style.current = { dark, presenter };
  const redraw = useRef<() => void>(() => {});

  useEffect(() => startPageRecording(), []);

  useEffect(() => {
    const el = canvas.current;
    const box = wrap.current;
    const ctx = el?.getContext('2d', CANVAS_SETTINGS);
    if (!el || !box || !ctx) return;
    let drawnVersion = -1;
    let width = box.clientWidth;
    const draw = () => {
      const w = view.current;
      if (!w) return;
      const ratio = window.devicePixelRatio || 1;
      const origin = liveRun()?.startMs ?? lastTracedRun()?.startMs ?? w.fromMs;
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      const result = drawTimeline(ctx, pageTrace, { ...w, originMs: origin, width }, style.current);
      layout.current = result;
      if (Math.round(el.height / ratio) !== result.height || Math.round(el.width / ratio) !== width) {
        // The lanes changed (a worker joined) or the panel was resized: size the canvas and draw again.
        el.width = Math.round(width * ratio);
        el.height = Math.round(result.height * ratio);
        el.style.height = `${result.height}px`;
        ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
        layout.current = drawTimeline(ctx, pageTrace, { ...w, originMs: origin, width }, style.current);
      }
    };
    redraw.current = draw;
    // Live: follow the run on the live tick, and only when something new was recorded: the page's
    // thread is what the timeline measures.
    let drawnAt = -Infinity;
    let drawnObserved = observedCount();
    // Off screen, a live timeline is not drawn at all (measured: drawing it costs the page frames).
    let onScreen = true;
    const seen = new IntersectionObserver((entries) => {
      onScreen = entries.some((e) => e.isIntersecting);
    });
    seen.observe(box);
    const tick = (frameTime: number) => {
      const running = liveRun();
      // After a run, only what PerformanceObserver reports late (the freeze's long animation
      // frame, input) is drawn: frames are recorded always, and would redraw it every frame.
      const changed = running ? pageTrace.version !== drawnVersion : observedCount() !== drawnObserved;
      if (changed && onScreen && frameTime - drawnAt >= LIVE_DRAW_MS) {
        drawnVersion = pageTrace.version;
        drawnObserved = observedCount();
        drawnAt = frameTime;
        if (running) view.current = liveWindow(running.startMs, pageClock());
        draw();
      }
    };
    const stopTicks = liveTick.subscribe(tick);
    const resize = new ResizeObserver(() => {
      width = box.clientWidth;
      draw();
    });
    resize.observe(box);
    // Wheel zoom needs a listener that may cancel the page's scroll.
    const wheel = (e: WheelEvent) => {
      if (!view.current || liveRun()) return;
      e.preventDefault();
      const gutter = layout.current?.gutter ?? 0;
      const share = (e.offsetX - gutter) / Math.max(1, width - gutter);
      view.current = zoom(view.current, e.deltaY < 0 ? ZOOM_STEP : 1 / ZOOM_STEP, share);
      draw();
    };
    el.addEventListener('wheel', wheel, { passive: false });
    return () => {
      stopTicks();
      seen.disconnect();
      resize.disconnect();
      el.removeEventListener('wheel', wheel);
    };
  }, []);

  // After a run: the whole run in view; on a theme or presenter change: the same view, redrawn.
  useEffect(() => {
    if (run && !live) {
      view.current = runWindow(since ?? run.startMs, run.endMs);
      redraw.current();
    }
  }, [run, live, since]);
  useEffect(() => redraw.current(), [dark, presenter]);

  const drag = useRef<{ x: number; window: TimeWindow } | null>(null);
  const plotMsPerPx = () => {
    const w = view.current;
    const width = wrap.current?.clientWidth ?? 1;
    const gutter = layout.current?.gutter ?? 0;
    return w ? (w.toMs - w.fromMs) / Math.max(1, width - gutter) : 0;
  };

  return (
    <section aria-label={title} className="space-y-2">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 className={presenter ? 'text-2xl font-semibold' : 'text-lg font-semibold'}>{title}</h2>
        {/* Presenter mode: the buttons' text at 20 px too, for the back row. */}
        <span className={`flex flex-wrap items-center gap-3 ${presenter ? '[&_button]:text-xl' : ''}`}>
          <ChromiumTraceButton />
          <ExportTraceButton />
        </span>
      </div>
      <div
        ref={wrap}
        className={FRAME}
        tabIndex={0}
        role="img"
        aria-label={
          run
            ? `Timeline of the ${run.place} run: zoom with + and −, pan with the arrow keys, 0 shows the whole run`
            : 'Timeline: start a run to see every thread'
        }
        data-testid="timeline"
        onKeyDown={(e) => {
          if (!view.current || !run || live) return;
          const next = keyToWindow(view.current, e.key, runWindow(since ?? run.startMs, run.endMs));
          if (!next) return;
          e.preventDefault();
          view.current = next;
          redraw.current();
        }}
        onPointerDown={(e) => {
          if (!view.current || live) return;
          drag.current = { x: e.clientX, window: view.current };
          e.currentTarget.setPointerCapture(e.pointerId);
        }}
        onPointerUp={() => (drag.current = null)}
        onPointerLeave={() => setTip(null)}
        onPointerMove={(e) => {
          const box = e.currentTarget.getBoundingClientRect();
          const x = e.clientX - box.left;
          const y = e.clientY - box.top;
          if (drag.current) {
            view.current = pan(drag.current.window, -(e.clientX - drag.current.x) * plotMsPerPx());
            redraw.current();
            return;
          }
          const h = layout.current ? hitAt(layout.current, x, y) : null;
          setTip(h ? { text: h.text, x: Math.min(x + 12, box.width - 260), y: y + 16 } : null);
        }}
      >
        {/* The label size drawn (timeline-draw.ts metrics), for e2e/presenter-type.e2e.test.ts. */}
        <canvas
          ref={canvas}
          className="block w-full"
          style={{ height: 0 }}
          data-canvas-font-px={metrics(presenter).font}
        />
        {!run && !live && (
          <p className="p-4 text-base text-slate-500 dark:text-slate-400">
            Start a run: the page’s thread, every worker and the messages between them appear here.
          </p>
        )}
        {tip && (
          <div className={TIP} style={{ left: tip.x, top: tip.y }} role="status">
            {tip.text}
          </div>
        )}
      </div>
      <p className={`${presenter ? 'text-xl' : 'text-sm'} text-slate-600 dark:text-slate-400`}>
        Ticks are the page’s frames: a gap is a freeze. Bars are work, in each worker’s colour; lines are messages.
      </p>
    </section>
  );
}
