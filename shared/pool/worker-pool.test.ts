import { describe, it, expect, afterEach } from 'vitest';
import { Worker } from 'node:worker_threads';
import type { ToWorker } from '../protocol/messages';
import { runHere, type ThreadHooks } from '../run/run-here';
import { runInPool } from '../run/run-in-pool';
import type { TaskOutcome } from '../run/task-outcome';
import type { TaskListener, TaskProgress } from '../run/task-request';
import type { MandelbrotTile } from '../workloads/mandelbrot';
import { ParamsError } from '../workloads/params-error';
import { MANDELBROT_VIEW } from '../workloads/presets';
import {
  CANCEL_GRACE_MS,
  WorkerPool,
  type Job,
  type JobOutcome,
  type PoolState,
  type PoolWorker,
  type PoolWorkerEvents,
  type SpawnWorker,
  type Timers,
} from './worker-pool';
import { collectProgress as collect } from '../testing/collect-progress';

// ---------------------------------------------------------------------------------------------
// Part 1: the pool's logic, with fake workers and fake timers (fully deterministic).
// ---------------------------------------------------------------------------------------------

class FakeWorker implements PoolWorker {
  readonly posted: ToWorker[] = [];
  terminated = false;
  constructor(
    readonly lane: number,
    readonly events: PoolWorkerEvents,
  ) {}
  post(message: ToWorker): void {
    if (this.terminated) throw new Error('posted to a terminated worker');
    this.posted.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  /** The taskId of the last "start" this worker received. */
  lastTask(): string {
    const start = this.posted.filter((m) => m.type === 'start').at(-1);
    if (!start) throw new Error(`worker on lane ${this.lane} has no task`);
    return start.taskId;
  }
  reply(message: Record<string, unknown>): void {
    this.events.message({ taskId: this.lastTask(), ...message });
  }
}

class FakeTimers implements Timers {
  private next = 1;
  readonly pending = new Map<number, { callback: () => void; ms: number }>();
  set(callback: () => void, ms: number): number {
    const id = this.next++;
    this.pending.set(id, { callback, ms });
    return id;
  }
  clear(handle: unknown): void {
    this.pending.delete(handle as number);
  }
  fireAll(): void {
    const due = [...this.pending.values()];
    this.pending.clear();
    for (const t of due) t.callback();
  }
}

/** A pool of fake workers on fake timers; `jobDeadlineMs` as the pool's hung-job deadline (none by default). */
function fakePool(size: number, jobDeadlineMs?: number) {
  const workers: FakeWorker[] = [];
  const timers = new FakeTimers();
  const spawn: SpawnWorker = (lane, events) => {
    const worker = new FakeWorker(lane, events);
    workers.push(worker);
    return worker;
  };
  const pool = new WorkerPool(size, spawn, timers, CANCEL_GRACE_MS, jobDeadlineMs);
  const states: PoolState[] = [];
  pool.onChange((s) => states.push(s));
  return { pool, workers, timers, states };
}

interface TrackedJob {
  readonly job: Job;
  readonly settled: JobOutcome[];
  readonly started: number[];
  readonly progress: { done: number; chunks: unknown[]; lane: number }[];
}

function track(params: unknown = { limit: 1000 }, shard = { index: 0, count: 1 }): TrackedJob {
  const settled: JobOutcome[] = [];
  const started: number[] = [];
  const progress: { done: number; chunks: unknown[]; lane: number }[] = [];
  return {
    settled,
    started,
    progress,
    job: {
      workload: 'primes',
      params,
      shard,
      onStart: (lane) => started.push(lane),
      onProgress: (done, chunks, lane) => progress.push({ done, chunks, lane }),
      onSettled: (outcome) => settled.push(outcome),
    },
  };
}

const busyLanes = (state: PoolState) => state.lanes.filter((l) => l.busy).length;

describe('WorkerPool with fake workers', () => {
  it('refuses a size that is not a whole number ≥ 1', () => {
    const spawn: SpawnWorker = () => {
      throw new Error('never called');
    };
    for (const size of [0, -1, 1.5, Number.NaN])
      expect(() => new WorkerPool(size, spawn, new FakeTimers())).toThrow(RangeError);
  });

  it('spawns workers lazily, one job per worker, and queues the rest in order', () => {
    const { pool, workers } = fakePool(2);
    expect(workers).toHaveLength(0);
    const jobs = [track(), track(), track(), track()];
    for (const j of jobs) pool.submit(j.job);
    expect(workers).toHaveLength(2);
    expect(jobs.map((j) => j.started)).toEqual([[0], [1], [], []]);
    expect(pool.state()).toMatchObject({ size: 2, queued: 2 });
    expect(workers[0]?.posted).toEqual([
      {
        type: 'start',
        taskId: workers[0]?.lastTask(),
        workload: 'primes',
        params: { limit: 1000 },
        shard: { index: 0, count: 1 },
      },
    ]);

    // Lane 1 finishes first: the next queued job goes there, on the same worker.
    workers[1]?.reply({ type: 'result', part: 168, elapsedMs: 1 });
    expect(jobs[1]?.settled).toEqual([{ status: 'done', part: 168 }]);
    expect(jobs[2]?.started).toEqual([1]);
    expect(workers).toHaveLength(2);
    workers[0]?.reply({ type: 'result', part: 1, elapsedMs: 1 });
    workers[0]?.reply({ type: 'result', part: 2, elapsedMs: 1 });
    workers[1]?.reply({ type: 'result', part: 3, elapsedMs: 1 });
    expect(jobs.map((j) => j.settled)).toEqual([
      [{ status: 'done', part: 1 }],
      [{ status: 'done', part: 168 }],
      [{ status: 'done', part: 3 }],
      [{ status: 'done', part: 2 }],
    ]);
    expect(pool.state()).toEqual({
      size: 2,
      queued: 0,
      lanes: [
        { lane: 0, busy: false, spawned: 1 },
        { lane: 1, busy: false, spawned: 1 },
      ],
    });
  });

  it('routes progress to its job and ignores news about other tasks', () => {
    const { pool, workers } = fakePool(1);
    const j = track();
    pool.submit(j.job);
    workers[0]?.reply({ type: 'progress', done: 10, chunks: ['a'] });
    workers[0]?.events.message({ type: 'progress', taskId: 'job-999', done: 99, chunks: [] });
    workers[0]?.events.message({ type: 'result', taskId: 'job-999', part: 5, elapsedMs: 1 });
    expect(j.progress).toEqual([{ done: 10, chunks: ['a'], lane: 0 }]);
    expect(j.settled).toEqual([]);
    expect(workers[0]?.terminated).toBe(false);
  });

  it('cancels a queued job at once, without sending it anywhere', () => {
    const { pool, workers } = fakePool(1);
    const running = track();
    const queued = track();
    pool.submit(running.job);
    const cancel = pool.submit(queued.job);
    cancel();
    expect(queued.settled).toEqual([{ status: 'cancelled' }]);
    expect(pool.state().queued).toBe(0);
    workers[0]?.reply({ type: 'result', part: 1, elapsedMs: 1 });
    expect(workers[0]?.posted.filter((m) => m.type === 'start')).toHaveLength(1);
    expect(queued.started).toEqual([]);
  });

  it('cancels a running job by message; an acknowledged cancel keeps the worker', () => {
    const { pool, workers, timers } = fakePool(1);
    const j = track();
    const cancel = pool.submit(j.job);
    cancel();
    cancel(); // a second cancel is harmless
    const taskId = workers[0]?.lastTask();
    expect(workers[0]?.posted.at(-1)).toEqual({ type: 'cancel', taskId });
    expect(workers[0]?.posted.filter((m) => m.type === 'cancel')).toHaveLength(1);
    expect(timers.pending.size).toBe(1);
    expect([...timers.pending.values()][0]?.ms).toBe(CANCEL_GRACE_MS);
    workers[0]?.reply({ type: 'cancelled' });
    expect(j.settled).toEqual([{ status: 'cancelled' }]);
    expect(timers.pending.size).toBe(0);
    expect(workers[0]?.terminated).toBe(false);
    const next = track();
    pool.submit(next.job);
    expect(workers).toHaveLength(1);
  });

  it('terminates and replaces a worker that does not acknowledge a cancel within the grace period', () => {
    const { pool, workers, timers } = fakePool(1);
    const j = track();
    const cancel = pool.submit(j.job);
    cancel();
    expect(j.settled).toEqual([]);
    timers.fireAll();
    expect(j.settled).toEqual([{ status: 'cancelled' }]);
    expect(workers[0]?.terminated).toBe(true);
    // A late answer from the old worker changes nothing.
    workers[0]?.reply({ type: 'result', part: 1, elapsedMs: 1 });
    expect(j.settled).toEqual([{ status: 'cancelled' }]);
    const next = track();
    pool.submit(next.job);
    expect(workers).toHaveLength(2);
    expect(pool.state().lanes[0]).toEqual({ lane: 0, busy: true, spawned: 2 });
  });

  it('fails only the crashed worker’s job, and replaces the worker', () => {
    const { pool, workers } = fakePool(2);
    const a = track();
    const b = track();
    pool.submit(a.job);
    pool.submit(b.job);
    workers[0]?.events.failed('Worker 1 ran out of memory');
    workers[0]?.events.failed('and then it exited'); // a second report of the same death
    expect(a.settled).toEqual([{ status: 'failed', message: 'Worker 1 ran out of memory' }]);
    expect(workers[0]?.terminated).toBe(true);
    expect(b.settled).toEqual([]);
    workers[1]?.reply({ type: 'result', part: 7, elapsedMs: 1 });
    expect(b.settled).toEqual([{ status: 'done', part: 7 }]);
    const c = track();
    pool.submit(c.job);
    expect(c.started).toEqual([0]);
    expect(workers).toHaveLength(3);
    expect(pool.state().lanes.map((l) => l.spawned)).toEqual([2, 1]);
  });

  it('fails the job of a worker that sends garbage, and replaces it', () => {
    const { pool, workers } = fakePool(1);
    const j = track();
    pool.submit(j.job);
    workers[0]?.events.message({ type: 'bogus' });
    expect(j.settled).toHaveLength(1);
    const outcome = j.settled[0];
    expect(outcome?.status).toBe('failed');
    if (outcome?.status === 'failed') {
      expect(outcome.message).toMatch(
        /^Worker 1 sent an invalid message \(Rejected from-worker message: .*type must be/,
      );
      expect(outcome.message).toMatch(/it was replaced$/);
    }
    expect(workers[0]?.terminated).toBe(true);
  });

  it('fails a job whose start cannot be posted, and goes on with the queue', () => {
    const workers: FakeWorker[] = [];
    let spawns = 0;
    const pool = new WorkerPool(
      1,
      (lane, events) => {
        const worker = new FakeWorker(lane, events);
        if (spawns++ === 0)
          worker.post = () => {
            throw new Error('DataCloneError');
          };
        workers.push(worker);
        return worker;
      },
      new FakeTimers(),
    );
    const a = track();
    const b = track();
    pool.submit(a.job);
    pool.submit(b.job);
    expect(a.settled).toEqual([
      { status: 'failed', message: 'Could not send the task to worker 1: Error: DataCloneError' },
    ]);
    expect(b.started).toEqual([0]);
    expect(workers[1]?.posted).toHaveLength(1);
  });

  it('fails a job whose worker cannot even be created, and keeps the lane usable', () => {
    const workers: FakeWorker[] = [];
    let spawns = 0;
    const pool = new WorkerPool(
      1,
      (lane, events) => {
        if (spawns++ === 0) throw new Error('SecurityError: blocked by policy');
        const worker = new FakeWorker(lane, events);
        workers.push(worker);
        return worker;
      },
      new FakeTimers(),
    );
    const a = track();
    expect(() => pool.submit(a.job)).not.toThrow();
    expect(a.settled).toHaveLength(1);
    expect(a.settled[0]).toMatchObject({ status: 'failed' });
    if (a.settled[0]?.status === 'failed') expect(a.settled[0].message).toContain('SecurityError: blocked by policy');
    expect(pool.state().lanes[0]?.busy).toBe(false);
    const b = track();
    pool.submit(b.job);
    workers[0]?.reply({ type: 'result', part: 168, elapsedMs: 1 });
    expect(b.settled).toEqual([{ status: 'done', part: 168 }]);
  });

  it('tells listeners about every change, never with more busy lanes than workers', () => {
    const { pool, workers, states } = fakePool(3);
    for (let i = 0; i < 10; i++) pool.submit(track().job);
    for (let round = 0; round < 10; round++) {
      for (const w of workers.filter((x) => !x.terminated)) {
        if (pool.state().lanes[w.lane]?.busy) w.reply({ type: 'result', part: 0, elapsedMs: 0 });
      }
    }
    expect(states.length).toBeGreaterThan(10);
    expect(Math.max(...states.map(busyLanes))).toBe(3);
    expect(states.at(-1)).toMatchObject({ queued: 0 });
    expect(busyLanes(pool.state())).toBe(0);
  });

  it('stops notifying a listener that unsubscribed', () => {
    const { pool } = fakePool(1);
    let calls = 0;
    const off = pool.onChange(() => calls++);
    pool.submit(track().job);
    const before = calls;
    off();
    pool.submit(track().job);
    expect(before).toBeGreaterThan(0);
    expect(calls).toBe(before);
  });

  it('on dispose fails running and queued jobs, terminates workers, and refuses new jobs', () => {
    const { pool, workers } = fakePool(2);
    const jobs = [track(), track(), track()];
    for (const j of jobs) pool.submit(j.job);
    pool.dispose();
    for (const j of jobs) {
      expect(j.settled).toHaveLength(1);
      expect(j.settled[0]).toMatchObject({ status: 'failed', message: expect.stringMatching(/shut down/) });
    }
    expect(workers.every((w) => w.terminated)).toBe(true);
    expect(busyLanes(pool.state())).toBe(0);
    const late = track();
    pool.submit(late.job);
    expect(late.settled).toEqual([{ status: 'failed', message: 'The worker pool has been shut down' }]);
    expect(workers).toHaveLength(2);
  });

  it('settles each running job once when it is cancelled after dispose', () => {
    const { pool, timers } = fakePool(2);
    const jobs = [track(), track()];
    const cancels = jobs.map((j) => pool.submit(j.job));
    pool.dispose();
    for (const cancel of cancels) cancel();
    timers.fireAll();
    for (const j of jobs) expect(j.settled).toEqual([{ status: 'failed', message: 'The worker pool was shut down' }]);
    expect(timers.pending.size).toBe(0);
  });

  it('settles each job once when a failure during dispose cancels its siblings (as runInPool does)', () => {
    const { pool, timers } = fakePool(3);
    const jobs = [track(), track(), track()];
    const cancels: (() => void)[] = [];
    for (const j of jobs) {
      cancels.push(
        pool.submit({
          ...j.job,
          onSettled: (outcome) => {
            j.job.onSettled(outcome);
            for (const cancel of cancels) cancel();
          },
        }),
      );
    }
    pool.dispose();
    timers.fireAll();
    for (const j of jobs) expect(j.settled).toEqual([{ status: 'failed', message: 'The worker pool was shut down' }]);
    expect(timers.pending.size).toBe(0);
  });

  it('posts a job to its worker before any bookkeeping: onStart and the deadline come after', () => {
    const { pool, workers, timers } = fakePool(1, 5_000);
    // What had been posted, and which timers were set, when the job was told it started.
    const seen: { posted: number; timers: number }[] = [];
    const job = track();
    pool.submit({
      ...job.job,
      onStart: (lane) => {
        seen.push({ posted: workers[lane]?.posted.length ?? 0, timers: timers.pending.size });
        job.job.onStart?.(lane);
      },
    });
    expect(seen).toEqual([{ posted: 1, timers: 0 }]);
    expect(job.started).toEqual([0]);
    expect([...timers.pending.values()].map((t) => t.ms)).toEqual([5_000]);
  });

  it('fails a job that outlives its deadline, replaces its worker, and runs the next job', () => {
    const { pool, workers, timers } = fakePool(1, 5_000);
    const hung = track();
    const next = track();
    pool.submit(hung.job);
    pool.submit(next.job);
    expect([...timers.pending.values()].map((t) => t.ms)).toEqual([5_000]);
    timers.fireAll();
    expect(hung.settled).toEqual([
      { status: 'failed', message: 'Worker 1 did not finish its job within 5 s; it was replaced' },
    ]);
    expect(workers[0]?.terminated).toBe(true);
    expect(next.started).toEqual([0]);
    workers[1]?.reply({ type: 'result', part: 168, elapsedMs: 1 });
    expect(next.settled).toEqual([{ status: 'done', part: 168 }]);
    // The finished job's deadline was cleared with it: nothing is left to fire.
    expect(timers.pending.size).toBe(0);
  });

  it('gives crash-lab jobs no deadline, and lets a job name its own', () => {
    const timers = new FakeTimers();
    const pool = new WorkerPool(2, (lane, events) => new FakeWorker(lane, events), timers, CANCEL_GRACE_MS, 5_000);
    const crash = track();
    pool.submit({ ...crash.job, crash: 'hang' });
    expect(timers.pending.size).toBe(0);
    pool.submit({ ...track().job, deadlineMs: 250 });
    expect([...timers.pending.values()].map((t) => t.ms)).toEqual([250]);
    expect(crash.settled).toEqual([]);
  });

  it('cancels any number of queued jobs in linear time', () => {
    const cancelAll = (jobs: number) => {
      const pool = new WorkerPool(1, (lane, events) => new FakeWorker(lane, events), new FakeTimers());
      const cancels: (() => void)[] = [];
      let settled = 0;
      for (let i = 0; i < jobs; i++) cancels.push(pool.submit({ ...track().job, onSettled: () => settled++ }));
      const t0 = performance.now();
      // Newest first, as a window's tasks are abandoned: the worst case for an indexOf + splice.
      for (let i = cancels.length - 1; i >= 1; i--) cancels[i]?.();
      const ms = performance.now() - t0;
      expect(settled).toBe(jobs - 1);
      expect(pool.state().queued).toBe(0);
      return ms;
    };
    cancelAll(10_000); // warm the JIT
    const small = cancelAll(20_000);
    const large = cancelAll(160_000);
    // 8× the jobs: about 8× the time when linear, 64× when quadratic (24.4 s for 160k before).
    expect(large).toBeLessThan(2_000);
    expect(large / Math.max(small, 1)).toBeLessThan(30);
  });
});

// ---------------------------------------------------------------------------------------------
// Part 2: real worker_threads running the real task server (fixtures/node-task-worker.mjs).
// ---------------------------------------------------------------------------------------------

type FixtureMode = 'normal' | 'crash-on-load' | 'crash-on-start' | 'hang' | 'garbage';

const FIXTURE = new URL('./fixtures/node-task-worker.mjs', import.meta.url);

const nodeTimers: Timers = {
  set: (callback, ms) => setTimeout(callback, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

interface SpawnedThread {
  readonly lane: number;
  readonly mode: FixtureMode;
  readonly worker: Worker;
  readonly exited: Promise<number>;
  hasExited: boolean;
}

/**
 * The SpawnWorker adapter for worker_threads (the production one belongs in electron/main).
 * `modeOf` picks the fixture's behaviour for the n-th worker spawned on a lane.
 */
function threadSpawner(modeOf: (lane: number, nth: number) => FixtureMode = () => 'normal') {
  const threads: SpawnedThread[] = [];
  const spawn: SpawnWorker = (lane, events) => {
    const nth = threads.filter((t) => t.lane === lane).length;
    const mode = modeOf(lane, nth);
    const worker = new Worker(FIXTURE, { workerData: { mode }, name: `unfreeze-test-${lane + 1}` });
    let terminating = false;
    const thread: SpawnedThread = {
      lane,
      mode,
      worker,
      hasExited: false,
      exited: new Promise<number>((resolve) => worker.once('exit', resolve)),
    };
    void thread.exited.then(() => (thread.hasExited = true));
    threads.push(thread);
    worker.on('message', (data: unknown) => events.message(data));
    worker.on('messageerror', () => events.failed(`Worker thread ${lane + 1} sent a message that could not be read`));
    worker.on('error', (error) => events.failed(`Worker thread ${lane + 1} crashed: ${error.message}`));
    worker.on('exit', (code) => {
      if (!terminating) events.failed(`Worker thread ${lane + 1} exited unexpectedly with code ${code}`);
    });
    return {
      post: (message, transfer) => worker.postMessage(message, transfer),
      terminate: () => {
        terminating = true;
        void worker.terminate();
      },
    };
  };
  return { spawn, threads };
}

/** Pools made by a test; afterEach disposes them and waits until every thread has exited. */
const live: { pool: WorkerPool; threads: SpawnedThread[] }[] = [];

function threadPool(size: number, modeOf?: (lane: number, nth: number) => FixtureMode) {
  const { spawn, threads } = threadSpawner(modeOf);
  const pool = new WorkerPool(size, spawn, nodeTimers);
  live.push({ pool, threads });
  return { pool, threads };
}

afterEach(async () => {
  const threads = live.splice(0).flatMap(({ pool, threads }) => {
    pool.dispose();
    return threads;
  });
  const allExited = Promise.all(threads.map((t) => t.exited));
  await Promise.race([allExited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
  const leaked = threads.filter((t) => !t.hasExited);
  // Never leave a thread running into the next test, even when the pool failed to stop it.
  await Promise.all(leaked.map((t) => t.worker.terminate()));
  expect(
    leaked.map((t) => `lane ${t.lane + 1} (${t.mode})`),
    'threads still running after dispose',
  ).toEqual([]);
});

/** Submits a job and resolves with its outcome. */
function run(pool: WorkerPool, job: Partial<Job> & Pick<Job, 'workload' | 'params'>): Promise<JobOutcome> {
  return new Promise((resolve) => {
    pool.submit({ shard: { index: 0, count: 1 }, onProgress: () => {}, ...job, onSettled: resolve });
  });
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what}: not within ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/** Resolves when the pool reports no busy lane (now or after a later change). */
function idle(pool: WorkerPool): Promise<void> {
  return new Promise((resolve) => {
    if (busyLanes(pool.state()) === 0) return resolve();
    const off = pool.onChange((state) => {
      if (busyLanes(state) === 0) {
        off();
        resolve();
      }
    });
  });
}

describe('WorkerPool with real worker threads', () => {
  it('runs a job on a worker thread', async () => {
    const { pool, threads } = threadPool(1);
    await expect(run(pool, { workload: 'primes', params: { limit: 100_000 } })).resolves.toEqual({
      status: 'done',
      part: 9_592,
    });
    expect(threads).toHaveLength(1);
  });

  it.each<[FixtureMode, RegExp]>([
    ['crash-on-start', /^Worker thread 1 crashed: fixture worker crashed on purpose$/],
    ['crash-on-load', /^Worker thread 1 crashed: fixture worker crashed while loading$/],
  ])('a worker that crashes (%s) fails only its own job, and is replaced', async (mode, message) => {
    const { pool, threads } = threadPool(2, (lane, nth) => (lane === 0 && nth === 0 ? mode : 'normal'));
    const [crashed, fine] = await Promise.all([
      run(pool, { workload: 'primes', params: { limit: 20_000 } }),
      run(pool, { workload: 'primes', params: { limit: 20_000 } }),
    ]);
    expect(crashed.status).toBe('failed');
    if (crashed.status === 'failed') expect(crashed.message).toMatch(message);
    expect(fine).toEqual({ status: 'done', part: 2_262 });
    // Later jobs on both lanes succeed; lane 0 has a new worker.
    const later = await Promise.all(
      [1, 2, 3, 4].map(() => run(pool, { workload: 'primes', params: { limit: 20_000 } })),
    );
    expect(later).toEqual(Array.from({ length: 4 }, () => ({ status: 'done', part: 2_262 })));
    expect(pool.state().lanes.map((l) => l.spawned)).toEqual([2, 1]);
    await withTimeout(threads[0]?.exited ?? Promise.reject(new Error('no thread')), 5_000, 'the crashed thread exits');
  });

  it('terminates a hung worker soon after cancel, settles "cancelled", and carries on', async () => {
    const { pool, threads } = threadPool(1, (_, nth) => (nth === 0 ? 'hang' : 'normal'));
    let cancel = () => {};
    let cancelledAt = 0;
    const outcome = new Promise<JobOutcome>((resolve) => {
      cancel = pool.submit({
        workload: 'primes',
        params: { limit: 1000 },
        shard: { index: 0, count: 1 },
        // The fixture reports progress 0 just before it starts spinning: cancel then.
        onProgress: () => {
          cancelledAt = performance.now();
          cancel();
        },
        onSettled: resolve,
      });
    });
    await expect(withTimeout(outcome, 10_000, 'the hung job settles')).resolves.toEqual({ status: 'cancelled' });
    // The grace period is 50 ms; 1000 ms leaves a wide margin for a loaded machine.
    expect(performance.now() - cancelledAt).toBeLessThan(1000);
    await withTimeout(threads[0]?.exited ?? Promise.reject(new Error('no thread')), 5_000, 'the hung thread exits');
    await expect(run(pool, { workload: 'primes', params: { limit: 1000 } })).resolves.toEqual({
      status: 'done',
      part: 168,
    });
    expect(pool.state().lanes[0]?.spawned).toBe(2);
  });

  it('fails the job of a worker that sends garbage, clearly, and replaces the worker', async () => {
    const { pool } = threadPool(1, (_, nth) => (nth === 0 ? 'garbage' : 'normal'));
    const outcome = await run(pool, { workload: 'primes', params: { limit: 1000 } });
    expect(outcome.status).toBe('failed');
    if (outcome.status === 'failed') {
      expect(outcome.message).toMatch(/^Worker 1 sent an invalid message \(Rejected from-worker message: /);
      expect(outcome.message).toContain('type must be "progress", "result", "error" or "cancelled"');
    }
    await expect(run(pool, { workload: 'primes', params: { limit: 1000 } })).resolves.toEqual({
      status: 'done',
      part: 168,
    });
    expect(pool.state().lanes[0]?.spawned).toBe(2);
  });

  it('reports a workload that throws inside the worker as a failed job, and keeps the worker', async () => {
    // Workers trust their pool: parameters are checked before a job is sent (runInPool), not here.
    const { pool } = threadPool(1);
    const outcome = await run(pool, { workload: 'primes', params: undefined });
    expect(outcome).toEqual({
      status: 'failed',
      message: "Cannot read properties of undefined (reading 'limit')",
    });
    expect(pool.state().lanes[0]?.spawned).toBe(1);
  });

  it('completes 200 queued jobs without ever using more lanes than it has', async () => {
    const { pool, threads } = threadPool(2);
    let maxBusy = 0;
    let maxQueued = 0;
    pool.onChange((state) => {
      maxBusy = Math.max(maxBusy, busyLanes(state));
      maxQueued = Math.max(maxQueued, state.queued);
    });
    const lanesUsed = new Set<number>();
    const outcomes = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        run(pool, { workload: 'primes', params: { limit: 2_000 + i }, onStart: (lane) => lanesUsed.add(lane) }),
      ),
    );
    expect(outcomes.every((o) => o.status === 'done')).toBe(true);
    // Between 2,000 and 2,199 there are primes at 2003, 2011, …: spot-check both ends.
    expect(outcomes[0]).toEqual({ status: 'done', part: 303 });
    expect(outcomes[199]).toEqual({ status: 'done', part: 327 });
    expect(maxBusy).toBe(2);
    expect(maxQueued).toBe(198);
    expect([...lanesUsed].sort()).toEqual([0, 1]);
    expect(threads).toHaveLength(2);
    expect(pool.state()).toMatchObject({ queued: 0, lanes: [{ busy: false }, { busy: false }] });
  });

  it('leaves no worker thread behind after dispose', async () => {
    const { pool, threads } = threadPool(2);
    const computing = new Set<number>();
    let bothComputing = () => {};
    const ready = new Promise<void>((resolve) => (bothComputing = resolve));
    const outcomes = [1, 2, 3, 4].map(() =>
      run(pool, {
        workload: 'primes',
        params: { limit: 100_000_000 },
        onProgress: (_done, _chunks, lane) => {
          computing.add(lane);
          if (computing.size === 2) bothComputing();
        },
      }),
    );
    // Two jobs run (one per thread) and two wait in the queue.
    await withTimeout(ready, 10_000, 'both threads compute');
    expect(pool.state().queued).toBe(2);
    pool.dispose();
    for (const outcome of await Promise.all(outcomes)) {
      expect(outcome).toEqual({ status: 'failed', message: 'The worker pool was shut down' });
    }
    expect(threads).toHaveLength(2);
    await withTimeout(Promise.all(threads.map((t) => t.exited)), 5_000, 'every thread exits');
    expect(threads.every((t) => t.hasExited)).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// Part 3: runInPool over two real worker threads.
// ---------------------------------------------------------------------------------------------

const inline: ThreadHooks = {
  now: () => performance.now(),
  blockFor: () => {},
  yieldToLoop: () => new Promise((resolve) => setImmediate(resolve)),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

describe('runInPool over real worker threads', () => {
  it('counts the 78,498 primes up to 1,000,000 on two threads', async () => {
    const { pool } = threadPool(2);
    const { listener, progress, lanes } = collect();
    const task = runInPool(pool, { workload: 'primes', params: { limit: 1_000_000 } }, listener, () =>
      performance.now(),
    );
    const outcome = await task.outcome;
    expect(outcome).toMatchObject({ status: 'done', result: { limit: 1_000_000, count: 78_498 } });
    expect(outcome.elapsedMs).toBeGreaterThan(0);
    expect(progress.at(-1)).toMatchObject({ done: 1_000_001, total: 1_000_001 });
    expect(new Set(progress.map((p) => p.lane))).toEqual(new Set([0, 1]));
    const last = lanes.at(-1) ?? [];
    expect(last.map((l) => l.lane).sort()).toEqual([0, 1]);
    expect(last.reduce((sum, l) => sum + l.total, 0)).toBe(1_000_001);
  });

  it('draws the same Mandelbrot, tile for tile and checksum, as the inline blocking run', async () => {
    const params = { ...MANDELBROT_VIEW, width: 240, height: 160, maxIterations: 1000, tileSize: 32 };
    const here = collect();
    const expected = await runHere({ workload: 'mandelbrot', params }, here.listener, { style: 'blocking' }, inline)
      .outcome;
    expect(expected.status).toBe('done');

    const { pool } = threadPool(2);
    const there = collect();
    const outcome = await runInPool(pool, { workload: 'mandelbrot', params }, there.listener, () => performance.now())
      .outcome;
    expect(outcome).toMatchObject({ status: 'done' });
    if (outcome.status !== 'done' || expected.status !== 'done') throw new Error('expected two results');
    expect(outcome.result).toEqual(expected.result);

    const byIndex = (ps: TaskProgress[]) =>
      new Map(ps.flatMap((p) => p.chunks as MandelbrotTile[]).map((t) => [t.index, t] as const));
    const theirs = byIndex(there.progress);
    const ours = byIndex(here.progress);
    expect(theirs.size).toBe(40);
    expect(ours.size).toBe(40);
    for (const [index, tile] of theirs) {
      expect(tile.rgba).toBeInstanceOf(Uint8ClampedArray);
      expect(tile.rgba.length).toBe(tile.width * tile.height * 4);
      expect(Buffer.from(tile.rgba).equals(Buffer.from(ours.get(index)?.rgba ?? []))).toBe(true);
    }
    // Tiles came from both workers.
    expect(new Set(there.progress.filter((p) => p.chunks.length > 0).map((p) => p.lane))).toEqual(new Set([0, 1]));
  });

  it('throws a ParamsError at once for invalid params, and starts nothing', () => {
    const { pool, threads } = threadPool(2);
    const { listener, progress } = collect();
    expect(() => runInPool(pool, { workload: 'primes', params: { limit: 0 } }, listener, () => 0)).toThrow(ParamsError);
    expect(threads).toHaveLength(0);
    expect(progress).toHaveLength(0);
    expect(pool.state().queued).toBe(0);
  });

  it('resolves "cancelled" on cancel, and frees its lanes for the next task', async () => {
    const { pool } = threadPool(2);
    const { listener, progress } = collect();
    let task: ReturnType<typeof runInPool> | undefined;
    const both = new Promise<void>((resolve) => {
      const wrapped: TaskListener = {
        ...listener,
        onProgress: (p) => {
          listener.onProgress(p);
          if (new Set(progress.map((x) => x.lane)).size === 2) resolve();
        },
      };
      task = runInPool(pool, { workload: 'primes', params: { limit: 100_000_000 } }, wrapped, () => performance.now());
    });
    await withTimeout(both, 10_000, 'both workers report progress');
    task?.cancel();
    const outcome: TaskOutcome<unknown> | undefined = await task?.outcome;
    expect(outcome?.status).toBe('cancelled');
    await withTimeout(idle(pool), 5_000, 'the lanes free up');
    const next = await runInPool(pool, { workload: 'primes', params: { limit: 10_000 } }, collect().listener, () =>
      performance.now(),
    ).outcome;
    expect(next).toMatchObject({ status: 'done', result: { count: 1_229 } });
  });
});
