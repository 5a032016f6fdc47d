import { meters, type FrameListener } from './frame-meter';

/**
 * Every fourth frame (15 Hz at 60 Hz): the one beat all of the Playground's live figures update
 * on (the frame chart, the clock, the progress bars, the tiles). Changed pixels are what a frame
 * costs without a GPU: each changed part must be painted, and the compositor redraws the area
 * around what changed. Updating them on the same frames costs one such frame where separate
 * timers (20, 15 and 10 Hz, each on its own frames) cost up to three (ARCHITECTURE.md, "What the
 * Playground costs during a run"). The frames between carry only the spinners.
 */
export const LIVE_TICK_FRAMES = 4;

export interface LiveTickSource {
  subscribeFrames(listener: FrameListener): () => void;
}

export class LiveTick {
  private listeners: readonly FrameListener[] = [];
  private frames = 0;
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

  private readonly onFrame: FrameListener = (frameMs, gapMs) => {
    this.frames += 1;
    if (this.frames < LIVE_TICK_FRAMES) return;
    this.frames = 0;
    for (const listener of this.listeners) listener(frameMs, gapMs);
  };
}

/** The page's one live tick, driven by the frame meter's animation frames. */
export const liveTick = new LiveTick(meters);
