import { useSyncExternalStore } from 'react';
import { meters, type LiveSummary } from './frame-meter';

const subscribe = (onChange: () => void): (() => void) => meters.subscribeSummary(onChange);
const getSnapshot = (): LiveSummary => meters.getSummary();

/** The meter's live figures; re-renders at most 4×/s, never per frame. */
export function useLiveSummary(): LiveSummary {
  return useSyncExternalStore(subscribe, getSnapshot);
}
