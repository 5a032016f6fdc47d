import type { TaskRequest } from '../../../shared/run/task-request';
import { MAX_BACKOFF_MS } from '../../../shared/workloads/download/file-transfer';
import type { DownloadParams } from '../../../shared/workloads/download/download-params';
import type { HashingParams } from '../../../shared/workloads/hashing';
import { escapeTime, type MandelbrotParams } from '../../../shared/workloads/mandelbrot';
import { calibrate, MANDELBROT_VIEW, type Calibration } from '../../../shared/workloads/presets';
import { isPrime, primes, type PrimesParams } from '../../../shared/workloads/primes';
import { WHOLE } from '../../../shared/workloads/workload';
import { tinyTasks, type TinyTasksParams } from '../../../shared/workloads/tiny-tasks';

/**
 * How long a task would hold the thread that runs it, estimated before it runs: the main-process
 * place blocks Electron's main process and cannot be cancelled, so work its estimate puts past the
 * UI's ceiling is refused up front. `null` means "no estimate" (the work runs).
 * The parameters are already valid when this is called.
 */
export type EstimateMs = (request: TaskRequest) => number | null;

/** The longest run the UI asks for (a size of 60 s), and so the main-process place's ceiling. */
export const MAIN_PROCESS_BUDGET_MS = 60_000;
/**
 * The page sized its 60 s from its own calibration, and this process measures again: refuse only
 * estimates well past the ceiling, so a 60 s preset still runs when the two measurements differ.
 */
export const ESTIMATE_TOLERANCE = 1.5;

/** The refusal for an estimate over the ceiling, naming it; null when the work may run. */
export function mainProcessRefusal(estimateMs: number | null, title: string): string | null {
  if (estimateMs === null || estimateMs <= MAIN_PROCESS_BUDGET_MS * ESTIMATE_TOLERANCE) return null;
  const seconds = Math.round(estimateMs / 1000).toLocaleString('en-US');
  return (
    `${title} would block the main process for about ${seconds} s by this computer's calibration, and nothing could ` +
    `stop it; the main-process place takes at most ${MAIN_PROCESS_BUDGET_MS / 1000} s of work. ` +
    'Use worker threads or utility processes for more.'
  );
}

/** Speed of this thread, measured once, the first time an estimate is asked for. */
interface Speeds extends Calibration {
  /** The workload's time for a range ÷ its samples' time (the generator around isPrime costs too). */
  readonly primesScale: number;
  /** Milliseconds per loop turn of a tiny task. */
  readonly tinyMsPerIteration: number;
  /** Mean escape time over MANDELBROT_VIEW, which the calibration's Mandelbrot msPerPixel was measured on. */
  readonly viewMeanIterations: number;
}

/** Escape times on a coarse grid of the view: what a pixel of it costs, relative to another view. */
const GRID = { columns: 24, rows: 16 } as const;
/** A pixel's fixed cost (tile, colour, hash), in loop turns of escapeTime. */
const PIXEL_OVERHEAD = 10;

type View = Pick<MandelbrotParams, 'width' | 'height' | 'centerRe' | 'centerIm' | 'span' | 'maxIterations'>;

function meanIterations(p: View): number {
  // As the workload maps pixels: `span` across the width, the same scale down the height.
  const aspect = p.height / p.width;
  let sum = 0;
  for (let row = 0; row < GRID.rows; row++) {
    for (let col = 0; col < GRID.columns; col++) {
      const re = p.centerRe + ((col + 0.5) / GRID.columns - 0.5) * p.span;
      const im = p.centerIm + ((row + 0.5) / GRID.rows - 0.5) * p.span * aspect;
      sum += escapeTime(re, im, p.maxIterations);
    }
  }
  return sum / (GRID.columns * GRID.rows) + PIXEL_OVERHEAD;
}

/** The range that scales the primes samples to the workload: a few milliseconds. */
const PRIMES_PROBE = 300_000;

const TINY_PROBE = { tasks: 2000, iterations: 1000, first: 0 } as const;

const drain = (work: Generator<unknown, unknown>) => {
  for (let step = work.next(); !step.done; step = work.next());
};
const timed = (now: () => number, work: () => void) => {
  const t = now();
  work();
  return now() - t;
};

/** Where the samples' answers go, so the compiler cannot drop their loop as unused. */
let _sink = 0;

function measure(now: () => number): Speeds {
  const calibration = calibrate(now);
  // The workloads themselves, not bare loops: their generators cost 2–3× what a tight loop does.
  // Best of three, so the JIT is warm and a moment of contention does not count.
  let tiny = Infinity;
  let run = Infinity;
  let sampled = Infinity;
  for (let round = 0; round < 3; round++) {
    tiny = Math.min(
      tiny,
      timed(now, () => drain(tinyTasks.run(TINY_PROBE, WHOLE))),
    );
    run = Math.min(
      run,
      timed(now, () => drain(primes.run({ limit: PRIMES_PROBE }, WHOLE))),
    );
    sampled = Math.min(sampled, primesSampleMs(PRIMES_PROBE, now));
  }
  return {
    ...calibration,
    primesScale: Math.max(run, 0.01) / Math.max(sampled, 0.001),
    tinyMsPerIteration: Math.max(tiny, 0.01) / (TINY_PROBE.tasks * (TINY_PROBE.iterations + PIXEL_OVERHEAD)),
    // The presets' aspect (3 : 2), which calibrate() measured on.
    viewMeanIterations: meanIterations({ ...MANDELBROT_VIEW, width: 3, height: 2 }),
  };
}

/**
 * Primes: a number's cost grows with its size, and not as any formula says (a trial division
 * takes 2 ns near a million and 12 ns near a hundred million, on the same thread), so the request's
 * own range is timed: a run of numbers in the middle of each eighth, scaled up to the eighth.
 * About 40 ms at the schema's largest limit.
 */
function primesSampleMs(limit: number, now: () => number): number {
  const SEGMENTS = 8;
  const SAMPLE = 1000;
  let ms = 0;
  for (let segment = 0; segment < SEGMENTS; segment++) {
    const width = (limit + 1) / SEGMENTS;
    const from = Math.floor(width * (segment + 0.5));
    const count = Math.min(SAMPLE, Math.max(1, Math.floor(width)));
    // Best of three: one preemption inside a sample would count as a whole eighth of work.
    let best = Infinity;
    for (let round = 0; round < 3; round++) {
      const t = now();
      for (let n = from; n < from + count; n++) if (isPrime(n)) _sink++;
      best = Math.min(best, now() - t);
    }
    ms += (best / count) * width;
  }
  return ms;
}

/** The simulated download's own clock: connect, transfer, and the expected retries, `concurrency` at a time. */
export function downloadMs(p: DownloadParams): number {
  const expectedRetries = (attempts: number) => {
    let ms = 0;
    for (let k = 1; k <= attempts; k++)
      ms += p.failureRate ** k * (p.latencyMs + Math.min(MAX_BACKOFF_MS, p.backoffMs * 2 ** (k - 1)));
    return ms;
  };
  const retryMs = expectedRetries(p.retries);
  const slots = new Array<number>(Math.min(p.concurrency, p.files.length)).fill(0);
  for (const file of p.files) {
    // Files start in order, each on the connection that frees up first.
    let soonest = 0;
    for (let i = 1; i < slots.length; i++) if ((slots[i] ?? 0) < (slots[soonest] ?? 0)) soonest = i;
    const ms = p.latencyMs + ((file.size - file.offset) / p.bandwidth) * 1000 + retryMs;
    slots[soonest] = (slots[soonest] ?? 0) + ms;
  }
  return Math.max(0, ...slots);
}

/**
 * The task host's estimate, measured with this process's own clock (the pure calibrate() of the
 * presets for Mandelbrot, plus probes of isPrime and a tiny task), about 100 ms once. Downloads need no measurement: their time
 * is the simulated network's, computable from sizes, bandwidth and latency.
 */
export function createEstimateMs(now: () => number): EstimateMs {
  let speeds: Speeds | null = null;
  const measured = () => (speeds ??= measure(now));
  // Measured on the loop's next turn, not by the first main-process task: its freeze (which the
  // lesson measures) would include the probes. Unref'd: it never keeps a process alive.
  setImmediate(measured).unref();
  return ({ workload, params }) => {
    switch (workload) {
      case 'download':
        return downloadMs(params as DownloadParams);
      case 'tiny-tasks': {
        const p = params as TinyTasksParams;
        return p.tasks * (p.iterations + PIXEL_OVERHEAD) * measured().tinyMsPerIteration;
      }
      case 'primes':
        return primesSampleMs((params as PrimesParams).limit, now) * measured().primesScale;
      case 'mandelbrot': {
        const p = params as MandelbrotParams;
        const s = measured();
        return p.width * p.height * s.mandelbrot.msPerPixel * (meanIterations(p) / s.viewMeanIterations);
      }
      case 'hashing':
        // Hashing costs the same for every byte: the calibration's probe scales linearly.
        return (params as HashingParams).mebibytes * measured().hashing.msPerMiB;
    }
  };
}
