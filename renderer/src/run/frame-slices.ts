import type { SlicePolicy } from '../../../shared/run/drive';

export interface FrameSliceOptions {
  now(): number;
  /** requestAnimationFrame: its callback's time is the start of the frame being drawn. */
  requestFrame(callback: (frameStart: number) => void): void;
  /** A turn of the loop that lets a due frame be drawn first: a macrotask (thread-hooks.ts). */
  macrotask(): Promise<void>;
  /** One display frame; 60 Hz until frames have been seen. */
  readonly frameMs?: number;
  /** The share of the run that drawing may take before slices grow to two frames. */
  readonly maxDrawShare?: number;
}

/** Never more than two frames per slice: the worst gap stays ≈ 2 × 16.7 ms + drawing, under 50 ms. */
const MAX_FRAMES_PER_SLICE = 2;

/**
 * The page's slice policy: "work until the frame's budget is spent, yield, let the browser draw".
 *
 * A slice ends just *after* a frame falls due (a frame boundary + 1 ms), so the yield finds it
 * waiting and Chromium draws it at once; ending just before would let the continuation run
 * first and leave the frame waiting a whole slice. Each turn that drew a frame is timed (the
 * page's own rendering: React, meters, canvases), and when drawing every frame would take more
 * than `maxDrawShare` of the run, slices grow to two frames (30 fps while a sliced run lasts).
 *
 * Measured in this page in headless Chromium (2 cores, `npx tsx e2e/bench.ts --section=renderer`,
 * the "giving the thread back" table, wall ÷ work for ~1 s of work): a MessageChannel turn costs
 * ~0.3–1 ms with nothing to draw, but a turn that draws a frame costs the page's own drawing,
 * 3–6 ms during a run, so what matters is how many frames a run draws, not the cost of the yield.
 * At load 8: 10 ms macrotask slices 1.25× (58 frames, worst gap 67 ms), sliced to the frame
 * 1.16× (48, 67 ms), to 2 frames 1.10× (31, 50 ms); scheduler.yield() 1.04× but 9 frames and a
 * 217 ms gap: it resumes ahead of rendering, so frames starve until Chromium's ~100 ms guard.
 * (At load 20 every way costs 1.4×: the numbers need a quiet machine.) Today's main with 10 ms
 * macrotask slices measured 1.20× on a quiet machine; two frames per slice halves the drawing.
 */
export function frameSlices(options: FrameSliceOptions): SlicePolicy & { yieldToLoop(): Promise<void> } {
  // 5 %: a Playground frame during a run costs 1.5–3 ms (the spinner every frame, the live parts on
  // the beat), so at 10 % the smoothed cost hovered at the line and slices flipped between one and
  // two frames, drawing up to half as many frames again (measured: 100–150 frames in a 2.5 s run).
  const maxDrawShare = options.maxDrawShare ?? 0.05;
  let frameMs = options.frameMs ?? 1000 / 60;
  let lastFrame = options.now();
  let seenFrame = false;
  /** A frame was drawn during the current yield. */
  let framed = false;
  let frameRequested = false;
  /** Smoothed cost of a turn that drew a frame. */
  let drawMs = 4;

  const onFrame = (frameStart: number) => {
    frameRequested = false;
    const interval = frameStart - lastFrame;
    // A plausible display interval (30–144 Hz), not a gap made by our own slices.
    if (seenFrame && interval > 6 && interval < 34 && interval < frameMs * 1.5)
      frameMs = 0.9 * frameMs + 0.1 * interval;
    lastFrame = frameStart;
    seenFrame = true;
    framed = true;
  };

  const framesPerSlice = () => (drawMs <= maxDrawShare * frameMs ? 1 : MAX_FRAMES_PER_SLICE);

  return {
    sliceEnd(now) {
      const budget = framesPerSlice() * frameMs;
      const due = lastFrame + budget + 1;
      // No frame for a while (a hidden tab draws none): a plain slice of the same length.
      return due > now + 1 ? due : now + budget - Math.min(drawMs, budget / 2);
    },
    async yieldToLoop() {
      const started = options.now();
      framed = false;
      if (!frameRequested) {
        frameRequested = true;
        options.requestFrame(onFrame);
      }
      await options.macrotask();
      if (framed) drawMs = 0.8 * drawMs + 0.2 * (options.now() - started);
    },
  };
}
