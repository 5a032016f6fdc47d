/**
 * Bars as runs of whole pixels, for the timeline's chunks (timeline-draw.ts). Each bar marks the
 * pixel columns it covers; then every run of marked columns is filled with one fillRect.
 *
 * Why: a busy worker's 300 chunks in 10 s touch each other, so on screen they are one bar. Drawn
 * one by one they cost about 0.6 µs each to record and raster in Chromium's software canvas, and
 * 8 lanes of them (2,400 fillRects) were half of a 3.3 ms frame. As runs, a lane costs as many
 * calls as it has visible gaps, never more than half the plot's width. A bar covers every pixel
 * it touches, so bars less than a pixel apart join, as the canvas's anti-aliasing showed them,
 * but crisp instead of blurred at their edges.
 */
export class PixelRuns {
  private readonly columns: Uint8Array;
  private first = Infinity;
  private last = -Infinity;

  /** `left` and `right`: the plot's edges in canvas pixels; nothing is marked outside them. */
  constructor(
    private readonly left: number,
    right: number,
  ) {
    this.columns = new Uint8Array(Math.max(1, Math.ceil(right - left)));
  }

  /** Marks the bar [x0, x1) in canvas pixels: every pixel it touches, at least one. */
  mark(x0: number, x1: number): void {
    const end = this.columns.length;
    const from = Math.min(end - 1, Math.max(0, Math.floor(x0 - this.left)));
    const to = Math.min(end, Math.max(from + 1, Math.ceil(x1 - this.left)));
    this.columns.fill(1, from, to);
    this.first = Math.min(this.first, from);
    this.last = Math.max(this.last, to);
  }

  /** Calls `fill(x, width)` for each run of marked columns, left to right, then clears the marks. */
  drain(fill: (x: number, width: number) => void): number {
    let runs = 0;
    let start = -1;
    for (let i = this.first; i <= this.last; i++) {
      const marked = i < this.last && this.columns[i] === 1;
      if (marked && start < 0) start = i;
      if (!marked && start >= 0) {
        fill(this.left + start, i - start);
        runs++;
        start = -1;
      }
    }
    if (this.last > this.first) this.columns.fill(0, this.first, this.last);
    this.first = Infinity;
    this.last = -Infinity;
    return runs;
  }
}
