import { FrameGapTally, JANK_THRESHOLD_MS } from '../../../shared/stats/frame-gaps';
import { InputDelayLog, type InputDelayRecord } from '../../../shared/stats/input-delays';
import { summarizeLongFrames, type LongFrameRecord } from '../../../shared/stats/long-animation-frames';
import { copyFramesBetween, copyRecentFrames, summarizeRecentFrames } from '../../../shared/stats/recent-frames';
import { RingBuffer } from '../../../shared/stats/ring-buffer';
import { buildRunResponsiveness, type RunResponsiveness } from '../../../shared/stats/run-responsiveness';

export type { RunResponsiveness } from '../../../shared/stats/run-responsiveness';
export type { InputDelayRecord } from '../../../shared/stats/input-delays';

/** What the page's responsiveness looks like right now; pushed to subscribers at most 4×/s. */
export interface LiveSummary {
  /** Frame rate over the last second. */
  readonly fps: number;
  /** Longest frame gap that ended within the last second. */
  readonly worstGapLastSecondMs: number;
  /** The most recent user input anywhere on the page, or null before the first. */
  readonly lastInput: InputDelayRecord | null;
  readonly runActive: boolean;
}

export interface MeterSupport {
  readonly longAnimationFrames: boolean;
  readonly eventTiming: boolean;
}

/** Called on every animation frame with the frame's time and the gap since the previous one. */
export type FrameListener = (frameTimeMs: number, gapMs: number) => void;
export type SummaryListener = (summary: LiveSummary) => void;

/** ≥ 10 s of frames even on a 240 Hz display. */
const HISTORY_FRAMES = 4096;
const SUMMARY_INTERVAL_MS = 250;
/**
 * The live tick (live-tick.ts): every fourth frame, 15 Hz at 60 Hz. The summary goes out on a
 * tick frame too, so the live verdict repaints on the frames the chart and the clock repaint on.
 */
export const LIVE_TICK_FRAMES = 4;
/** Frames to wait after the work so the frame that ends a freeze is counted. */
const FRAMES_AFTER_WORK = 2;
/** Chrome delivers a Long Animation Frame a frame or two after it ends; wait this long at most. */
const LONG_FRAME_GRACE_MS = 300;
/** rAF stops in hidden pages; a run must still end. */
const END_RUN_TIMEOUT_MS = 1000;
const RECENT_LONG_FRAMES = 256;
/**
 * Gaps of the first moments after load (modules parsing, the first layout, workers starting) are
 * the page starting up, not a freeze: the history keeps none until the page is loaded, visible and
 * this much later. A run's own window counts every frame regardless.
 */
const SETTLE_MS = 500;
/** Event Timing's lowest allowed threshold; faster inputs come from the capture listener. */
const EVENT_DURATION_THRESHOLD_MS = 16;
/** One entry per interaction: the first event of a click or a key press. */
const INPUT_EVENT_NAMES: ReadonlySet<string> = new Set(['pointerdown', 'mousedown', 'keydown']);

/** The Long Animation Frames entry, not yet in TypeScript's DOM lib. */
interface LongAnimationFrameEntry extends PerformanceEntry {
  readonly blockingDuration: number;
}

interface ActiveRun {
  readonly startMs: number;
  /** When the work ended, if the caller said so before the closing frames arrived. */
  workEndMs: number | null;
  readonly tally: FrameGapTally;
  framesToWait: number;
  /** Midpoint of the latest gap over 50 ms: its Long Animation Frame should cover it. */
  longGapMidMs: number | null;
  /** Past this frame time, stop waiting for that Long Animation Frame. */
  closeDeadlineMs: number;
  readonly waiters: Array<(result: RunResponsiveness) => void>;
  timeoutId: ReturnType<typeof setTimeout> | null;
}

function isLongAnimationFrame(entry: PerformanceEntry): entry is LongAnimationFrameEntry {
  return 'blockingDuration' in entry;
}

function isEventTiming(entry: PerformanceEntry): entry is PerformanceEventTiming {
  return 'processingStart' in entry;
}

function supportedEntryTypes(): readonly string[] {
  return typeof PerformanceObserver === 'undefined' ? [] : (PerformanceObserver.supportedEntryTypes ?? []);
}

/**
 * Always-on responsiveness meter for the page's main thread: records every animation-frame
 * gap, Long Animation Frames and input delays, and summarizes them over run windows.
 * Nothing here touches React; the per-frame path does not allocate.
 */
export class FrameMeter {
  private readonly times = new RingBuffer(HISTORY_FRAMES);
  private readonly gaps = new RingBuffer(HISTORY_FRAMES);
  private readonly inputs = new InputDelayLog();
  private readonly longFrames: LongFrameRecord[] = [];
  private frameListeners: readonly FrameListener[] = [];
  private summaryListeners: readonly SummaryListener[] = [];
  private started = false;
  private rafId = 0;
  private lastFrameMs: number | null = null;
  private lastSummaryMs = Number.NEGATIVE_INFINITY;
  /** Frames since the loop started (each with a gap): what the live tick counts. */
  private frameIndex = 0;
  /** Frames per live tick: LIVE_TICK_FRAMES, more while a sliced run shares the thread (setTickFrames). */
  private tickFrames = LIVE_TICK_FRAMES;
  /** Frame time from which gaps go into the history; null until the page is loaded and visible. */
  private settledFromMs: number | null = null;
  private run: ActiveRun | null = null;
  private loafObserver: PerformanceObserver | null = null;
  private eventObserver: PerformanceObserver | null = null;
  private cachedSupport: MeterSupport | null = null;
  /** The last summary handed out: stable between emissions, as useSyncExternalStore needs. */
  private summary: LiveSummary | null = null;

  /** Which browser APIs the meter could use. */
  get support(): MeterSupport {
    if (this.cachedSupport === null) {
      const types = supportedEntryTypes();
      this.cachedSupport = {
        longAnimationFrames: types.includes('long-animation-frame'),
        eventTiming: types.includes('event'),
      };
    }
    return this.cachedSupport;
  }

  /** Whether the page has settled after load (see SETTLE_MS): gaps from now on are the page's own. */
  get settledNow(): boolean {
    return this.settledFromMs !== null && this.lastFrameMs !== null && this.lastFrameMs >= this.settledFromMs;
  }

  get runActive(): boolean {
    return this.run !== null;
  }

  /** Starts measuring; further calls do nothing. Subscribing or beginning a run starts it too. */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.rafId = requestAnimationFrame(this.onFrame);
    document.addEventListener('visibilitychange', this.onVisibilityChange);
    for (const type of ['pointerdown', 'keydown'] as const) {
      window.addEventListener(type, this.onInputEvent, { capture: true, passive: true });
    }
    if (this.support.longAnimationFrames) {
      this.loafObserver = new PerformanceObserver((list) => this.takeLongFrames(list.getEntries()));
      this.loafObserver.observe({ type: 'long-animation-frame', buffered: false });
    }
    if (this.support.eventTiming) {
      this.eventObserver = new PerformanceObserver((list) => this.takeEventEntries(list.getEntries()));
      const eventInit: PerformanceObserverInit & { durationThreshold: number } = {
        type: 'event',
        durationThreshold: EVENT_DURATION_THRESHOLD_MS,
        buffered: false,
      };
      this.eventObserver.observe(eventInit);
      if (supportedEntryTypes().includes('first-input')) {
        this.eventObserver.observe({ type: 'first-input', buffered: true });
      }
    }
  }

  /** Stops measuring (tests, hot reload). History is kept; `start` resumes. */
  stop(): void {
    if (!this.started) return;
    this.started = false;
    cancelAnimationFrame(this.rafId);
    document.removeEventListener('visibilitychange', this.onVisibilityChange);
    for (const type of ['pointerdown', 'keydown'] as const) {
      window.removeEventListener(type, this.onInputEvent, { capture: true });
    }
    this.loafObserver?.disconnect();
    this.eventObserver?.disconnect();
    this.loafObserver = null;
    this.eventObserver = null;
    this.lastFrameMs = null;
  }

  /**
   * Opens a run window. Call it just before the work starts. A run still open is closed
   * first (its waiters get its figures).
   */
  beginRun(): void {
    this.start();
    if (this.run !== null) this.finishRun();
    this.run = {
      startMs: performance.now(),
      workEndMs: null,
      tally: new FrameGapTally(),
      framesToWait: 0,
      longGapMidMs: null,
      closeDeadlineMs: Number.POSITIVE_INFINITY,
      waiters: [],
      timeoutId: null,
    };
  }

  /**
   * Closes the run window now. After main-thread work, prefer `endRunAfterNextFrame`: the gap
   * a freeze causes is only known when the next frame arrives. Without an open run this
   * returns empty figures.
   */
  endRun(): RunResponsiveness {
    return this.finishRun();
  }

  /**
   * Marks the end of the work now, then closes the window after the next two frames so the
   * freeze's gap (and the browser's reports about it) are included. `durationMs` still ends
   * at this call.
   */
  endRunAfterNextFrame(): Promise<RunResponsiveness> {
    const run = this.run;
    if (run === null) return Promise.resolve(this.finishRun());
    run.workEndMs ??= performance.now();
    run.framesToWait = FRAMES_AFTER_WORK;
    run.closeDeadlineMs = performance.now() + LONG_FRAME_GRACE_MS;
    return new Promise<RunResponsiveness>((resolve) => {
      run.waiters.push(resolve);
      run.timeoutId ??= setTimeout(() => {
        if (this.run === run) this.finishRun();
      }, END_RUN_TIMEOUT_MS);
    });
  }

  /** The live figures as last sent to subscribers (the same object until the next emission). */
  getSummary(): LiveSummary {
    this.summary ??= this.computeSummary();
    return this.summary;
  }

  private computeSummary(): LiveSummary {
    const now = this.lastFrameMs ?? performance.now();
    const recent = summarizeRecentFrames(this.times, this.gaps, now, 1000);
    return {
      fps: recent.fps,
      worstGapLastSecondMs: recent.worstGapMs,
      lastInput: this.inputs.latest() ?? null,
      runActive: this.run !== null,
    };
  }

  /**
   * Low-rate updates for UI: at most every 250 ms while frames are drawn, and when a run
   * ends. Returns an unsubscribe. Fits useSyncExternalStore with `getSummary`.
   */
  subscribeSummary(listener: SummaryListener): () => void {
    this.start();
    this.summaryListeners = [...this.summaryListeners, listener];
    return () => {
      this.summaryListeners = this.summaryListeners.filter((l) => l !== listener);
    };
  }

  /** This frame is one of the live tick's (every LIVE_TICK_FRAMES frames); read it in a frame listener. */
  get isTickFrame(): boolean {
    return this.frameIndex % this.tickFrames === 0;
  }

  /** A slower (or the usual) live tick; the summary keeps landing on tick frames (live-tick.ts slowDown). */
  setTickFrames(frames: number): void {
    this.tickFrames = Math.max(1, Math.round(frames));
  }

  /** Per-frame callback for imperative drawing (never set React state in it). Returns an unsubscribe. */
  subscribeFrames(listener: FrameListener): () => void {
    this.start();
    this.frameListeners = [...this.frameListeners, listener];
    return () => {
      this.frameListeners = this.frameListeners.filter((l) => l !== listener);
    };
  }

  /**
   * Copies the frames of the `windowMs` before the newest frame (frame times and gaps, oldest
   * first) into the given arrays, plus `leadingFrames` older ones; returns how many. For
   * charts, which reuse their arrays between frames.
   */
  copyRecentFrames(windowMs: number, timesOut: Float64Array, gapsOut: Float64Array, leadingFrames = 0): number {
    if (this.times.length === 0) return 0;
    return copyRecentFrames(this.times, this.gaps, this.times.latest(), windowMs, timesOut, gapsOut, leadingFrames);
  }

  /**
   * Like `copyRecentFrames`, for a fixed window of frame times (a chart pinned to one run): the
   * frames between `fromMs` and `toMs`, plus `leadingFrames` older ones.
   */
  copyFramesBetween(
    fromMs: number,
    toMs: number,
    timesOut: Float64Array,
    gapsOut: Float64Array,
    leadingFrames = 0,
  ): number {
    return copyFramesBetween(this.times, this.gaps, fromMs, toMs, timesOut, gapsOut, leadingFrames);
  }

  private settled(frameMs: number): boolean {
    if (this.settledFromMs === null) {
      if (document.visibilityState !== 'visible' || document.readyState !== 'complete') return false;
      this.settledFromMs = frameMs + SETTLE_MS;
    }
    return frameMs >= this.settledFromMs;
  }

  private readonly onFrame = (frameMs: number): void => {
    // Schedule first so a throwing listener cannot stop the loop.
    this.rafId = requestAnimationFrame(this.onFrame);
    const previous = this.lastFrameMs;
    this.lastFrameMs = frameMs;
    if (previous === null) return;
    this.frameIndex += 1;
    const gap = frameMs - previous;
    if (this.settled(frameMs)) {
      this.times.push(frameMs);
      this.gaps.push(gap);
    }
    const run = this.run;
    if (run !== null) {
      run.tally.add(gap);
      if (gap > JANK_THRESHOLD_MS) run.longGapMidMs = frameMs - gap / 2;
      if (run.framesToWait > 0) {
        run.framesToWait -= 1;
        if (run.framesToWait === 0) {
          if (this.awaitingLongFrame(run, frameMs)) run.framesToWait = 1;
          else this.finishRun();
        }
      }
    }
    const listeners = this.frameListeners;
    for (let i = 0; i < listeners.length; i += 1) {
      try {
        listeners[i]?.(frameMs, gap);
      } catch (error) {
        reportError(error);
      }
    }
    const tickFrame = this.isTickFrame;
    if (tickFrame && frameMs - this.lastSummaryMs >= SUMMARY_INTERVAL_MS && this.summaryListeners.length > 0) {
      this.lastSummaryMs = frameMs;
      this.emitSummary();
    }
  };

  /** A gap across a hidden period is the browser pausing frames, not the page freezing. */
  private readonly onVisibilityChange = (): void => {
    this.lastFrameMs = null;
  };

  /** Every trusted input, measured as soon as it reaches the page (capture phase on window). */
  private readonly onInputEvent = (event: Event): void => {
    if (!event.isTrusted) return;
    this.inputs.record(event.timeStamp, performance.now() - event.timeStamp, 'event-timestamp');
  };

  private takeLongFrames(entries: readonly PerformanceEntry[]): void {
    for (const entry of entries) {
      if (!isLongAnimationFrame(entry)) continue;
      this.longFrames.push({
        startTime: entry.startTime,
        durationMs: entry.duration,
        blockingDurationMs: entry.blockingDuration,
      });
    }
    if (this.longFrames.length > RECENT_LONG_FRAMES) {
      this.longFrames.splice(0, this.longFrames.length - RECENT_LONG_FRAMES);
    }
  }

  private takeEventEntries(entries: readonly PerformanceEntry[]): void {
    for (const entry of entries) {
      if (!isEventTiming(entry) || !INPUT_EVENT_NAMES.has(entry.name)) continue;
      this.inputs.record(entry.startTime, entry.processingStart - entry.startTime, 'event-timing');
    }
  }

  /** Whether the freeze's Long Animation Frame is still to come (so the run should wait a frame more). */
  private awaitingLongFrame(run: ActiveRun, frameMs: number): boolean {
    const mid = run.longGapMidMs;
    if (this.loafObserver === null || mid === null || frameMs > run.closeDeadlineMs) return false;
    this.takeLongFrames(this.loafObserver.takeRecords());
    return !this.longFrames.some((r) => r.startTime <= mid && r.startTime + r.durationMs >= mid);
  }

  private finishRun(): RunResponsiveness {
    const run = this.run;
    this.run = null;
    const now = performance.now();
    if (run === null) {
      return buildRunResponsiveness({
        durationMs: 0,
        gaps: new FrameGapTally().summary(),
        longFrames: this.support.longAnimationFrames ? { count: 0, worstMs: 0, totalBlockingMs: 0 } : null,
        inputDelaysMs: [],
      });
    }
    if (run.timeoutId !== null) clearTimeout(run.timeoutId);
    // Reports the browser has queued but not yet delivered (the freeze's own LoAF, inputs
    // that waited on it) belong to this run.
    if (this.loafObserver !== null) this.takeLongFrames(this.loafObserver.takeRecords());
    if (this.eventObserver !== null) this.takeEventEntries(this.eventObserver.takeRecords());
    const result = buildRunResponsiveness({
      durationMs: (run.workEndMs ?? now) - run.startMs,
      gaps: run.tally.summary(),
      longFrames: this.support.longAnimationFrames ? summarizeLongFrames(this.longFrames, run.startMs, now) : null,
      inputDelaysMs: this.inputs.delaysBetween(run.startMs, now),
    });
    for (const resolve of run.waiters) resolve(result);
    this.emitSummary();
    return result;
  }

  private emitSummary(): void {
    const listeners = this.summaryListeners;
    if (listeners.length === 0) return;
    const summary = this.computeSummary();
    this.summary = summary;
    for (const listener of listeners) {
      try {
        listener(summary);
      } catch (error) {
        reportError(error);
      }
    }
  }
}

/** The page's one meter. Creating it touches no browser API; it starts on first use. */
export const meters = new FrameMeter();
