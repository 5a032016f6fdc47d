import { RingBuffer } from '../stats/ring-buffer';

/** A minute of frames at 60 Hz: longer than any run plus the time to ask about it. */
const CAPACITY = 4096;

/**
 * When a pane drew its frames, on the clock every process of the machine shares (epoch ms), so
 * that the Compare screen can ask afterwards: "how many frames did you draw while the other pane
 * was frozen?" A pane with a main thread of its own keeps drawing; one that shares the frozen
 * pane's thread draws none. `add` never allocates (it runs on every animation frame).
 */
export class FrameLog {
  private readonly times = new RingBuffer(CAPACITY);

  add(epochMs: number): void {
    this.times.push(epochMs);
  }

  /** Frames drawn in [fromMs, toMs]; the log is in time order, so it walks back from the newest. */
  countBetween(fromMs: number, toMs: number): number {
    let n = 0;
    for (let back = 0; back < this.times.length; back += 1) {
      const t = this.times.latest(back);
      if (t < fromMs) break;
      if (t <= toMs) n += 1;
    }
    return n;
  }
}
