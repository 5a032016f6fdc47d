import { performance } from 'node:perf_hooks';
import type { HostPlace, PoolPlace } from '../../../shared/host/host-places';
import type { MainMetrics } from '../../../shared/host/main-metrics';
import { CANCEL_GRACE_MS, WorkerPool, type Job, type SpawnWorker, type Timers } from '../../../shared/pool/worker-pool';
import type { CrashMode } from '../../../shared/protocol/messages';
import type { TaskId } from '../../../shared/protocol/task-id';
import { runHere, type ThreadHooks } from '../../../shared/run/run-here';
import { runInPool, type JobQueue } from '../../../shared/run/run-in-pool';
import type { TaskOutcome } from '../../../shared/run/task-outcome';
import type { TaskRequest } from '../../../shared/run/task-request';
import { ParamsError, parseParams } from '../../../shared/workloads/params-error';
import { getWorkload } from '../../../shared/workloads/registry';
import { WHOLE } from '../../../shared/workloads/workload';
import { createEstimateMs, mainProcessRefusal, type EstimateMs } from './estimate-ms';
import type { SpawnHostWorker } from './host-worker';
import { nodeThreadHooks, nodeTimers } from './node-thread';
import { taskEvents, type TaskEmit } from './task-events';
import { messageOf } from '../../../shared/errors/message-of';

// The task host's whole kit, from one place for the app's wiring (electron/main/index.ts).
export { builtEntry, type WorkerEntryName } from './built-entry';
export type { HostWorker, SpawnHostWorker } from './host-worker';
export { nodeThreadHooks, nodeTimers } from './node-thread';
export { defaultPoolSize } from './pool-size';
export { childProcessSpawner, type ChildProcessOptions } from './spawn-child-process';
export { workerThreadSpawner, type WorkerThreadOptions } from './spawn-worker-thread';
export type { TaskEmit } from './task-events';

export interface HostPoolOptions {
  readonly size: number;
  readonly spawn: SpawnHostWorker;
}

export interface TaskHostOptions {
  readonly workerThreads: HostPoolOptions;
  /** Electron utility processes in the app; child_process stand-ins in Node. */
  readonly utility: HostPoolOptions;
  readonly now?: () => number;
  /** The host thread's hooks for the blocking main-process place. */
  readonly thread?: ThreadHooks;
  readonly timers?: Timers;
  /** How long main-process work would block (estimate-ms.ts): over the ceiling, it is refused. */
  readonly estimateMs?: EstimateMs;
  /** A pool job running longer than this is ended as hung (crash-lab jobs excepted); see HOST_JOB_DEADLINE_MS. */
  readonly jobDeadlineMs?: number;
}

/**
 * A pool job's deadline: far past any run the UI asks for (60 s of single-thread work), so only a
 * hung worker meets it — it no longer holds its lane until its window closes.
 */
export const HOST_JOB_DEADLINE_MS = 15 * 60_000;

/** The main process's side of the desktop places (ARCHITECTURE.md, "The six places"): what the IPC handlers drive. */
export interface TaskHost {
  /**
   * Starts a task. Throws (and starts nothing) a ParamsError for invalid parameters, and an Error
   * for a task id already running. Events for the task, ending with exactly one 'end', go to `emit`.
   * The id, place and request arrive already checked against the channel's schema by the IPC
   * dispatcher (electron/main/ipc-dispatch.ts), the one place where the page's requests are checked.
   * `shards`: into how many shares a pool place splits the work (the pool's size when omitted).
   */
  start(taskId: TaskId, place: HostPlace, request: TaskRequest, emit: TaskEmit, shards?: number): void;
  /** The crash lab: a job that breaks its worker on purpose. */
  startCrash(taskId: TaskId, place: PoolPlace, mode: CrashMode, emit: TaskEmit): void;
  /** Requests cancellation; false if no such task is running (or it can no longer stop). */
  cancel(taskId: string): boolean;
  pools(): MainMetrics['pools'];
  /** Stops every task and worker; resolves once every thread and process has exited. */
  dispose(): Promise<void>;
}

interface Running {
  /** Returns false when the task can no longer be stopped. */
  cancel(): boolean;
}

export function createTaskHost(options: TaskHostOptions): TaskHost {
  const now = options.now ?? (() => performance.now());
  const thread = options.thread ?? nodeThreadHooks;
  const timers = options.timers ?? nodeTimers;
  const estimateMs = options.estimateMs ?? createEstimateMs(now);
  const running = new Map<string, Running>();
  const pools = new Map<PoolPlace, WorkerPool>();
  /** Every spawned thread or process that has not exited yet. */
  const alive = new Set<Promise<void>>();
  let disposing: Promise<void> | null = null;

  const poolOptions = (place: PoolPlace) => (place === 'worker-thread' ? options.workerThreads : options.utility);

  /** Pools start on first use, all their workers at once, so later tasks start warm. */
  function poolFor(place: PoolPlace): WorkerPool {
    const existing = pools.get(place);
    if (existing) return existing;
    const { size, spawn } = poolOptions(place);
    const tracked: SpawnWorker = (lane, events) => {
      const worker = spawn(lane, events);
      const exited = worker.exited;
      if (exited) {
        alive.add(exited);
        void exited.then(() => alive.delete(exited));
      }
      return worker;
    };
    const pool = new WorkerPool(size, tracked, timers, CANCEL_GRACE_MS, options.jobDeadlineMs ?? HOST_JOB_DEADLINE_MS);
    pools.set(place, pool);
    pool.warm();
    return pool;
  }

  /**
   * What runInPool submits to, per place. runInPool checks the parameters before its first job;
   * the pool starts on that job, so a request refused for bad parameters (a ParamsError, thrown
   * from start) spawns no worker.
   */
  const queueOf = (place: PoolPlace): JobQueue => ({
    size: poolOptions(place).size,
    submit: (job: Job) => poolFor(place).submit(job),
  });
  const queues: Record<PoolPlace, JobQueue> = {
    'worker-thread': queueOf('worker-thread'),
    'utility-process': queueOf('utility-process'),
  };

  /** Checks what only the host can know before a start or crash test; throws before anything has started. */
  function admit(taskId: TaskId): TaskId {
    if (disposing) throw new Error('The task host has been shut down');
    if (running.has(taskId)) throw new Error(`Task ${taskId} is already running`);
    return taskId;
  }

  function startHere(taskId: string, request: TaskRequest, emit: TaskEmit): void {
    const events = taskEvents(taskId, emit, now);
    const accepted = now();
    const finish = () => running.delete(taskId);
    // Later, so the IPC caller gets its reply before the loop blocks. Then runHere blocks this
    // whole event loop until the work is done: in Electron, every window and IPC call stalls.
    const immediate = setImmediate(() => {
      entry.cancel = () => false; // nothing else runs until it is over, cancel included
      let outcome: Promise<TaskOutcome<unknown>>;
      try {
        outcome = runHere(request, events.listener, { style: 'blocking' }, thread).outcome;
      } catch (error) {
        // Never an uncaught exception in the main process: the task fails instead.
        outcome = Promise.resolve({ status: 'failed', message: messageOf(error), elapsedMs: now() - accepted });
      }
      void outcome.then((o) => {
        finish();
        events.end(o);
      });
    });
    const entry: Running = {
      cancel: () => {
        clearImmediate(immediate);
        finish();
        return events.end({ status: 'cancelled', elapsedMs: now() - accepted });
      },
    };
    running.set(taskId, entry);
  }

  function startInPool(taskId: string, place: PoolPlace, request: TaskRequest, emit: TaskEmit, shards?: number): void {
    const events = taskEvents(taskId, emit, now);
    const queue = queues[place];
    const task = runInPool(queue, request, events.listener, now, shards ?? queue.size);
    running.set(taskId, {
      cancel: () => {
        task.cancel();
        return true;
      },
    });
    void task.outcome.then((outcome) => {
      running.delete(taskId);
      events.end(outcome);
    });
  }

  return {
    start(taskId, place, request, emit, shards) {
      const id = admit(taskId);
      if (place === 'main-process') {
        // This place runs on a later turn (so the caller is answered first): its parameters are
        // checked now, so bad ones are refused to the caller rather than failing the task later;
        // and work its calibration says would block the main process too long is refused.
        const workload = getWorkload(request.workload);
        const params = parseParams(workload.params, request.params, workload.title);
        const refusal = mainProcessRefusal(estimateMs({ ...request, params }), workload.title);
        if (refusal) throw new ParamsError(refusal);
        startHere(id, request, emit);
      } else startInPool(id, place, request, emit, shards);
    },

    startCrash(taskId, place, mode, emit) {
      const id = admit(taskId);
      const events = taskEvents(id, emit, now);
      const started = now();
      let cancelJob = () => {};
      running.set(id, {
        cancel: () => {
          cancelJob();
          return true;
        },
      });
      cancelJob = poolFor(place).submit({
        // The workload is never run: a crash job only names a valid one.
        workload: 'primes',
        params: { limit: 2 },
        shard: WHOLE,
        crash: mode,
        onStart: (lane) => events.listener.onLanes([{ lane, done: 0, total: 1 }]),
        onProgress: () => {},
        onSettled: (job) => {
          running.delete(id);
          const elapsedMs = now() - started;
          if (job.status === 'failed') events.end({ status: 'failed', message: job.message, elapsedMs });
          else if (job.status === 'cancelled') events.end({ status: 'cancelled', elapsedMs });
          else events.end({ status: 'done', result: job.part, elapsedMs });
        },
      });
    },

    cancel(taskId) {
      return running.get(taskId)?.cancel() ?? false;
    },

    pools() {
      const view = (place: PoolPlace) => {
        const pool = pools.get(place);
        if (!pool) {
          const { size } = poolOptions(place);
          return {
            size,
            queued: 0,
            lanes: Array.from({ length: size }, (_, lane) => ({ lane, busy: false, spawned: 0 })),
          };
        }
        const state = pool.state();
        return { size: state.size, queued: state.queued, lanes: state.lanes.map((l) => ({ ...l })) };
      };
      return { 'worker-thread': view('worker-thread'), 'utility-process': view('utility-process') };
    },

    dispose() {
      disposing ??= (async () => {
        // Pool tasks fail ("The worker pool was shut down"); main-process tasks still waiting
        // for their turn end "cancelled" (one that is running has the thread: we are not here).
        for (const pool of pools.values()) pool.dispose();
        for (const task of running.values()) task.cancel();
        while (alive.size > 0) await Promise.all(alive);
      })();
      return disposing;
    },
  };
}
