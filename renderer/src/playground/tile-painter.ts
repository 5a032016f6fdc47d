import type { MandelbrotTile } from '../../../shared/workloads/mandelbrot';

/**
 * Paints Mandelbrot tiles straight onto a canvas as they arrive, outside React: a tile is
 * drawn once, so re-rendering components for it would only add work to the thread we measure.
 */
export class TilePainter {
  private readonly ctx: CanvasRenderingContext2D;

  constructor(private readonly canvas: HTMLCanvasElement) {
    const ctx = canvas.getContext('2d', { alpha: false });
    if (!ctx) throw new Error('This browser cannot draw on a 2D canvas');
    this.ctx = ctx;
  }

  reset(width: number, height: number, background: string): void {
    this.canvas.width = width;
    this.canvas.height = height;
    this.ctx.fillStyle = background;
    this.ctx.fillRect(0, 0, width, height);
  }

  paint(tile: MandelbrotTile, color: string, showWorker: boolean): void {
    const image = new ImageData(tile.rgba, tile.width, tile.height);
    this.ctx.putImageData(image, tile.x, tile.y);
    if (!showWorker) return;
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
