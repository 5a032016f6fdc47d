import type { SlicePolicy } from '../../../shared/run/drive';

export interface FrameSliceOptions {
  now(): number;
  /** requestAnimationFrame: its callback's time is the vsync the frame being drawn was begun for. */
  requestFrame(callback: (frameStart: number) => void): void;
  /** A turn of the loop that lets a due frame be drawn first: a macrotask (thread-hooks.ts). */
  macrotask(): Promise<void>;
  /** One display frame; 60 Hz until frames have been seen. */
  readonly frameMs?: number;
  /** The share of the run that drawing may take before slices grow to two frames. */
  readonly maxDrawShare?: number;
}

/** Never more than two frames per slice: the worst gap stays ≈ 2 × 16.7 ms, under 50 ms. */
const MAX_FRAMES_PER_SLICE = 2;
/** A slice is at least this much longer than (frames − 1) frames: no slivers of work between two frames. */
const MIN_SLICE_MS = 2;
/** No frame seen for this many slices' worth of time (a hidden tab draws none): slice by time. */
const FRAMES_GONE_AFTER_SLICES = 4;
/** How far one yield that drew two frames moves the next yields (ms). */
const LEAD_STEP_MS = 0.5;

/**
 * The page's slice policy: "work until the frame's budget is spent, yield, let the browser draw".
 *
 * What a sliced run pays is the frames it lets in (each costs the page's own drawing, 1.5–3 ms
 * in the Playground), not the yield (a MessageChannel turn, 0.05–0.3 ms). How many frames a
 * yield lets in depends on where it falls, because of how Chromium hands the page its frames
 * (measured with CDP traces of 2 s runs in the bench's conditions, a click every 100 ms):
 *   - At each vsync the compositor sends the page's thread a BeginMainFrame if one is wanted (the
 *     frame meter's requestAnimationFrame loop always wants one). While a slice runs it waits; it
 *     runs at the yield, stamped with the vsync it was sent at: a two-frame slice always finds a
 *     frame sent a frame ago, "stale".
 *   - When that stale frame has been committed, the compositor sends one for the current vsync
 *     at once, unless that vsync's deadline (a couple of ms before the next one) has passed. With
 *     input about, compositor tasks run at the highest priority, ahead of any continuation we can
 *     post (scheduler.postTask "user-blocking" included), so the second frame is drawn too.
 * The old policy ended slices 1 ms past a frame boundary taken from the latest stamp; stale
 * stamps made its slices 3–31 ms long, and 40 % of its yields drew two frames: 110 frames in
 * 2.1 s, 52 a second, where two-frame slices should draw 30. So a slice ends `lead` ms before a
 * vsync, on the grid the stamps lie on (stale or not, they are vsyncs), and `lead` is learnt: it
 * should let the stale frame commit after the deadline and before the next vsync. A yield that
 * drew two frames tells which way it missed: a second frame stamped with the vsync the yield
 * fell in was sent before the deadline (yield later), one stamped with the next vsync came after
 * it (yield earlier). Without input (compositor at normal priority) the continuation goes first
 * and a yield draws one frame wherever it falls, but a commit that lands now before, now after the
 * deadline puts frames one and three vsyncs apart (50 ms gaps); a frame stamped with the vsync the
 * previous yield fell in says it landed before, so yield later there too. The bench's "Giving the
 * page's thread back" table runs this policy, with and without clicks (e2e/support/yield-bench.ts).
 *
 * Each turn that drew a frame is timed (the page's own rendering: React, meters, canvases), and
 * when drawing every frame would take more than `maxDrawShare` of the run, slices span two frames
 * (30 fps while a sliced run lasts); drawing in the Playground always does (≈ 2 ms of 16.7).
 * The frames are counted by asking for the next one from inside each frame, while a yield lasts:
 * the page's frame meter (started for every run by measured-run.ts) asks for every frame anyway, so
 * this draws none of its own.
 */
export function frameSlices(options: FrameSliceOptions): SlicePolicy & { yieldToLoop(): Promise<void> } {
  // 5 %: a Playground frame during a run costs 1.5–3 ms (the spinner every frame, the live parts on
  // the beat), so at 10 % the smoothed cost hovered at the line and slices flipped between one and
  // two frames.
  const maxDrawShare = options.maxDrawShare ?? 0.05;
  let frameMs = options.frameMs ?? 1000 / 60;
  /** A vsync time: the latest frame's stamp. Every vsync is `lastFrame + k × frameMs`. */
  let lastFrame = options.now();
  let seenFrame = false;
  let frameRequested = false;
  /** Smoothed cost of a turn that drew a frame. */
  let drawMs = 4;
  /** How long before a vsync a slice ends: learnt from where each yield's frames were sent (`learnLead`). */
  let leadMs = 4;
  /** The stamps of the frames drawn during the current yield; null between yields. */
  let stamps: number[] | null = null;

  const requestFrame = () => {
    if (frameRequested) return;
    frameRequested = true;
    options.requestFrame(onFrame);
  };

  const onFrame = (frameStart: number) => {
    frameRequested = false;
    const frames = Math.round((frameStart - lastFrame) / frameMs);
    const interval = (frameStart - lastFrame) / Math.max(1, frames);
    // Stamps are whole frames apart (one, two, or more when slices let frames wait): learn the
    // display's frame from the intervals that are clearly a whole number of frames of 30–144 Hz.
    if (seenFrame && frames >= 1 && frames <= 4 && interval > 6 && interval < 34 && Math.abs(interval - frameMs) < 2)
      frameMs = 0.9 * frameMs + 0.1 * interval;
    lastFrame = frameStart;
    seenFrame = true;
    if (stamps) {
      stamps.push(frameStart);
      requestFrame(); // to see whether this yield draws a second frame
    }
  };

  /** The vsync at or before `t`, on the grid of the stamps. */
  const vsyncBefore = (t: number) => lastFrame + Math.floor((t - lastFrame) / frameMs) * frameMs;

  /** The vsync the previous yield fell after. */
  let previousVsync: number | null = null;

  const learnLead = (yieldAt: number, drawn: readonly number[]) => {
    const [first, second] = drawn;
    const moveBy = (ms: number) => (leadMs = Math.min(frameMs - 1, Math.max(0.5, leadMs + ms)));
    // Two frames in one yield (input about): the second was sent before the deadline of the vsync
    // the yield fell after (yield later), or past the next vsync (yield earlier).
    if (second !== undefined) moveBy(second < vsyncBefore(yieldAt) + frameMs / 2 ? -LEAD_STEP_MS : LEAD_STEP_MS);
    // One frame, stamped with the vsync the previous yield fell after: it was sent the moment the
    // previous frame committed, before that vsync's deadline (no input: it waited behind the
    // continuation). Committing now before, now after the deadline would put frames one and three
    // vsyncs apart: yield later, past the deadline, where every frame is sent at the next vsync.
    else if (first !== undefined && previousVsync !== null && Math.abs(first - previousVsync) < frameMs / 2)
      moveBy(-LEAD_STEP_MS);
    previousVsync = vsyncBefore(yieldAt);
  };

  const framesPerSlice = () => (drawMs <= maxDrawShare * frameMs ? 1 : MAX_FRAMES_PER_SLICE);

  return {
    sliceEnd(now) {
      const frames = framesPerSlice();
      const budget = frames * frameMs;
      // No frame for a while (a hidden tab draws none): a plain slice of the same length.
      if (!seenFrame || now - lastFrame > FRAMES_GONE_AFTER_SLICES * budget)
        return now + budget - Math.min(drawMs, budget / 2);
      const earliest = now + (frames - 1) * frameMs + MIN_SLICE_MS;
      const vsync = lastFrame + Math.ceil((earliest + leadMs - lastFrame) / frameMs) * frameMs;
      return vsync - leadMs;
    },
    async yieldToLoop() {
      const started = options.now();
      const drawn: number[] = [];
      stamps = drawn;
      requestFrame();
      await options.macrotask();
      stamps = null;
      if (drawn.length > 0) drawMs = 0.8 * drawMs + 0.2 * (options.now() - started);
      learnLead(started, drawn);
    },
  };
}
