import type { PixelTile } from '../../../shared/workloads/workload';
import type { FrameListener } from '../meters/frame-meter';

/**
 * A changed canvas must be copied to the compositor on the next frame, and without a GPU that
 * copy of a megapixel canvas costs milliseconds of every frame. Tiles are therefore drawn in
 * batches, on the live tick at most every 100 ms (every second tick, ≈7 Hz): still visibly tile
 * by tile, at a fraction of the cost, and on frames that repaint the chart and clock anyway.
 */
const PAINT_INTERVAL_MS = 100;

/** The frames the painter may draw on (`liveTick.subscribe`); returns the unsubscribe. */
export type TickSubscribe = (listener: FrameListener) => () => void;

interface Pending {
  readonly tile: PixelTile;
  readonly color: string;
}

/**
 * Paints RGBA tiles (any 'tiles' workload's, Mandelbrot's) onto a canvas as they arrive, outside
 * React: a tile is drawn once, so re-rendering components for it would only add work to the
 * thread we are measuring.
 */
export class TilePainter {
  private readonly ctx: CanvasRenderingContext2D;
  private pending: Pending[] = [];
  private stopTicks: (() => void) | null = null;
  private lastPaint = -Infinity;
  showWorker = true;

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly onTick: TickSubscribe,
  ) {
    // desynchronized: without a GPU, Chromium hands a plain 2D canvas to the compositor on every
    // frame the page commits, changed or not, at a cost that grows with its size: ~270 µs of the
    // page's thread a frame for the ~1000×700 picture, from its first tile on and after the run. A
    // desynchronized canvas sends its pixels only when it is drawn on (in a Web Worker run's trace,
    // canvas hand-overs with pixels 1.30 → 0.45 a frame); where the hint is not honoured, nothing changes.
    const ctx = canvas.getContext('2d', { alpha: false, desynchronized: true });
    if (!ctx) throw new Error('This browser cannot draw on a 2D canvas');
    this.ctx = ctx;
  }

  reset(width: number, height: number, background: string): void {
    this.pending = [];
    this.canvas.width = width;
    this.canvas.height = height;
    this.ctx.fillStyle = background;
    this.ctx.fillRect(0, 0, width, height);
  }

  paint(tile: PixelTile, color: string): void {
    this.pending.push({ tile, color });
    this.stopTicks ??= this.onTick(this.onFrame);
  }

  private readonly onFrame = (now: number): void => {
    if (now - this.lastPaint < PAINT_INTERVAL_MS) return;
    this.lastPaint = now;
    for (const { tile, color } of this.pending) this.draw(tile, color);
    this.pending = [];
    // Nothing left to draw: no more ticks until the next tile arrives.
    this.stopTicks?.();
    this.stopTicks = null;
  };

  private draw(tile: PixelTile, color: string): void {
    this.ctx.putImageData(new ImageData(tile.rgba, tile.width, tile.height), tile.x, tile.y);
    if (!this.showWorker) return;
    // A light wash and an inset border in the colour of the worker that computed this tile.
    this.ctx.globalAlpha = 0.22;
    this.ctx.fillStyle = color;
    this.ctx.fillRect(tile.x, tile.y, tile.width, tile.height);
    this.ctx.globalAlpha = 0.9;
    this.ctx.strokeStyle = color;
    const line = Math.max(1, Math.round(this.canvas.width / 600));
    this.ctx.lineWidth = line;
    this.ctx.strokeRect(tile.x + line / 2, tile.y + line / 2, tile.width - line, tile.height - line);
    this.ctx.globalAlpha = 1;
  }
}
