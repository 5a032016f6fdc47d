import { useEffect, useState } from 'react';
import { calibrationSchema } from '../../../shared/workloads/calibration-schema';
import { calibrate, WARM_UP_ROUNDS, type Calibration } from '../../../shared/workloads/presets';
import { runInPool } from '../../../shared/run/run-in-pool';
import { getPlaygroundWorkload, PLAYGROUND_WORKLOADS } from '../../../shared/workloads/registry';
import { placeFactors } from '../run/place-factors';
import { webWorkerPool } from '../run/web-worker-pool';

/**
 * Measures this computer once (about 0.3 s of work, warm-up rounds included, in a short-lived
 * worker), so that "≈3 s" is an estimate for this machine — a workshop on a slow laptop still
 * gets a freeze of about 3 seconds, not 10. What differs between places is learnt from the runs (place-factors.ts).
 */
export function useCalibration(): Calibration | null {
  const [calibration, setCalibration] = useState<Calibration | null>(cached);
  useEffect(() => {
    if (cached) return;
    let live = true;
    measuring ??= measureOffThread()
      .catch((error: unknown) => {
        // Workers unavailable (an odd embedding, a blocked script): measure here, with a short freeze.
        console.warn('Calibrating on the page’s thread:', error);
        return calibrate(() => performance.now());
      })
      .then((measured) => {
        cached = measured;
        placeFactors.calibration = measured;
        // Workers load their module in the background now, not during the first measured run,
        // and each runs every probe once: a cold JIT made the first Web Worker run up to 3× its size.
        warmPool();
        return measured;
      });
    void measuring.then((measured) => live && setCalibration(measured));
    return () => {
      live = false;
    };
  }, []);
  return calibration;
}

/**
 * Starts the pool's workers and gives every one of them the calibration's own warm-up: each
 * workload's probe WARM_UP_ROUNDS times (a probe is shared over the pool, so pool.size × that;
 * ~0.1 s per worker), so the first Web Worker run is not a cold one.
 */
function warmPool(): void {
  const pool = webWorkerPool();
  pool.warm();
  const rounds = PLAYGROUND_WORKLOADS.flatMap((name) => Array.from({ length: WARM_UP_ROUNDS * pool.size }, () => name));
  for (const name of rounds) {
    const task = runInPool(
      pool,
      { workload: name, params: getPlaygroundWorkload(name).presets.probe },
      { onProgress: () => {} },
      () => performance.now(),
    );
    // A warm-up that fails changes nothing: the first real run simply starts cold.
    void task.outcome.catch(() => {});
  }
}

let cached: Calibration | null = null;
let measuring: Promise<Calibration> | null = null;

function measureOffThread(): Promise<Calibration> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./calibrate.worker.ts', import.meta.url), {
      type: 'module',
      name: 'unfreeze-calibration',
    });
    worker.onmessage = (event: MessageEvent<unknown>) => {
      worker.terminate();
      const parsed = calibrationSchema.safeParse(event.data);
      if (parsed.success) resolve(parsed.data);
      else reject(new Error(`the calibration worker sent something else: ${parsed.error.message}`));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'the calibration worker could not start'));
    };
  });
}
