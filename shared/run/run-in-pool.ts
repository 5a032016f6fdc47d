import type { WorkerPool } from '../pool/worker-pool';
import { describeIssues, parseParams } from '../workloads/params-error';
import { getWorkload } from '../workloads/registry';
import type { TaskOutcome } from './task-outcome';
import type { RunningTask, TaskListener, TaskRequest } from './task-request';

/**
 * Splits one task into `shards` jobs on a pool and merges what comes back. Parameters are
 * validated first (a ParamsError is thrown and nothing starts); every chunk and part coming
 * back is validated against the workload's schemas, because it crossed a thread boundary.
 */
export function runInPool(
  pool: WorkerPool,
  request: TaskRequest,
  listener: TaskListener,
  now: () => number,
  shards = pool.size,
): RunningTask {
  const workload = getWorkload(request.workload);
  const params = parseParams(workload.params, request.params, workload.title);
  shards = Math.max(1, Math.min(shards, workload.maxShards ?? shards));
  const started = now();
  const lanes = Array.from({ length: shards }, (_, index) => ({
    lane: -1,
    done: 0,
    total: workload.total(params, { index, count: shards }),
  }));
  const total = lanes.reduce((sum, l) => sum + l.total, 0);
  const parts: unknown[] = new Array<unknown>(shards);
  const cancels: (() => void)[] = [];
  let remaining = shards;
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
  const reportLanes = () => listener.onLanes?.(lanes.map((l) => ({ ...l })));

  lanes.forEach((share, index) => {
    cancels.push(
      pool.submit({
        workload: request.workload,
        params,
        shard: { index, count: shards },
        onStart: (lane) => {
          share.lane = lane;
          reportLanes();
        },
        onProgress: (done, chunks, lane) => {
          if (settled) return;
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
          share.done = share.total;
          if (--remaining === 0) {
            try {
              end({ status: 'done', result: workload.combine(params, parts), elapsedMs: elapsed() });
            } catch (error) {
              end({
                status: 'failed',
                message: `Could not combine the results: ${String(error)}`,
                elapsedMs: elapsed(),
              });
            }
          }
        },
      }),
    );
  });

  return { cancel: () => end({ status: 'cancelled', elapsedMs: elapsed() }), outcome };
}
