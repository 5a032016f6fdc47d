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
import { messageOf } from '../../../shared/errors/message-of';

export type RunPhase = 'idle' | 'starting' | 'running' | TaskStatus;

export interface LaneView {
  readonly lane: number;
  readonly done: number;
  readonly total: number;
}

export interface RunView {
  readonly phase: RunPhase;
  readonly place: Place | null;
  readonly request: TaskRequest | null;
  readonly done: number;
  readonly total: number;
  readonly lanes: readonly LaneView[];
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
  done: 0,
  total: 0,
  lanes: [],
  elapsedMs: null,
  resultText: null,
  error: null,
  responsiveness: null,
  window: null,
};

const PROGRESS_RENDER_MS = 66;

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

export interface TaskRunControls {
  readonly view: RunView;
  /** `sizeSeconds`: the size picked, for the session's record. */
  start(place: Place, request: TaskRequest, sizeSeconds?: number): Promise<void>;
  cancel(): void;
}

/**
 * Owns one run at a time: starts it through the renderer's one run lifecycle (`measuredRun`),
 * streams progress into React at most once a frame, hands chunks (tiles) straight to `onChunks`
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
  const pending = useRef<{ done: number; total: number; lanes: readonly LaneView[] } | null>(null);
  const frame = useRef<number | null>(null);
  const chunkSink = useRef(onChunks);
  const endSink = useRef(onEnd);
  useEffect(() => {
    chunkSink.current = onChunks;
    endSink.current = onEnd;
  }, [onChunks, onEnd]);

  // Progress arrives up to ~30 times a second per worker; React hears about it ~15 times a
  // second, so re-rendering stays a small part of each frame on the thread being measured.
  const lastFlush = useRef(-Infinity);
  const flushProgress = useCallback(function flush(now: number) {
    frame.current = null;
    if (now - lastFlush.current < PROGRESS_RENDER_MS) {
      frame.current = requestAnimationFrame(flush);
      return;
    }
    lastFlush.current = now;
    const latest = pending.current;
    if (latest) setView((v) => (v.phase === 'running' ? { ...v, ...latest } : v));
  }, []);

  const start = useCallback(
    async (place: Place, request: TaskRequest, sizeSeconds?: number) => {
      if (busy.current) return;
      busy.current = true;
      // This run's Cancel, from now on: a click while it is still "starting" is kept, not lost.
      const mine = new RunSignal();
      signal.current = mine;
      pending.current = null;
      setView({ ...IDLE, phase: 'starting', place, request });
      // Two frames of "starting", then "running" paints before a blocking run takes the thread.
      await nextFrame();
      await nextFrame();
      // Cancelled meanwhile: it never shows as running (and measuredRun never starts its task).
      if (!mine.cancelled) setView((v) => ({ ...v, phase: 'running' }));
      let lanes: LaneView[] = [];
      const run = await measuredRun(place, request, {
        signal: mine,
        paintFrames: 1,
        listener: {
          onProgress: (p: TaskProgress) => {
            if (p.chunks.length > 0) chunkSink.current(p.chunks, p.lane, place);
            pending.current = { done: p.done, total: p.total, lanes };
            frame.current ??= requestAnimationFrame(flushProgress);
          },
          onLanes: (l) => {
            lanes = [...l];
            if (pending.current) pending.current = { ...pending.current, lanes };
          },
        },
      });
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
      setView((v) => ({
        ...v,
        phase: outcome.status,
        elapsedMs: outcome.elapsedMs,
        done: outcome.status === 'done' ? v.total || 1 : (pending.current?.done ?? v.done),
        total: v.total || 1,
        lanes: outcome.status === 'done' ? lanes.map((l) => ({ ...l, done: l.total })) : lanes,
        resultText: outcome.status === 'done' ? describeResult(workload, outcome.result) : null,
        error: outcome.status === 'failed' ? outcome.message : null,
        responsiveness,
        window: runWindow,
      }));
    },
    [flushProgress],
  );

  const cancel = useCallback(() => signal.current?.cancel(), []);

  useEffect(() => () => signal.current?.cancel(), []);

  return { view, start, cancel };
}

/** A result from another process is not trusted to have the workload's shape. */
function describeResult(workload: AnyWorkload, result: unknown): string {
  try {
    return workload.describe(result);
  } catch (error) {
    return `(the result could not be read: ${messageOf(error)})`;
  }
}
