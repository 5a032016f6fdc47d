import { WorkerPool } from '../../../shared/pool/worker-pool';
import { browserTimers } from './browser-timers';
import { listenToWorker } from './listen-to-worker';

/**
 * One worker per logical processor (what `hardwareConcurrency` counts: two per core with SMT),
 * at most 8. Not cores − 1, though the page's own thread then shares a core: measured on 2
 * cores (`npx tsx e2e/bench.ts --section=renderer`, the pool-size table), 2 workers ran the
 * Mandelbrot ~1.8× as fast as the page's thread and 1 worker only ~1× — frames stayed smooth
 * either way, because the page needs only a few ms a frame and the OS shares the cores fairly.
 */
export function defaultPoolSize(cores: number = navigator.hardwareConcurrency || 2): number {
  return Math.min(8, Math.max(1, Math.floor(cores) || 1));
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
