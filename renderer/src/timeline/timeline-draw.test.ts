import { describe, expect, it } from 'vitest';
import { TraceRecorder } from '../../../shared/trace/trace-recorder';
import { laneColor, PAGE_THREAD_COLOR } from '../ui/lane-colors';
import { drawTimeline, hitAt, metrics, type Canvas2D } from './timeline-draw';

/** A 2D context that records what was drawn: rectangles with their colour, and text with its font. */
function fakeContext() {
  const rects: { x: number; y: number; w: number; h: number; color: string; alpha: number }[] = [];
  const texts: { text: string; x: number; y: number; font: string; color: string }[] = [];
  let lines = 0;
  const ctx: Canvas2D = {
    fillStyle: '',
    strokeStyle: '',
    font: '',
    lineWidth: 1,
    globalAlpha: 1,
    textBaseline: 'alphabetic',
    textAlign: 'left',
    fillRect(x, y, w, h) {
      rects.push({ x, y, w, h, color: String(this.fillStyle), alpha: this.globalAlpha });
    },
    fillText(text, x, y) {
      texts.push({ text, x, y, font: this.font, color: String(this.fillStyle) });
    },
    beginPath() {},
    moveTo() {},
    lineTo() {
      lines++;
    },
    stroke() {},
  };
  return { ctx, rects, texts, lines: () => lines };
}

const T0 = 1_700_000_000_000;

/** A renderer-main run: frames every 16 ms, then a hole of 1.2 s, then frames again. */
function frozenRun() {
  const r = new TraceRecorder();
  const page = r.track('Page (renderer)', 'Main thread');
  const loaf = r.track('Page (renderer)', 'Long animation frames');
  for (let t = 0; t <= 200; t += 16) r.instant(page, 'frame', 'frame', T0 + t);
  for (let t = 1400; t <= 1600; t += 16) r.instant(page, 'frame', 'frame', T0 + t);
  r.span(loaf, 'long animation frame', 'loaf', T0 + 200, T0 + 1400, { blocking_ms: 1150 });
  r.span(page, 'run renderer-main · mandelbrot', 'run', T0 + 210, T0 + 1390);
  r.instant(page, 'pointerdown', 'input', T0 + 500, { delay_ms: 890 });
  return r;
}

function workerRun(workers: number, seconds: number) {
  const r = new TraceRecorder();
  const page = r.track('Page (renderer)', 'Main thread');
  for (let t = 0; t <= seconds * 1000; t += 16.7) r.instant(page, 'frame', 'frame', T0 + t);
  // Lanes are made as workers first answer: here the last one first.
  for (let w = workers - 1; w >= 0; w--) {
    const track = r.track('Page (renderer)', `Web Worker ${w + 1}`, w);
    r.span(track, `job ${w + 1}/${workers}`, 'job', T0, T0 + seconds * 1000);
    for (let t = 0; t < seconds * 1000; t += 33) {
      r.span(track, 'chunk', 'chunk', T0 + t, T0 + t + 32);
      r.flow('progress', track, T0 + t + 32, page, T0 + t + 33, 4096);
    }
  }
  return r;
}

const view = { fromMs: T0, toMs: T0 + 1600, originMs: T0 + 210, width: 1200 };

describe('drawTimeline', () => {
  it('shows a freeze as a named hole in the page’s frames, with the long frame and the waiting input', () => {
    const { ctx, rects, texts } = fakeContext();
    const layout = drawTimeline(ctx, frozenRun(), view, { dark: false, presenter: false });
    // One lane: the long frames belong to the main thread.
    expect(layout.lanes.map((l) => l.label)).toEqual(['Main thread']);
    expect(texts.map((t) => t.text)).toContain('no frame for 1.2 s');
    const x = (ms: number) => layout.gutter + (ms / 1600) * (1200 - layout.gutter);
    const block = rects.find((r) => r.color === PAGE_THREAD_COLOR && r.w > 500);
    expect(block?.x).toBeCloseTo(x(200), 0);
    expect(block?.alpha).toBeGreaterThan(0.3);
    expect(hitAt(layout, x(800), 20)?.text).toMatch(/^Frozen: no frame for 1\.2 s|Long animation frame/);
    expect(hitAt(layout, x(500), 30)?.text).toBe('pointerdown: waited 890 ms');
  });

  it('gives every worker a lane in its tile colour, and nothing to freeze', () => {
    const { ctx, rects, texts, lines } = fakeContext();
    const layout = drawTimeline(ctx, workerRun(4, 2), { ...view, toMs: T0 + 2000 }, { dark: true, presenter: false });
    expect(layout.lanes.map((l) => l.label)).toEqual([
      'Main thread',
      'Web Worker 1',
      'Web Worker 2',
      'Web Worker 3',
      'Web Worker 4',
    ]);
    for (let w = 0; w < 4; w++) expect(rects.some((r) => r.color === laneColor(w, false) && r.alpha === 1)).toBe(true);
    expect(texts.some((t) => t.text.startsWith('no frame'))).toBe(false);
    expect(lines()).toBeGreaterThan(100);
  });

  it('writes labels a back row can read: 14 px, and 20 px in presenter mode', () => {
    for (const presenter of [false, true]) {
      const { ctx, texts } = fakeContext();
      drawTimeline(ctx, workerRun(2, 1), { ...view, toMs: T0 + 1000 }, { dark: false, presenter });
      const sizes = texts.map((t) => Number(/(\d+)px/.exec(t.font)?.[1]));
      expect(Math.min(...sizes)).toBe(metrics(presenter).font);
      expect(metrics(presenter).font).toBeGreaterThanOrEqual(presenter ? 20 : 14);
    }
  });

  it('draws a busy worker’s touching chunks as one bar, and each chunk apart when zoomed in', () => {
    const r = workerRun(8, 10);
    const wide = fakeContext();
    const full = { fromMs: T0, toMs: T0 + 10_000, originMs: T0, width: 1280 };
    const layout = drawTimeline(wide.ctx, r, full, { dark: false, presenter: false });
    const plotW = 1280 - layout.gutter;
    for (let w = 0; w < 8; w++) {
      // Skip the gutter's swatch (x 0) and the job's pale band: the chunks are in the lane's own colour.
      const bars = wide.rects.filter((x) => x.color === laneColor(w, false) && x.x >= layout.gutter);
      // 303 chunks of 32 ms, 1 ms apart, are 3.5 px wide: on screen one bar from 0 to 10 s.
      expect(bars).toHaveLength(1);
      expect(bars[0]?.x).toBe(layout.gutter);
      expect(bars[0]?.w).toBeGreaterThan(plotW - 2);
    }
    // 330 ms in view: a chunk is 100 px wide, drawn with a one-pixel gap to the next.
    const near = fakeContext();
    drawTimeline(near.ctx, r, { ...full, fromMs: T0 + 3300, toMs: T0 + 3630 }, { dark: false, presenter: false });
    const bars = near.rects.filter((x) => x.color === laneColor(0, false) && x.x >= layout.gutter);
    expect(bars.length).toBeGreaterThanOrEqual(10);
    for (let k = 1; k < bars.length; k++) {
      const [a, b] = [bars[k - 1], bars[k]];
      if (a && b) expect(b.x - (a.x + a.w)).toBeGreaterThanOrEqual(1);
    }
  });

  it('draws a message that arrives within a pixel as a crisp vertical rect, a slanted one as a line', () => {
    // One worker, one message that takes 1 ms: in a 10 s view less than a pixel, at 20 ms a third of the plot.
    const r = new TraceRecorder();
    const page = r.track('Page (renderer)', 'Main thread');
    const worker = r.track('Page (renderer)', 'Web Worker 1', 0);
    r.span(worker, 'chunk', 'chunk', T0 + 5000, T0 + 5010);
    r.flow('progress', worker, T0 + 5010, page, T0 + 5011, 4096);
    const arrowRects = (rects: ReturnType<typeof fakeContext>['rects']) =>
      rects.filter((x) => x.w === 1 && x.alpha < 1);
    const far = fakeContext();
    const full = { fromMs: T0, toMs: T0 + 10_000, originMs: T0, width: 1280 };
    const layout = drawTimeline(far.ctx, r, full, { dark: false, presenter: false });
    const [shaft] = arrowRects(far.rects);
    expect(arrowRects(far.rects)).toHaveLength(1);
    expect(Number.isInteger(shaft?.x)).toBe(true);
    // From the worker lane's top edge up to the page lane's bottom edge (the page lane is first).
    const m = metrics(false);
    expect(shaft?.y).toBe(m.laneHeight - m.pad);
    expect(shaft?.h).toBe(2 * m.pad);
    expect(shaft?.x).toBeCloseTo(layout.gutter + 0.501 * (1280 - layout.gutter), -1);
    const near = fakeContext();
    drawTimeline(near.ctx, r, { ...full, fromMs: T0 + 5000, toMs: T0 + 5020 }, { dark: false, presenter: false });
    expect(arrowRects(near.rects)).toEqual([]);
    // The line and its head: three lineTo, besides no frame ticks (there are no frames here).
    expect(near.lines()).toBe(3);
  });

  it('draws nothing of what lies outside the window', () => {
    const { ctx, rects } = fakeContext();
    const r = workerRun(1, 10);
    drawTimeline(
      ctx,
      r,
      { fromMs: T0 + 20_000, toMs: T0 + 21_000, originMs: T0, width: 1000 },
      { dark: false, presenter: false },
    );
    expect(rects.filter((x) => x.color === laneColor(0, false) && x.x > 180)).toEqual([]);
  });
});
