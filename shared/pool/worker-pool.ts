import { parseFromWorker, type CrashMode, type ToWorker } from '../protocol/messages';
import type { JobOutcome } from '../run/task-outcome';
import type { WireTrace } from '../trace/wire-trace';
import type { WorkloadName } from '../workloads/registry';
import type { Shard } from '../workloads/workload';
import { Fifo } from './fifo';

/** One background worker as the pool sees it: a Web Worker, a worker thread or a process. */
export interface PoolWorker {
  /** Sends a message; the worker's answers come as later events, never during this call. */
  post(message: ToWorker, transfer: ArrayBuffer[]): void;
  terminate(): void;
}

export interface PoolWorkerEvents {
  message(data: unknown): void;
  /** The worker crashed, exited or failed to load; its job fails with this reason. */
  failed(reason: string): void;
}

export type SpawnWorker = (lane: number, events: PoolWorkerEvents) => PoolWorker;

/** Timers are injected: shared/ has no setTimeout of its own (no DOM, no Node). */
export interface Timers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

/** How a job ends; defined with the task's outcome, whose three endings it shares. */
export type { JobOutcome };

export interface Job {
  readonly workload: WorkloadName;
  readonly params: unknown;
  readonly shard: Shard;
  /** Crash-lab jobs break their worker instead of running the workload. */
  readonly crash?: CrashMode;
  /**
   * Longest this job may run once started; past it its worker is terminated and the job fails.
   * Without one, the pool's own deadline applies, except to crash-lab jobs: a hang there is the
   * demo, and stays on screen until the user cancels it.
   */
  readonly deadlineMs?: number;
  onStart?(lane: number): void;
  onProgress(done: number, chunks: unknown[], lane: number): void;
  onSettled(outcome: JobOutcome): void;
  /**
   * The worker's spans riding on a message (checked with it), and when this pool received it:
   * for the timeline (shared/trace/). Called before the message's own callback.
   */
  onTrace?(trace: WireTrace, lane: number): void;
}

export interface LaneState {
  readonly lane: number;
  readonly busy: boolean;
  /** How many workers this lane has had to spawn (1 + replacements). */
  readonly spawned: number;
}

export interface PoolState {
  readonly size: number;
  readonly queued: number;
  readonly lanes: readonly LaneState[];
}

interface Running {
  readonly id: string;
  readonly job: Job;
  cancelTimer?: unknown;
  deadlineTimer?: unknown;
}

interface Lane {
  readonly index: number;
  worker: PoolWorker | null;
  running: Running | null;
  spawned: number;
}

/** How long a worker gets to acknowledge "cancel" before it is terminated and replaced. */
export const CANCEL_GRACE_MS = 50;

/** No deadline: the pool's default for jobs that do not name one. */
export const NO_DEADLINE = Infinity;

/**
 * A fixed-size pool: one job per worker at a time, a FIFO queue for the rest. Workers start
 * lazily, a crashed or hung one is replaced, and no message goes to a worker that is gone.
 */
export class WorkerPool {
  private readonly lanes: Lane[];
  /** The waiting jobs, oldest first; a cancelled one leaves in O(1), wherever it is (fifo.ts). */
  private readonly queue = new Fifo<Running>();
  private nextId = 1;
  private disposed = false;
  private readonly listeners = new Set<(state: PoolState) => void>();

  constructor(
    readonly size: number,
    private readonly spawn: SpawnWorker,
    private readonly timers: Timers,
    private readonly cancelGraceMs = CANCEL_GRACE_MS,
    /** The deadline of every job that names none (crash-lab jobs excepted). */
    private readonly jobDeadlineMs = NO_DEADLINE,
  ) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`Pool size must be a whole number ≥ 1, got ${size}`);
    this.lanes = Array.from({ length: size }, (_, index) => ({ index, worker: null, running: null, spawned: 0 }));
  }

  /** Queues a job; returns a function that cancels it. */
  submit(job: Job): () => void {
    if (this.disposed) {
      job.onSettled({ status: 'failed', message: 'The worker pool has been shut down' });
      return () => {};
    }
    const entry: Running = { id: `job-${this.nextId++}`, job };
    this.queue.push(entry);
    this.pump();
    return () => this.cancel(entry);
  }

  /** Starts every lane's worker ahead of time, so the first task does not pay for start-up. */
  warm(): void {
    if (this.disposed) return;
    for (const lane of this.lanes) {
      if (lane.worker !== null) continue;
      try {
        this.spawnOn(lane);
      } catch {
        // Warming is only a head start: the first job on this lane tries again and reports why.
      }
    }
    this.changed();
  }

  state(): PoolState {
    return {
      size: this.size,
      queued: this.queue.size,
      lanes: this.lanes.map((l) => ({ lane: l.index, busy: l.running !== null, spawned: l.spawned })),
    };
  }

  onChange(listener: (state: PoolState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Terminates every worker; running and queued jobs fail. */
  dispose(): void {
    this.disposed = true;
    for (const entry of this.queue.clear())
      entry.job.onSettled({ status: 'failed', message: 'The worker pool was shut down' });
    for (const lane of this.lanes) {
      const running = lane.running;
      // Cleared first, so a later cancel() finds nothing to cancel and cannot settle it again.
      lane.running = null;
      this.retire(lane);
      if (running) this.settle(running, { status: 'failed', message: 'The worker pool was shut down' });
    }
    this.changed();
  }

  private pump(): void {
    for (const lane of this.lanes) {
      if (lane.running !== null) continue;
      const entry = this.queue.shift();
      if (entry === undefined) break;
      this.startOn(lane, entry);
    }
    this.changed();
  }

  private startOn(lane: Lane, entry: Running): void {
    lane.running = entry;
    let worker: PoolWorker;
    try {
      worker = lane.worker ?? this.spawnOn(lane);
    } catch (error) {
      // E.g. a Worker constructor that throws: fail this job, and keep the lane usable.
      this.finish(lane, { status: 'failed', message: `Could not start worker ${lane.index + 1}: ${String(error)}` });
      return;
    }
    const { workload, params, shard, crash } = entry.job;
    // The message goes first: the worker starts on it while this thread does the bookkeeping
    // below, instead of after it (a warm round trip is ~0.1 ms; every µs before the post is in it).
    try {
      worker.post(
        crash
          ? { type: 'crash', taskId: entry.id, mode: crash }
          : { type: 'start', taskId: entry.id, workload, params, shard },
        [],
      );
    } catch (error) {
      this.fail(lane, `Could not send the task to worker ${lane.index + 1}: ${String(error)}`);
      return;
    }
    // Still before any reply: a worker's answer arrives as a later event, never during this call.
    entry.job.onStart?.(lane.index);
    const deadlineMs = entry.job.deadlineMs ?? (crash ? NO_DEADLINE : this.jobDeadlineMs);
    if (deadlineMs !== NO_DEADLINE && lane.running === entry) {
      // A job stuck in a loop never answers: it would hold its lane until cancelled.
      entry.deadlineTimer = this.timers.set(() => {
        if (lane.running !== entry) return;
        this.fail(
          lane,
          `Worker ${lane.index + 1} did not finish its job within ${deadlineMs / 1000} s; it was replaced`,
        );
      }, deadlineMs);
    }
  }

  private spawnOn(lane: Lane): PoolWorker {
    lane.spawned++;
    let self: PoolWorker | null = null;
    // Events from a worker that was already replaced are ignored: it is never messaged again.
    const current = () => self !== null && lane.worker === self;
    self = this.spawn(lane.index, {
      message: (data) => {
        if (current()) this.receive(lane, data);
      },
      failed: (reason) => {
        if (current()) this.fail(lane, reason);
      },
    });
    lane.worker = self;
    return self;
  }

  private receive(lane: Lane, data: unknown): void {
    // Trust boundary: a worker's reply enters the pool's thread. A worker may have crashed halfway
    // or run broken code, so its message is checked here, once, before anything acts on it (the
    // workload's chunks and parts inside it are checked by the job's owner, e.g. runInPool).
    const parsed = parseFromWorker(data);
    if (!parsed.ok) {
      this.fail(lane, `Worker ${lane.index + 1} sent an invalid message (${parsed.error}); it was replaced`);
      return;
    }
    const msg = parsed.message;
    const entry = lane.running;
    if (entry === null || msg.taskId !== entry.id) return; // late news of a job already settled
    if ((msg.type === 'progress' || msg.type === 'result') && msg.trace) entry.job.onTrace?.(msg.trace, lane.index);
    switch (msg.type) {
      case 'progress':
        entry.job.onProgress(msg.done, msg.chunks, lane.index);
        return;
      case 'result':
        this.finish(lane, { status: 'done', part: msg.part });
        return;
      case 'cancelled':
        this.finish(lane, { status: 'cancelled' });
        return;
      case 'error':
        this.finish(lane, { status: 'failed', message: msg.message });
        return;
    }
  }

  private cancel(entry: Running): void {
    if (this.queue.delete(entry)) {
      this.settle(entry, { status: 'cancelled' });
      this.changed();
      return;
    }
    const lane = this.lanes.find((l) => l.running === entry);
    if (!lane || entry.cancelTimer !== undefined) return;
    lane.worker?.post({ type: 'cancel', taskId: entry.id }, []);
    // A worker stuck in a loop never reads "cancel": terminate it after a short grace period.
    entry.cancelTimer = this.timers.set(() => {
      if (lane.running !== entry) return;
      this.retire(lane);
      this.finish(lane, { status: 'cancelled' });
    }, this.cancelGraceMs);
  }

  private fail(lane: Lane, reason: string): void {
    this.retire(lane);
    this.finish(lane, { status: 'failed', message: reason });
  }

  /** Terminates the lane's worker; the next job on this lane spawns a fresh one. */
  private retire(lane: Lane): void {
    const worker = lane.worker;
    lane.worker = null;
    if (worker) {
      try {
        worker.terminate();
      } catch {
        // Already gone: nothing left to stop.
      }
    }
  }

  private finish(lane: Lane, outcome: JobOutcome): void {
    const entry = lane.running;
    lane.running = null;
    if (entry) this.settle(entry, outcome);
    if (!this.disposed) this.pump();
  }

  private settle(entry: Running, outcome: JobOutcome): void {
    if (entry.cancelTimer !== undefined) this.timers.clear(entry.cancelTimer);
    if (entry.deadlineTimer !== undefined) this.timers.clear(entry.deadlineTimer);
    entry.job.onSettled(outcome);
  }

  private changed(): void {
    // Called on every start and settle: the snapshot is only built for someone who reads it.
    if (this.listeners.size === 0) return;
    const state = this.state();
    for (const listener of this.listeners) listener(state);
  }
}
