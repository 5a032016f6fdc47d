import { useCallback, useState } from 'react';
import type { Place } from '../../../shared/places';
import { GUIDE_STORAGE_KEY, guideAfterRun, storedGuideStep, type GuideStep } from './guide-steps';

function read(): GuideStep {
  try {
    return storedGuideStep(window.localStorage.getItem(GUIDE_STORAGE_KEY));
  } catch {
    return 'main'; // storage refused (a private window, a policy): the guide just is not remembered
  }
}

function write(step: GuideStep): void {
  try {
    window.localStorage.setItem(GUIDE_STORAGE_KEY, step);
  } catch {
    // As above: the guide still works for this visit.
  }
}

export interface Guide {
  readonly step: GuideStep;
  /** Tell the guide a run has ended. */
  ranOn(place: Place, status: 'done' | 'cancelled' | 'failed'): void;
  dismiss(): void;
}

/** The first-visit guide's step, remembered in localStorage. */
export function useGuide(): Guide {
  const [step, setStep] = useState<GuideStep>(read);
  const go = useCallback((next: GuideStep) => {
    write(next);
    setStep(next);
  }, []);
  const ranOn = useCallback(
    (place: Place, status: 'done' | 'cancelled' | 'failed') =>
      setStep((s) => {
        const next = guideAfterRun(s, place, status);
        if (next !== s) write(next);
        return next;
      }),
    [],
  );
  const dismiss = useCallback(() => go('done'), [go]);
  return { step, ranOn, dismiss };
}
