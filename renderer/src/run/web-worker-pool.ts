import { WorkerPool } from '../../../shared/pool/worker-pool';
import { browserTimers } from './browser-timers';
import { listenToWorker } from './listen-to-worker';

/** One worker per core, at most 8; this page's own thread is left for painting and input. */
export function defaultPoolSize(): number {
  return Math.min(8, Math.max(1, navigator.hardwareConcurrency || 2));
}

let pool: WorkerPool | null = null;

/** The page's pool of module Web Workers, made on first use. */
export function webWorkerPool(): WorkerPool {
  pool ??= new WorkerPool(
    defaultPoolSize(),
    (lane, events) => {
      const worker = new Worker(new URL('./task.worker.ts', import.meta.url), {
        type: 'module',
        name: `unfreeze-worker-${lane + 1}`,
      });
      listenToWorker(worker, `Web Worker ${lane + 1}`, events);
      return {
        post: (message, transfer) => worker.postMessage(message, transfer),
        terminate: () => worker.terminate(),
      };
    },
    browserTimers,
  );
  return pool;
}
