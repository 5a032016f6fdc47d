import { useEffect, useState } from 'react';
import { calibrate, type Calibration } from '../../../shared/workloads/presets';
import { webWorkerPool } from '../run/web-worker-pool';

/**
 * Measures this computer once, shortly after the first paint (about 0.1 s of work), so that
 * "≈3 s" means three seconds here — a workshop on a slow laptop still gets a 3-second freeze.
 */
export function useCalibration(): Calibration | null {
  const [calibration, setCalibration] = useState<Calibration | null>(cached);
  useEffect(() => {
    if (cached) return;
    const timer = setTimeout(() => {
      cached = calibrate(() => performance.now());
      setCalibration(cached);
      // Workers load their module in the background now, not during the first measured run.
      webWorkerPool().warm();
    }, 50);
    return () => clearTimeout(timer);
  }, []);
  return calibration;
}

let cached: Calibration | null = null;
