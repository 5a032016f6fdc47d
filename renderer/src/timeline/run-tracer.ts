import type { Place } from '../../../shared/places';
import type { TaskOutcome } from '../../../shared/run/task-outcome';
import type { TaskListener, TaskRequest } from '../../../shared/run/task-request';
import type { WireTrace } from '../../../shared/trace/wire-trace';
import { devtoolsLaneColor, markDevtoolsTrack } from './devtools-track';
import { startPageRecording } from './page-recorder';
import { workerTrackName } from '../../../shared/trace/place-tracks';
import { mainSideImport, type MainSideImport } from './main-side-trace';
import { MAIN_THREAD, PAGE_MAIN_TRACK, pageClock, pageTrace, workerTrack } from './page-trace';
import { EXPORT_MARGIN_MS } from './trace-file';

/** What the timeline and the export know about the latest traced run (epoch ms). */
export interface TracedRun {
  readonly place: Place;
  readonly workload: string;
  readonly startMs: number;
  readonly endMs: number;
  readonly status: TaskOutcome<unknown>['status'];
  /** The frame meter's worst gap for the run: the export's meaning check compares the trace with it. */
  readonly worstGapMs: number;
}

/** One run's recording: the listener parts to merge into the task's, and its end. */
export interface RunTrace {
  readonly listener: Pick<TaskListener, 'onTrace' | 'onLanes'>;
  /** After the meter's closing frames; `wallMs` is the run's own start-to-outcome time. */
  end(outcome: TaskOutcome<unknown>, worstGapMs: number, wallMs: number): void;
}

/** The hook `measuredRun` calls (renderer/src/run/measured-run.ts); tests pass none. */
export interface RunTracer {
  begin(place: Place, request: TaskRequest, onLanes: TaskListener['onLanes']): RunTrace;
}

let current: TracedRun | null = null;
/** The latest traced runs, oldest first: the session export attaches a chapter's runs (several). */
const RECENT_RUNS = 4;
const recent: TracedRun[] = [];
/** Resolves once the run under way (if any) is traced, main-process lane included. */
let settled: Promise<void> = Promise.resolve();
let live: { place: Place; startMs: number } | null = null;
const listeners = new Set<() => void>();

/** The latest finished run, or null; `liveRun()` is the one under way. */
export function lastTracedRun(): TracedRun | null {
  return current;
}
export function liveRun(): { place: Place; startMs: number } | null {
  return live;
}
/** The traced runs that ended after `sinceMs` (epoch ms), oldest first, at most the last four. */
export function tracedRunsSince(sinceMs: number): readonly TracedRun[] {
  return recent.filter((r) => r.endMs > sinceMs);
}
/** Waits for the run under way to be traced (in the desktop app the main process's records come after it ends). */
export function whenTraced(): Promise<void> {
  return settled;
}
export function onTracedRun(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The desktop app's main-process lane, fetched after each run; none in a browser. */
let mainSide: MainSideImport | null | undefined;
function mainSideOfPage(): MainSideImport | null {
  const api = typeof window === 'undefined' ? undefined : window.unfreeze;
  mainSide ??= api ? mainSideImport(api, pageTrace) : null;
  return mainSide;
}

function spanCat(name: string): string {
  if (name.startsWith('job ')) return 'job';
  return name === 'work' ? 'work' : 'chunk';
}

/**
 * The page's tracer: the run as a span on the page's main thread, each worker's spans on its own
 * track, each message as a flow (the job's start from the page, progress and results back, with
 * their latency and bytes), and the run and jobs as DevTools tracks.
 */
export const pageRunTracer: RunTracer = {
  begin(place, request, onLanes) {
    startPageRecording();
    const startMs = pageClock();
    live = { place, startMs };
    listeners.forEach((l) => l());
    /** When the page handed each lane its job: the start of the page → worker flow. */
    const dispatchedAt = new Map<number, number>();
    const pendingStarts = new Set<number>();
    const onTrace = (trace: WireTrace, lane: number) => {
      const receivedMs = pageClock();
      const track = workerTrack(place, lane);
      for (const s of trace.spans) {
        pageTrace.span(track, s.name, spanCat(s.name), s.startMs, s.endMs);
        if (pendingStarts.has(lane) && dispatchedAt.has(lane)) {
          pendingStarts.delete(lane);
          pageTrace.flow('start job', PAGE_MAIN_TRACK, dispatchedAt.get(lane) ?? s.startMs, track, s.startMs);
        }
        if (s.name.startsWith('job ')) {
          markDevtoolsTrack(
            `${s.name} · ${request.workload}`,
            s.startMs,
            s.endMs,
            workerTrackName(place, lane).thread,
            devtoolsLaneColor(lane),
            s.name,
          );
        }
      }
      const isResult = trace.spans.some((s) => s.name.startsWith('job '));
      pageTrace.flow(isResult ? 'result' : 'progress', track, trace.sentMs, PAGE_MAIN_TRACK, receivedMs, trace.bytes);
    };
    const seen = new Set<number>();
    return {
      listener: {
        onTrace,
        onLanes: (lanes) => {
          // A lane's first appearance is the moment the pool posted its job (shared/run/run-in-pool.ts).
          for (const l of lanes) {
            if (l.lane < 0 || seen.has(l.lane)) continue;
            seen.add(l.lane);
            dispatchedAt.set(l.lane, pageClock());
            pendingStarts.add(l.lane);
          }
          onLanes?.(lanes);
        },
      },
      end(outcome, worstGapMs, wallMs) {
        const endMs = startMs + wallMs;
        const name = `run ${place} · ${request.workload}`;
        pageTrace.span(PAGE_MAIN_TRACK, name, 'run', startMs, endMs, {
          place,
          workload: request.workload,
          status: outcome.status,
          worst_gap_ms: Math.round(worstGapMs * 10) / 10,
        });
        markDevtoolsTrack(
          name,
          startMs,
          endMs,
          MAIN_THREAD,
          'error',
          `${outcome.status}, worst frame gap ${Math.round(worstGapMs)} ms`,
        );
        const finished: TracedRun = {
          place,
          workload: request.workload,
          startMs,
          endMs,
          status: outcome.status,
          worstGapMs,
        };
        const publish = () => {
          current = finished;
          recent.push(finished);
          if (recent.length > RECENT_RUNS) recent.shift();
          live = null;
          listeners.forEach((l) => l());
        };
        const main = mainSideOfPage();
        if (!main) return publish();
        // The run counts as traced once the main process's records of it are in (Export waits for them).
        settled = main.pull(startMs - EXPORT_MARGIN_MS, pageClock()).then(({ problem }) => {
          if (problem) console.warn(`The timeline has no main-process lane for this run: ${problem}`);
          publish();
        });
      },
    };
  },
};

/**
 * Each slice of a sliced run, as a span on the page's thread: wraps the thread's `yieldToLoop`
 * (renderer/src/run/start-task.ts passes the wrapped hooks for 'renderer-sliced').
 */
export function tracingSlices<H extends { yieldToLoop(): Promise<void> }>(hooks: H): H {
  let resumedAt = pageClock();
  return {
    ...hooks,
    yieldToLoop: async () => {
      pageTrace.span(PAGE_MAIN_TRACK, 'slice', 'slice', resumedAt, pageClock());
      await hooks.yieldToLoop();
      resumedAt = pageClock();
    },
  };
}
