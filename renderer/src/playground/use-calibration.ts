import { useEffect, useState } from 'react';
import { calibrationSchema } from '../../../shared/workloads/calibration-schema';
import { calibrate, type Calibration } from '../../../shared/workloads/presets';
import { webWorkerPool } from '../run/web-worker-pool';

/**
 * Measures this computer once (about 0.1 s of work, in a short-lived worker), so that "≈3 s"
 * means three seconds here — a workshop on a slow laptop still gets a 3-second freeze.
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
        // Workers load their module in the background now, not during the first measured run.
        webWorkerPool().warm();
        return measured;
      });
    void measuring.then((measured) => live && setCalibration(measured));
    return () => {
      live = false;
    };
  }, []);
  return calibration;
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
