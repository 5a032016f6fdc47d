import { WorkerPool } from '../../../shared/pool/worker-pool';
import { browserTimers } from './browser-timers';
import { listenToWorker } from './listen-to-worker';

/**
 * One worker per logical processor (what `hardwareConcurrency` counts: two per core with SMT),
 * at most 8. Not cores − 1, though the page's own thread then shares a core: on 2 cores
 * (`npx tsx e2e/bench.ts --section=renderer`, the pool-size and CPU tables) one worker is no
 * faster than the page's thread (0.94×–1.05×), while two need 0.9× its CPU for the same work and
 * have ~1.6 cores left by the page's drawing (≈0.35 of a core): 1.8× at best, 1.3×–1.5× measured
 * at load 4–20; with two, a quiet machine measured a worst frame gap of 17 ms.
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
