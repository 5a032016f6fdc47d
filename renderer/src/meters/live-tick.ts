import { LIVE_TICK_FRAMES, meters, type FrameListener } from './frame-meter';

export { LIVE_TICK_FRAMES } from './frame-meter';

/** What the tick counts on: the frame meter. */
export interface LiveTickSource {
  subscribeFrames(listener: FrameListener): () => void;
  /** The frame being delivered is a tick frame: one count for the tick and the meter's summary. */
  readonly isTickFrame: boolean;
  /** Frames per tick: the tick and the summary slow down together. */
  setTickFrames(frames: number): void;
}

/**
 * Every LIVE_TICK_FRAMES-th frame (15 Hz at 60 Hz): the one beat all of the Playground's live
 * figures update on (the frame chart, the clock, the progress bars, the tiles). Changed pixels
 * are what a frame costs without a GPU: each changed part must be painted, and the compositor
 * redraws the area around what changed. Updating them on the same frames costs one such frame
 * where separate timers (20, 15 and 10 Hz, each on its own frames) cost up to three (ARCHITECTURE.md, "What the
 * Playground costs during a run"). The frames between carry only the spinners. The frame meter
 * counts the frames, so its live summary (the verdict) lands on the same frames.
 */
export class LiveTick {
  private listeners: readonly FrameListener[] = [];
  private stop: (() => void) | null = null;

  constructor(private readonly source: LiveTickSource) {}

  /** `listener` is called on every tick with the frame's time; returns the unsubscribe. */
  subscribe(listener: FrameListener): () => void {
    this.listeners = [...this.listeners, listener];
    this.stop ??= this.source.subscribeFrames(this.onFrame);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
      if (this.listeners.length === 0) {
        this.stop?.();
        this.stop = null;
      }
    };
  }

  /**
   * While a run shares the page's thread (sliced), every frame the live parts repaint is taken
   * from the run: the beat goes to one tick in `every` until the returned function restores it.
   * Only the live figures slow down; the frames between still carry the spinners.
   */
  slowDown(every: number): () => void {
    this.source.setTickFrames(LIVE_TICK_FRAMES * every);
    return () => this.source.setTickFrames(LIVE_TICK_FRAMES);
  }

  private readonly onFrame: FrameListener = (frameMs, gapMs) => {
    if (!this.source.isTickFrame) return;
    for (const listener of this.listeners) listener(frameMs, gapMs);
  };
}

/** The page's one live tick, driven by the frame meter's animation frames. */
export const liveTick = new LiveTick(meters);
