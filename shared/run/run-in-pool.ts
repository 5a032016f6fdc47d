import type { WorkerPool } from '../pool/worker-pool';
import { describeIssues, parseParams } from '../workloads/params-error';
import { getWorkload, type AnyWorkload } from '../workloads/registry';
import type { Shard } from '../workloads/workload';
import { messageOf } from '../errors/message-of';
import type { TaskOutcome } from './task-outcome';
import type { RunningTask, TaskListener, TaskRequest } from './task-request';

/** What runInPool needs of a pool: a WorkerPool, or a view of one that starts it on the first job. */
export type JobQueue = Pick<WorkerPool, 'size' | 'submit'>;

/**
 * Splits one task into `shards` jobs on a pool and merges what comes back: `shards` equal shares,
 * or the given list of shares, which the pool hands out in order as workers come free (e.g.
 * largest first: shared/workloads/guided-shards.ts). Parameters are
 * checked first, once for the whole run (a ParamsError is thrown and nothing starts); the jobs
 * carry them checked, and the workers trust them. Every chunk and part coming back is checked
 * against the workload's schemas: see `onProgress` and `onSettled` below.
 */
export function runInPool(
  pool: JobQueue,
  request: TaskRequest,
  listener: TaskListener,
  now: () => number,
  shards: number | readonly Shard[] = pool.size,
): RunningTask {
  const workload = getWorkload(request.workload);
  const params = parseParams(workload.params, request.params, workload.title);
  const split = sharesOf(workload, params, shards);
  const started = now();
  const lanes = split.map(({ total }) => ({ lane: -1, done: 0, total }));
  const total = lanes.reduce((sum, l) => sum + l.total, 0);
  const parts: unknown[] = new Array<unknown>(split.length);
  const cancels: (() => void)[] = [];
  let remaining = split.length;
  let settled = false;
  let resolve!: (outcome: TaskOutcome<unknown>) => void;
  const outcome = new Promise<TaskOutcome<unknown>>((r) => (resolve = r));

  const end = (o: TaskOutcome<unknown>) => {
    if (settled) return;
    settled = true;
    resolve(o);
    if (o.status !== 'done') for (const cancel of cancels) cancel();
  };
  const elapsed = () => now() - started;
  // More shares than workers: the bars are the workers', not the shares' (byWorker).
  const reportLanes = () =>
    listener.onLanes?.(split.length > pool.size ? byWorker(lanes, pool.size) : lanes.map((l) => ({ ...l })));
  // While the shares are handed out, the lanes they start on are reported once, after the last:
  // a task of n shares that all find a free lane begins with one snapshot, not n.
  let handingOut = true;
  // The timeline's spans pass straight through: the pool checked them with their message.
  const traceHook = listener.onTrace ? { onTrace: listener.onTrace.bind(listener) } : {};

  lanes.forEach((share, index) => {
    cancels.push(
      pool.submit({
        workload: request.workload,
        params,
        shard: split[index]?.shard ?? { index, count: split.length },
        onStart: (lane) => {
          share.lane = lane;
          if (!handingOut) reportLanes();
        },
        ...traceHook,
        onProgress: (done, chunks, lane) => {
          if (settled) return;
          // Trust boundary, second half: the pool checked the message (shared/pool/worker-pool.ts);
          // what a worker made is checked here, by the one who knows the workload's schemas.
          // A crashed or compromised worker cannot put a malformed tile in front of the UI.
          const valid: unknown[] = [];
          for (const chunk of chunks) {
            const checked = workload.chunk.safeParse(chunk);
            if (!checked.success)
              return end({
                status: 'failed',
                message: `A worker sent a malformed chunk: ${describeIssues(checked.error)}`,
                elapsedMs: elapsed(),
              });
            valid.push(checked.data);
          }
          share.done = done;
          listener.onProgress({ done: lanes.reduce((sum, l) => sum + l.done, 0), total, chunks: valid, lane });
          reportLanes();
        },
        onSettled: (job) => {
          if (job.status === 'cancelled') return end({ status: 'cancelled', elapsedMs: elapsed() });
          if (job.status === 'failed') return end({ status: 'failed', message: job.message, elapsedMs: elapsed() });
          const checked = workload.part.safeParse(job.part);
          if (!checked.success)
            return end({
              status: 'failed',
              message: `A worker sent a malformed result: ${describeIssues(checked.error)}`,
              elapsedMs: elapsed(),
            });
          parts[index] = checked.data;
          // A worker's result implies its last progress (it sends none it has no chunks for):
          // the listener still sees this share reach its total, without a message for it.
          if (share.done < share.total) {
            share.done = share.total;
            listener.onProgress({
              done: lanes.reduce((sum, l) => sum + l.done, 0),
              total,
              chunks: [],
              lane: share.lane,
            });
          }
          if (--remaining === 0) {
            try {
              end({ status: 'done', result: workload.combine(params, parts), elapsedMs: elapsed() });
            } catch (error) {
              end({
                status: 'failed',
                message: `Could not combine the results: ${messageOf(error)}`,
                elapsedMs: elapsed(),
              });
            }
          }
        },
      }),
    );
  });
  handingOut = false;
  if (!settled && lanes.some((l) => l.lane >= 0)) reportLanes();

  return { cancel: () => end({ status: 'cancelled', elapsedMs: elapsed() }), outcome };
}

/**
 * The shares of one task with each one's units of work (computed once: see shareTotals): `shards`
 * equal ones, or the list given, without the ones that have no work.
 */
function sharesOf(
  workload: AnyWorkload,
  params: unknown,
  shards: number | readonly Shard[],
): readonly { readonly shard: Shard; readonly total: number }[] {
  if (typeof shards === 'number') {
    const totals = shareTotals(workload, params, shards);
    return totals.map((total, index) => ({ shard: { index, count: totals.length }, total }));
  }
  const all = shards.map((shard) => ({ shard, total: workload.total(params, shard) }));
  const working = all.filter((s) => s.total > 0);
  return working.length > 0 ? working : all.slice(0, 1);
}

/**
 * One entry per worker when shares outnumber workers: what each took on, plus an equal part of
 * the shares still queued, so a bar does not jump back each time its worker takes the next share.
 */
function byWorker(
  shares: readonly { lane: number; done: number; total: number }[],
  workers: number,
): { lane: number; done: number; total: number }[] {
  const queued = shares.reduce((sum, s) => (s.lane < 0 ? sum + s.total : sum), 0);
  const mine = new Map<number, { lane: number; done: number; total: number }>();
  for (const s of shares) {
    if (s.lane < 0) continue;
    const w = mine.get(s.lane) ?? { lane: s.lane, done: 0, total: queued / workers };
    w.done += s.done;
    w.total += s.total;
    mine.set(s.lane, w);
  }
  return [...mine.values()].sort((a, b) => a.lane - b.lane);
}

/**
 * Each share's units of work, for as many shares as a task is split into: at most `shards` (and
 * the workload's `maxShards`), and none without work. A share with nothing to do would still wake
 * a worker and cost a round trip (a tiny task's second share: the primes to 100 are one block), so
 * fewer shares are used until each has some. Returned, not just counted: the runner needs the
 * totals too, and computing them twice was a few µs of every tiny task's round trip.
 */
export function shareTotals(workload: AnyWorkload, params: unknown, shards: number): number[] {
  for (let count = Math.max(1, Math.min(shards, workload.maxShards ?? shards)); ; count--) {
    const totals: number[] = [];
    for (let index = 0; index < count; index++) {
      const units = workload.total(params, { index, count });
      if (units <= 0 && count > 1) break;
      totals.push(units);
    }
    if (totals.length === count) return totals;
  }
}

/** How many shares a task is split into (see shareTotals). The host bench asks this too, to take apart a round trip of the real shape. */
export function shareCount(workload: AnyWorkload, params: unknown, shards: number): number {
  return shareTotals(workload, params, shards).length;
}
