import { useMemo, useState } from 'react';
import type { CompareSetup } from '../../../shared/compare/compare-protocol';
import { presetParams } from '../../../shared/workloads/presets';
import { useCalibration } from '../playground/use-calibration';
import type { PickedSetup } from './setup-picker';

/**
 * What the picker shows, and the setup both panes get: the picked workload sized in seconds for
 * this computer, so null until the page's calibration has finished.
 */
export function useCompareSetup(initial: PickedSetup) {
  const calibration = useCalibration();
  const [picked, setPicked] = useState(initial);
  const setup = useMemo<CompareSetup | null>(
    () =>
      calibration
        ? {
            left: picked.left,
            right: picked.right,
            request: { workload: picked.workload, params: presetParams(picked.workload, picked.seconds, calibration) },
          }
        : null,
    [calibration, picked],
  );
  return { picked, setPicked, setup };
}
