import { entryToEpochMs } from '../../../shared/trace/trace-clock';
import { meters } from '../meters/frame-meter';
import { LONG_FRAMES_TRACK, PAGE_MAIN_TRACK, pageTrace } from './page-trace';

/**
 * Feeds the page's recorder from the browser: every animation frame (an instant and its gap as a
 * counter), Long Animation Frames with their scripts, and input events with their delay.
 * Started once, on the first traced run or when a timeline is shown, and left on: a frame costs
 * two small records (measured in the bench; ARCHITECTURE.md, "The timeline").
 */

/** The Long Animation Frames entry and its script attribution, not yet in TypeScript's DOM lib. */
interface LongFrameEntry extends PerformanceEntry {
  readonly blockingDuration: number;
  readonly scripts?: readonly {
    readonly invoker?: string;
    readonly sourceURL?: string;
    readonly sourceFunctionName?: string;
    readonly duration: number;
  }[];
}

const EVENT_THRESHOLD_MS = 16;
/** Only the few longest scripts of a long frame: enough to say what held the thread. */
const SCRIPTS_PER_FRAME = 3;

let started = false;
let reported = 0;

/**
 * How many records PerformanceObserver has delivered (long frames, input). It reports them some
 * frames after they ended, often after a run's own end: the timeline draws again when this moves
 * (timeline-panel.tsx), and not on every frame, which is recorded always.
 */
export function observedCount(): number {
  return reported;
}

export function startPageRecording(): void {
  if (started) return;
  started = true;
  let last = 0;
  // On the frame meter's own animation frames (renderer/src/meters/frame-meter.ts), so the trace's
  // gaps and the meter's are the same numbers, and the page runs one requestAnimationFrame loop,
  // not one more of its own (each callback is JavaScript on every frame of the thread measured).
  meters.subscribeFrames((frameTime) => {
    const now = entryToEpochMs(performance, frameTime);
    pageTrace.instant(PAGE_MAIN_TRACK, 'frame', 'frame', now);
    if (last > 0) pageTrace.counter(PAGE_MAIN_TRACK, 'frame gap', now, now - last);
    last = now;
  });
  const supported = typeof PerformanceObserver === 'undefined' ? [] : (PerformanceObserver.supportedEntryTypes ?? []);
  if (supported.includes('long-animation-frame')) {
    new PerformanceObserver((list) => list.getEntries().forEach(recordLongFrame)).observe({
      type: 'long-animation-frame',
      buffered: false,
    });
  }
  if (supported.includes('event')) {
    const init: PerformanceObserverInit & { durationThreshold: number } = {
      type: 'event',
      buffered: false,
      durationThreshold: EVENT_THRESHOLD_MS,
    };
    new PerformanceObserver((list) => list.getEntries().forEach(recordInput)).observe(init);
  }
}

function recordLongFrame(entry: PerformanceEntry): void {
  const e = entry as LongFrameEntry;
  const start = entryToEpochMs(performance, e.startTime);
  const scripts = [...(e.scripts ?? [])].sort((a, b) => b.duration - a.duration).slice(0, SCRIPTS_PER_FRAME);
  const args: Record<string, string | number> = { blocking_ms: Math.round(e.blockingDuration) };
  scripts.forEach((s, i) => {
    const where = s.sourceFunctionName || s.sourceURL?.split('/').pop() || '?';
    args[`script_${i + 1}`] = `${s.invoker ?? 'script'} · ${where} · ${Math.round(s.duration)} ms`;
  });
  pageTrace.span(LONG_FRAMES_TRACK, 'long animation frame', 'loaf', start, start + e.duration, args);
  reported++;
}

function recordInput(entry: PerformanceEntry): void {
  if (!('processingStart' in entry)) return;
  const e = entry as PerformanceEventTiming;
  const delayMs = Math.max(0, e.processingStart - e.startTime);
  pageTrace.instant(PAGE_MAIN_TRACK, e.name, 'input', entryToEpochMs(performance, e.startTime), {
    delay_ms: Math.round(delayMs * 10) / 10,
    duration_ms: Math.round(e.duration),
  });
  reported++;
}
