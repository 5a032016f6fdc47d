import { createHistogram, performance } from 'node:perf_hooks';

/** Event-loop delay over one interval, in milliseconds. */
export interface EventLoopDelay {
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
}

export interface EventLoopMeter {
  /** Delay since the previous sample (or since the meter started); then starts a new interval. */
  sample(): EventLoopDelay;
  stop(): void;
}

/**
 * How late this thread's event loop runs a timer due every `resolutionMs`: 0 when idle, the
 * whole freeze when blocked.
 *
 * Why not perf_hooks.monitorEventLoopDelay: after its reset() it records nothing until its
 * next tick (Node 20 keeps no previous timestamp), so a freeze that begins right after a
 * sample — say a main-process task started just after the 250 ms metrics tick — is not seen at
 * all (measured: a 1 s block read as max 10 ms). It also reports whole intervals (~10 ms when
 * idle), not delay. This meter is the same timer in JS with perf_hooks' HdrHistogram: it keeps
 * its schedule across samples, and sample() counts the lateness of a timer that is overdue
 * right now, so a freeze that just ended lands in the very next sample, once.
 */
export function createEventLoopMeter(options: { resolutionMs?: number } = {}): EventLoopMeter {
  const resolution = options.resolutionMs ?? 10;
  const histogram = createHistogram();
  // When the timer should fire next; how much later it fires is the delay.
  let due = performance.now() + resolution;

  const record = (lateMs: number) => {
    // HdrHistogram takes whole numbers ≥ 1: nanoseconds.
    histogram.record(Math.max(1, Math.round(lateMs * 1e6)));
  };

  const timer = setInterval(() => {
    const at = performance.now();
    record(at - due);
    // Node schedules the next run `resolution` after this one started.
    due = at + resolution;
  }, resolution);
  // A meter never keeps the process alive.
  timer.unref();

  return {
    sample() {
      // The timer is overdue: the loop was just busy. Count the delay so far in this sample;
      // whatever remains until the timer runs goes to the next one. Nothing is lost or doubled.
      const at = performance.now();
      if (at > due) {
        record(at - due);
        due = at;
      }
      const ms = (ns: number) => (histogram.count === 0 ? 0 : ns / 1e6);
      const result = { p50: ms(histogram.percentile(50)), p99: ms(histogram.percentile(99)), max: ms(histogram.max) };
      histogram.reset();
      return result;
    },
    stop() {
      clearInterval(timer);
    },
  };
}
