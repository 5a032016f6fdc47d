import { z } from 'zod';
import { intInRange, numberInRange } from '../workloads/ranges';

/** Ten minutes: far beyond any run the presenter can ask for, so only nonsense is refused. */
const MAX_MS = 600_000;

/**
 * One measured run on an attendee's device, as it is sent: the wall time, the worst gap between
 * two frames, the frames that came over 50 ms late, and the worst input delay if they tapped
 * during the run (null if they did not).
 */
export const runFiguresSchema = z.strictObject({
  wallMs: numberInRange('wallMs', 0, MAX_MS),
  worstGapMs: numberInRange('worstGapMs', 0, MAX_MS),
  framesOver50: intInRange('framesOver50', 0, 100_000),
  inputDelayMs: numberInRange('inputDelayMs', 0, MAX_MS).nullable(),
});
export type RunFigures = z.output<typeof runFiguresSchema>;
