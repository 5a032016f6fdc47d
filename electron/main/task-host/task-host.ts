import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import { hostPlaceSchema, poolPlaceSchema, type HostPlace, type PoolPlace } from '../../../shared/host/host-places';
import type { MainMetrics } from '../../../shared/host/main-metrics';
import { CANCEL_GRACE_MS, WorkerPool, type SpawnWorker, type Timers } from '../../../shared/pool/worker-pool';
import { CRASH_MODES, type CrashMode } from '../../../shared/protocol/messages';
import { runHere, type ThreadHooks } from '../../../shared/run/run-here';
import { runInPool } from '../../../shared/run/run-in-pool';
import type { TaskOutcome } from '../../../shared/run/task-outcome';
import { taskRequestSchema, type TaskRequest } from '../../../shared/run/task-request';
import { describeIssues, ParamsError, parseParams } from '../../../shared/workloads/params-error';
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

/** The main process's side of the desktop places (DESIGN.md): what the IPC handlers drive. */
export interface TaskHost {
  /**
   * Starts a task. Throws (and starts nothing) for an invalid task id, place or request, a
   * ParamsError for invalid parameters, and an Error for a task id already running. Events
   * for the task, ending with exactly one 'end', go to `emit`.
   */
  /** `shards`: into how many shares a pool place splits the work (the pool's size when omitted). */
  start(taskId: string, place: HostPlace, request: unknown, emit: TaskEmit, shards?: number): void;
  /** The crash lab: a job that breaks its worker on purpose (validated like start). */
  startCrash(taskId: string, place: PoolPlace, mode: CrashMode, emit: TaskEmit): void;
  /** Requests cancellation; false if no such task is running (or it can no longer stop). */
  cancel(taskId: string): boolean;
  pools(): MainMetrics['pools'];
  /** Stops every task and worker; resolves once every thread and process has exited. */
  dispose(): Promise<void>;
}

const taskIdSchema = z
  .string({ error: 'taskId must be a string' })
  .min(1, { error: 'taskId must not be empty' })
  .max(100, { error: 'taskId must be at most 100 characters' });
const crashModeSchema = z.enum(CRASH_MODES, { error: `mode must be one of: ${CRASH_MODES.join(', ')}` });

function parse<T>(schema: z.ZodType<T>, input: unknown, what: string): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new Error(`Invalid ${what}: ${describeIssues(parsed.error)}`);
  return parsed.data;
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

  /** Checks everything a start or crash test needs; throws before anything has started. */
  function admit(taskId: unknown): string {
    if (disposing) throw new Error('The task host has been shut down');
    const id = parse(taskIdSchema, taskId, 'task id');
    if (running.has(id)) throw new Error(`Task ${id} is already running`);
    return id;
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
    const pool = poolFor(place);
    const task = runInPool(pool, request, events.listener, now, shards ?? pool.size);
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
      const where = parse(hostPlaceSchema, place, 'place');
      const req = parse(taskRequestSchema, request, 'task request');
      // Parameters first (a ParamsError), so a bad request spawns no worker.
      const workload = getWorkload(req.workload);
      const params = parseParams(workload.params, req.params, workload.title);
      const refusal = where === 'main-process' && mainProcessRefusal(estimateMs({ ...req, params }), workload.title);
      if (refusal) throw new ParamsError(refusal);
      if (where === 'main-process') startHere(id, req, emit);
      else startInPool(id, where, req, emit, shards);
    },

    startCrash(taskId, place, mode, emit) {
      const id = admit(taskId);
      const where = parse(poolPlaceSchema, place, 'place');
      const how = parse(crashModeSchema, mode, 'crash mode');
      const events = taskEvents(id, emit, now);
      const started = now();
      let cancelJob = () => {};
      running.set(id, {
        cancel: () => {
          cancelJob();
          return true;
        },
      });
      cancelJob = poolFor(where).submit({
        // The workload is never run: a crash job only names a valid one.
        workload: 'primes',
        params: { limit: 2 },
        shard: WHOLE,
        crash: how,
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
