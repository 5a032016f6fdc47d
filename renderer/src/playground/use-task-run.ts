import { useCallback, useEffect, useRef, useState } from 'react';
import type { Place } from '../../../shared/places';
import type { TaskStatus } from '../../../shared/run/task-outcome';
import type { TaskProgress, TaskRequest } from '../../../shared/run/task-request';
import { getWorkload, type AnyWorkload } from '../../../shared/workloads/registry';
import type { RunResponsiveness } from '../meters/frame-meter';
import { measuredRun } from '../run/measured-run';
import { RunSignal } from '../run/run-signal';
import { playgroundRecord } from '../session/playground-record';
import { recordWithTraces } from '../session/record-with-traces';
import { sessionStore } from '../session/use-session';
import { liveTick } from '../meters/live-tick';
import { messageOf } from '../../../shared/errors/message-of';
import { NO_PROGRESS, RunProgress, type LaneView, type RunProgressView } from './run-progress';

export type { LaneView } from './run-progress';

export type RunPhase = 'idle' | 'starting' | 'running' | TaskStatus;

export interface RunView {
  readonly phase: RunPhase;
  readonly place: Place | null;
  readonly request: TaskRequest | null;
  readonly elapsedMs: number | null;
  readonly resultText: string | null;
  readonly error: string | null;
  readonly responsiveness: RunResponsiveness | null;
  /** performance.now() when the run began and when its outcome arrived: the main-process meters' window. */
  readonly window: { readonly startMs: number; readonly endMs: number } | null;
}

const IDLE: RunView = {
  phase: 'idle',
  place: null,
  request: null,
  elapsedMs: null,
  resultText: null,
  error: null,
  responsiveness: null,
  window: null,
};

/** During a sliced run, one live tick in this many: ≈ 3.75 Hz at the 30 fps such a run draws. */
const SLICED_TICK_EVERY = 2;

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

export interface TaskRunControls {
  readonly view: RunView;
  /** How far the run got, apart from `view`: it changes ~15×/s, and only the bars read it. */
  readonly progress: RunProgress;
  /** `sizeSeconds`: the size picked, for the session's record. */
  start(place: Place, request: TaskRequest, sizeSeconds?: number): Promise<void>;
  cancel(): void;
}

/**
 * Owns one run at a time: starts it through the renderer's one run lifecycle (`measuredRun`),
 * streams progress into its own small store (`RunProgress`) ~15×/s, so a progress update re-renders
 * the bars and not the page; `view` changes only with the phase. It hands chunks (tiles) straight to `onChunks`
 * for imperative drawing. Cancel works from the click on Start on: a cancel while the run is
 * still "starting" means its task never starts.
 */
export interface RunEnd {
  readonly place: Place;
  readonly request: TaskRequest;
  readonly status: TaskStatus;
  readonly responsiveness: RunResponsiveness;
}

export function useTaskRun(
  onChunks: (chunks: readonly unknown[], lane: number, place: Place) => void,
  /** Told once per run that started, when it has ended (the results strip, the guide). */
  onEnd?: (end: RunEnd) => void,
): TaskRunControls {
  const [view, setView] = useState<RunView>(IDLE);
  const signal = useRef<RunSignal | null>(null);
  const busy = useRef(false);
  const [progress] = useState(() => new RunProgress());
  const pending = useRef<RunProgressView | null>(null);
  const chunkSink = useRef(onChunks);
  const endSink = useRef(onEnd);
  useEffect(() => {
    chunkSink.current = onChunks;
    endSink.current = onEnd;
  }, [onChunks, onEnd]);

  // Progress arrives up to ~30 times a second per worker; the bars hear about it on the live
  // tick (15 Hz, the frames the clock and the chart update on anyway), so re-rendering stays a
  // small part of each frame on the thread being measured.
  const flushProgress = useCallback(() => {
    if (pending.current) progress.set(pending.current);
  }, [progress]);

  const start = useCallback(
    async (place: Place, request: TaskRequest, sizeSeconds?: number) => {
      if (busy.current) return;
      busy.current = true;
      // This run's Cancel, from now on: a click while it is still "starting" is kept, not lost.
      const mine = new RunSignal();
      signal.current = mine;
      pending.current = null;
      progress.set(NO_PROGRESS);
      setView({ ...IDLE, phase: 'starting', place, request });
      // Two frames of "starting", then "running" paints before a blocking run takes the thread.
      await nextFrame();
      await nextFrame();
      // Cancelled meanwhile: it never shows as running (and measuredRun never starts its task).
      if (!mine.cancelled) setView((v) => ({ ...v, phase: 'running' }));
      let lanes: LaneView[] = [];
      const stopFlushing = liveTick.subscribe(flushProgress);
      // A sliced run pays for every live repaint with its own time (ARCHITECTURE.md, "What the
      // Playground costs during a run"): its live figures update at half the beat.
      const restoreBeat = place === 'renderer-sliced' ? liveTick.slowDown(SLICED_TICK_EVERY) : () => {};
      const run = await measuredRun(place, request, {
        signal: mine,
        paintFrames: 1,
        listener: {
          onProgress: (p: TaskProgress) => {
            if (p.chunks.length > 0) chunkSink.current(p.chunks, p.lane, place);
            pending.current = { done: p.done, total: p.total, lanes };
          },
          onLanes: (l) => {
            lanes = [...l];
            if (pending.current) pending.current = { ...pending.current, lanes };
          },
        },
      });
      stopFlushing();
      restoreBeat();
      signal.current = null;
      busy.current = false;
      const { outcome, responsiveness } = run;
      const runWindow = { startMs: run.startMs, endMs: run.endMs };
      if (!run.started) {
        // Nothing ran (refused, or cancelled before it began): no record, and no progress to show.
        setView({
          ...IDLE,
          phase: outcome.status,
          place,
          request,
          elapsedMs: outcome.status === 'cancelled' ? 0 : null,
          error: outcome.status === 'failed' ? outcome.message : null,
          responsiveness,
          window: runWindow,
        });
        return;
      }
      // The session's exports include the live demos too, each with its trace (JSON export only).
      void recordWithTraces(
        sessionStore,
        playgroundRecord({
          place,
          workload: request.workload,
          sizeSeconds,
          status: outcome.status,
          elapsedMs: outcome.elapsedMs,
          responsiveness,
          at: new Date().toISOString(),
        }),
      );
      endSink.current?.({ place, request, status: outcome.status, responsiveness });
      const workload = getWorkload(request.workload);
      // The latest report, which the bars may not have shown yet (they hear ~15×/s).
      const last = latestOf(pending);
      const total = last?.total || 1;
      progress.set({
        done: outcome.status === 'done' ? total : (last?.done ?? 0),
        total,
        lanes: outcome.status === 'done' ? lanes.map((l) => ({ ...l, done: l.total })) : lanes,
      });
      setView((v) => ({
        ...v,
        phase: outcome.status,
        elapsedMs: outcome.elapsedMs,
        resultText: outcome.status === 'done' ? describeResult(workload, outcome.result) : null,
        error: outcome.status === 'failed' ? outcome.message : null,
        responsiveness,
        window: runWindow,
      }));
    },
    [flushProgress, progress],
  );

  const cancel = useCallback(() => signal.current?.cancel(), []);

  useEffect(() => () => signal.current?.cancel(), []);

  return { view, progress, start, cancel };
}

/** Read through a function: the listener's closure sets it, which TypeScript's narrowing cannot see. */
function latestOf(pending: { readonly current: RunProgressView | null }): RunProgressView | null {
  return pending.current;
}

/** A result from another process is not trusted to have the workload's shape. */
function describeResult(workload: AnyWorkload, result: unknown): string {
  try {
    return workload.describe(result);
  } catch (error) {
    return `(the result could not be read: ${messageOf(error)})`;
  }
}
