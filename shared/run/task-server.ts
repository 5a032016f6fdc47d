import type { CrashMode, FromWorker, ToWorker } from '../protocol/messages';
import { getWorkload } from '../workloads/registry';
import { CancelledError } from './cancelled-error';
import { driveSliced } from './drive';
import { PROGRESS_INTERVAL_MS, ProgressBatcher } from './progress-batcher';
import { messageOf } from '../errors/message-of';
import { bufferBytes, JobTracer } from '../trace/job-tracer';
import type { TraceClock } from '../trace/trace-clock';

/** What a background entry (Web Worker, worker thread, utility process) provides. */
export interface TaskServerHost {
  post(message: FromWorker, transfer: ArrayBuffer[]): void;
  now(): number;
  sleep(ms: number): Promise<void>;
  /** A macrotask turn, so a "cancel" message can be received between slices. */
  yieldToLoop(): Promise<void>;
  /** The crash lab: break this worker on purpose. Entries without it refuse crash tasks. */
  crash?(mode: CrashMode): void;
  /**
   * The timeline's clock (shared/trace/trace-clock.ts). With it, progress and result messages
   * carry this worker's spans (`trace`); without it, nothing is recorded (the bench's "off").
   */
  traceClock?: TraceClock;
}

/** A worker checks for messages every slice; 10 ms keeps cancel latency well under 50 ms. */
const WORKER_SLICE_MS = 10;

/**
 * The background side of the protocol: runs workloads in slices, batches progress, and answers
 * each task with exactly one result / error / cancelled.
 *
 * Not a trust boundary, so nothing is checked here: a worker's only sender is the pool that
 * spawned it, in the thread that owns it and can terminate it at any time (the page for a Web
 * Worker, the main process for a worker thread or a utility process). The pool sends only what
 * its types allow, and its parameters were checked once, by runInPool, before any job was sent.
 * The other direction is a boundary: the pool checks every answer (shared/pool/worker-pool.ts).
 */
export function createTaskServer(host: TaskServerHost): (data: unknown) => void {
  const cancelled = new Set<string>();
  const running = new Set<string>();

  async function start(msg: Extract<ToWorker, { type: 'start' }>): Promise<void> {
    const { taskId } = msg;
    running.add(taskId);
    const started = host.now();
    // The timeline's spans of this job, when the entry gave a clock (shared/trace/job-tracer.ts).
    const tracer = host.traceClock ? new JobTracer(host.traceClock) : null;
    try {
      const workload = getWorkload(msg.workload);
      // holdFirst: a task shorter than one progress interval sends its result and nothing else.
      const batcher = new ProgressBatcher<unknown>(
        host.now,
        (done, chunks) => {
          const transfer = chunks.flatMap((c) => workload.transferables(c));
          const trace = tracer ? { trace: tracer.take(bufferBytes(transfer)) } : {};
          host.post({ type: 'progress', taskId, done, chunks, ...trace }, transfer);
        },
        PROGRESS_INTERVAL_MS,
        true,
      );
      const part = await driveSliced(workload.run(msg.params, msg.shard), {
        sliceMs: WORKER_SLICE_MS,
        now: host.now,
        yieldToLoop: host.yieldToLoop,
        sleep: host.sleep,
        isCancelled: () => cancelled.has(taskId),
        onProgress: (done, chunk) => {
          if (tracer && chunk !== undefined) tracer.chunk();
          batcher.push(done, chunk);
        },
      });
      // The result says "all done" by itself: a last progress message goes out only to deliver
      // chunks. A tiny task is then one message each way, a third less per-message cost.
      if (batcher.pendingChunks > 0) batcher.flush();
      const jobName = `job ${msg.shard.index + 1}/${msg.shard.count}`;
      const trace = tracer ? { trace: tracer.finish(jobName) } : {};
      host.post({ type: 'result', taskId, part, elapsedMs: host.now() - started, ...trace }, []);
    } catch (error) {
      if (error instanceof CancelledError) host.post({ type: 'cancelled', taskId }, []);
      else host.post({ type: 'error', taskId, message: messageOf(error) }, []);
    } finally {
      running.delete(taskId);
      cancelled.delete(taskId);
    }
  }

  return (data: unknown) => {
    // As the pool sent it: see above for why it is not checked.
    const msg = data as ToWorker;
    if (msg.type === 'cancel') {
      if (running.has(msg.taskId)) cancelled.add(msg.taskId);
      return;
    }
    if (running.has(msg.taskId)) {
      host.post({ type: 'error', taskId: msg.taskId, message: `Task ${msg.taskId} is already running here` }, []);
      return;
    }
    if (msg.type === 'crash') {
      if (host.crash) host.crash(msg.mode);
      else host.post({ type: 'error', taskId: msg.taskId, message: `This worker has no “${msg.mode}” switch` }, []);
      return;
    }
    void start(msg);
  };
}
