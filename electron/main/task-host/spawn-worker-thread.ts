import { Worker } from 'node:worker_threads';
import type { PoolWorkerEvents } from '../../../shared/pool/worker-pool';
import type { HostWorker } from './host-worker';
import { workerLife } from './worker-life';

export interface WorkerThreadOptions {
  /** Node options for the thread, e.g. resource flags. */
  readonly execArgv?: string[];
  /** Passed to the entry as `workerData` (tests use it to point a tsx shim at a .ts entry). */
  readonly workerData?: unknown;
  /** How failure messages name a worker: "Worker thread 2 exited with code 3". */
  readonly label?: string;
}

/**
 * SpawnWorker for worker_threads: one thread per pool lane, running `entry` (normally
 * out/main/workers/thread-entry.js, see builtEntry). Crashes and unexpected exits become the
 * pool's `failed` with a clear reason; nothing is posted to a thread once it has exited.
 */
export function workerThreadSpawner(entry: string | URL, options: WorkerThreadOptions = {}) {
  const label = options.label ?? 'Worker thread';
  return (lane: number, events: PoolWorkerEvents): HostWorker => {
    const name = `${label} ${lane + 1}`;
    const worker = new Worker(entry, {
      name: `unfreeze ${name.toLowerCase()}`,
      workerData: options.workerData,
      ...(options.execArgv ? { execArgv: options.execArgv } : {}),
    });
    const life = workerLife((reason) => events.failed(reason));
    worker.once('exit', (code) => {
      life.markExited();
      life.fail(`${name} exited with code ${code}`);
    });
    worker.on('message', (data: unknown) => events.message(data));
    worker.on('messageerror', () => life.fail(`${name} sent a message that could not be read`));
    // An uncaught exception in the thread (or one while loading its entry); 'exit' follows.
    worker.on('error', (error: Error) => life.fail(`${name} crashed: ${error.message}`));
    return {
      id: worker.threadId,
      exited: life.exited,
      hasExited: life.hasExited,
      post: (message, transfer) => {
        if (life.isAlive()) worker.postMessage(message, transfer);
      },
      terminate: () => {
        // terminate() also stops a thread stuck in an endless loop (V8 TerminateExecution).
        if (life.stop()) void worker.terminate();
      },
    };
  };
}
