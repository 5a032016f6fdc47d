import { performance } from 'node:perf_hooks';
import { traceClock, type TraceClock } from '../../../shared/trace/trace-clock';
import { TraceRecorder } from '../../../shared/trace/trace-recorder';
import { MAIN_PROCESS, MAIN_THREAD } from '../../../shared/trace/place-tracks';

/**
 * The recorder of Electron's main process (ARCHITECTURE.md, "The timeline"): its event-loop
 * stalls (a timer due every `intervalMs` that ran late by more than `stallMs`), the event-loop
 * delay as a counter, and each IPC request it handled as a span. Node only, no `electron`:
 * index.ts makes one and wraps the invoke handlers with `traceHandler`.
 */

export interface MainTrace {
  readonly recorder: TraceRecorder;
  readonly mainTrack: number;
  /** Wraps an invoke handler: a span `IPC <channel>` from its call to its answer (or its throw). */
  traceHandler<A extends unknown[], R>(
    channel: string,
    handler: (...args: A) => R | Promise<R>,
  ): (...args: A) => Promise<R>;
  stop(): void;
}

export interface MainTraceOptions {
  readonly intervalMs?: number;
  /** Lateness above this is a stall, drawn as a span; below it only the counter moves. */
  readonly stallMs?: number;
  readonly clock?: TraceClock;
  readonly recorder?: TraceRecorder;
}

export function createMainTrace(options: MainTraceOptions = {}): MainTrace {
  const intervalMs = options.intervalMs ?? 20;
  const stallMs = options.stallMs ?? 50;
  const clock = options.clock ?? traceClock(performance);
  const recorder = options.recorder ?? new TraceRecorder();
  const mainTrack = recorder.track(MAIN_PROCESS, MAIN_THREAD);
  let due = clock() + intervalMs;
  const timer = setInterval(() => {
    const now = clock();
    const late = Math.max(0, now - due);
    recorder.counter(mainTrack, 'event-loop delay', now, late);
    // The loop did nothing else from when the timer was due until now: that is the stall.
    if (late > stallMs) recorder.span(mainTrack, 'event-loop stall', 'stall', due, now, { late_ms: Math.round(late) });
    due = now + intervalMs;
  }, intervalMs);
  // The recorder must never keep the app alive.
  timer.unref();

  return {
    recorder,
    mainTrack,
    traceHandler(channel, handler) {
      return async (...args) => {
        const start = clock();
        try {
          return await handler(...args);
        } finally {
          recorder.span(mainTrack, `IPC ${channel}`, 'ipc', start, clock());
        }
      };
    },
    stop: () => clearInterval(timer),
  };
}
