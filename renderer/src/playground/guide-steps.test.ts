import { describe, expect, it } from 'vitest';
import { guideAfterRun, storedGuideStep } from './guide-steps';

describe('first-visit guide', () => {
  it('starts at step one on a first visit and resumes where it was left', () => {
    expect(storedGuideStep(null)).toBe('main');
    expect(storedGuideStep('nonsense')).toBe('main');
    expect(storedGuideStep('background')).toBe('background');
    expect(storedGuideStep('done')).toBe('done');
  });

  it('goes on only when the run the step asks for has finished', () => {
    expect(guideAfterRun('main', 'web-worker', 'done')).toBe('main');
    expect(guideAfterRun('main', 'renderer-main', 'failed')).toBe('main');
    expect(guideAfterRun('main', 'renderer-main', 'done')).toBe('background');
    expect(guideAfterRun('background', 'renderer-main', 'done')).toBe('background');
    expect(guideAfterRun('background', 'web-worker', 'cancelled')).toBe('background');
    expect(guideAfterRun('background', 'web-worker', 'done')).toBe('done');
    expect(guideAfterRun('background', 'renderer-sliced', 'done')).toBe('done');
    expect(guideAfterRun('done', 'renderer-main', 'done')).toBe('done');
  });
});
