import type { ResultMessage } from './audience-messages';

/**
 * A plausible attendee result for tests and the bench: a laptop whose main-thread run froze for
 * `mainGapMs` while its Web Workers run stayed near one frame. Not in a `.test.ts` file because
 * the server tests, the e2e tests and the bench all send it.
 */
export function sampleResult(mainGapMs: number, workersGapMs = 17, cores = 8): ResultMessage {
  return {
    type: 'result',
    device: { browser: 'Chrome 131', os: 'Android', mobile: true, cores, memoryGiB: 4 },
    main: { wallMs: mainGapMs + 5, worstGapMs: mainGapMs, framesOver50: 1, inputDelayMs: null },
    workers: { wallMs: mainGapMs / 2, worstGapMs: workersGapMs, framesOver50: 0, inputDelayMs: 12 },
  };
}
