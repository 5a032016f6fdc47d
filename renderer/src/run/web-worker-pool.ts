import { WorkerPool, type Timers } from '../../../shared/pool/worker-pool';

const browserTimers: Timers = {
  set: (callback, ms) => setTimeout(callback, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

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
      worker.onmessage = (event: MessageEvent<unknown>) => events.message(event.data);
      worker.onerror = (event) => {
        event.preventDefault();
        events.failed(`Web Worker ${lane + 1} failed: ${event.message || 'it could not be loaded'}`);
      };
      worker.onmessageerror = () => events.failed(`Web Worker ${lane + 1} sent a message that could not be read`);
      return {
        post: (message, transfer) => worker.postMessage(message, transfer),
        terminate: () => worker.terminate(),
      };
    },
    browserTimers,
  );
  return pool;
}
