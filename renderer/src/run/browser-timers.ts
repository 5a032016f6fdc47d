import type { Timers } from '../../../shared/pool/worker-pool';

/** The page's setTimeout and clearTimeout, as the Timers that shared/ pools and crews are given. */
export const browserTimers: Timers = {
  set: (callback, ms) => setTimeout(callback, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
