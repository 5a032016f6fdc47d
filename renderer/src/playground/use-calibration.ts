import { useEffect, useState } from 'react';
import { calibrationSchema } from '../../../shared/workloads/calibration-schema';
import { calibrate, type Calibration } from '../../../shared/workloads/presets';
import { runInPool } from '../../../shared/run/run-in-pool';
import { getPlaygroundWorkload, PLAYGROUND_WORKLOADS } from '../../../shared/workloads/registry';
import { webWorkerPool } from '../run/web-worker-pool';

/**
 * Measures this computer once (about 0.3 s of work, warm-up rounds included, in a short-lived
 * worker), so that "≈3 s" means three seconds here — a workshop on a slow laptop still gets a
 * 3-second freeze. What differs between places is learnt from the runs (place-factors.ts).
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

/** Starts the pool's workers and runs each workload's probe once on every one of them (tens of ms). */
function warmPool(): void {
  const pool = webWorkerPool();
  pool.warm();
  for (const name of PLAYGROUND_WORKLOADS) {
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

/** The calibration once it has been measured (null before): what runs are checked against. */
export function currentCalibration(): Calibration | null {
  return cached;
}
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
