import { parseToWorker, type CrashMode, type FromWorker, type ToWorker } from '../protocol/messages';
import { taskIdSchema } from '../protocol/task-id';
import { parseParams } from '../workloads/params-error';
import { getWorkload } from '../workloads/registry';
import { CancelledError } from './cancelled-error';
import { driveSliced } from './drive';
import { ProgressBatcher } from './progress-batcher';
import { messageOf } from '../errors/message-of';

/** What a background entry (Web Worker, worker thread, utility process) provides. */
export interface TaskServerHost {
  post(message: FromWorker, transfer: ArrayBuffer[]): void;
  now(): number;
  sleep(ms: number): Promise<void>;
  /** A macrotask turn, so a "cancel" message can be received between slices. */
  yieldToLoop(): Promise<void>;
  /** Reports a message that could not even be attributed to a task. */
  reject(error: string): void;
  /** The crash lab: break this worker on purpose. Entries without it refuse crash tasks. */
  crash?(mode: CrashMode): void;
}

/** A worker checks for messages every slice; 10 ms keeps cancel latency well under 50 ms. */
const WORKER_SLICE_MS = 10;

/**
 * The background side of the protocol: validates each incoming message, runs workloads
 * in slices, batches progress, and answers with exactly one result / error / cancelled.
 */
export function createTaskServer(host: TaskServerHost): (data: unknown) => void {
  const cancelled = new Set<string>();
  const running = new Set<string>();

  async function start(msg: Extract<ToWorker, { type: 'start' }>): Promise<void> {
    const { taskId } = msg;
    running.add(taskId);
    const started = host.now();
    try {
      const workload = getWorkload(msg.workload);
      const params = parseParams(workload.params, msg.params, workload.title);
      const batcher = new ProgressBatcher<unknown>(host.now, (done, chunks) =>
        host.post(
          { type: 'progress', taskId, done, chunks },
          chunks.flatMap((c) => workload.transferables(c)),
        ),
      );
      const part = await driveSliced(workload.run(params, msg.shard), {
        sliceMs: WORKER_SLICE_MS,
        now: host.now,
        yieldToLoop: host.yieldToLoop,
        sleep: host.sleep,
        isCancelled: () => cancelled.has(taskId),
        onProgress: (done, chunk) => batcher.push(done, chunk),
      });
      batcher.flush();
      host.post({ type: 'result', taskId, part, elapsedMs: host.now() - started }, []);
    } catch (error) {
      if (error instanceof CancelledError) host.post({ type: 'cancelled', taskId }, []);
      else host.post({ type: 'error', taskId, message: messageOf(error) }, []);
    } finally {
      running.delete(taskId);
      cancelled.delete(taskId);
    }
  }

  return (data: unknown) => {
    const parsed = parseToWorker(data);
    if (!parsed.ok) {
      // Answer for the task if the message names one, so its owner is not left waiting.
      const id = taskIdOf(data);
      if (id !== undefined) host.post({ type: 'error', taskId: id, message: parsed.error }, []);
      else host.reject(parsed.error);
      return;
    }
    const msg = parsed.message;
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

function taskIdOf(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null || !('taskId' in data)) return undefined;
  const id = taskIdSchema.safeParse(data.taskId);
  return id.success ? id.data : undefined;
}
