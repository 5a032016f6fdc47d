import { WorkerPool } from '../../../shared/pool/worker-pool';
import { browserTimers } from './browser-timers';
import { listenToWorker } from './listen-to-worker';

/**
 * One worker per logical processor (what `hardwareConcurrency` counts: two per core with SMT),
 * at most 8. Not cores − 1, though the page's own thread then shares a core: on 2 logical
 * processors (`npx tsx e2e/bench.ts --section=renderer`, the pool-size and CPU tables) one worker
 * is no faster than the page's thread (0.8×–1.07×), while two need about its CPU for the same work
 * (0.97×–1.03×) and get the cores the page leaves them: the rest took 0.3–0.45 of a core while the
 * pool ran, so 1.55×–1.7× at best, 1.52× measured on a quiet machine, worst frame gap 17 ms.
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
