import { describe, expect, it } from 'vitest';
import { COMPOSITOR_PROPERTIES, FREEZE_CUE_DELAY_MS, freezeCueAnimation } from './freeze-cue-timing';
import { FROZEN_AFTER_MS } from './freeze-sentence';

const animatedProperties = (keyframes: Keyframe[]) =>
  new Set(keyframes.flatMap((k) => Object.keys(k).filter((p) => !['offset', 'easing', 'composite'].includes(p))));

describe('freezeCueAnimation', () => {
  for (const reducedMotion of [false, true]) {
    it(`animates only what the compositor runs by itself (reduced motion: ${reducedMotion})`, () => {
      const { keyframes, timing } = freezeCueAnimation(reducedMotion);
      for (const property of animatedProperties(keyframes)) expect(COMPOSITOR_PROPERTIES).toContain(property);
      // Hidden while it waits, shown once the delay is over, and it stays shown.
      expect(keyframes[0]?.['opacity']).toBe(0);
      expect(keyframes.at(-1)?.['opacity']).toBe(1);
      expect(timing.fill).toBe('both');
      expect(timing.delay).toBe(FREEZE_CUE_DELAY_MS);
    });
  }

  it('waits longer than a stutter and less than a quarter second and a bit', () => {
    expect(FREEZE_CUE_DELAY_MS).toBeGreaterThan(FROZEN_AFTER_MS);
    expect(FREEZE_CUE_DELAY_MS).toBeLessThanOrEqual(250);
  });

  it('does not move under reduced motion: no transform, an opacity step', () => {
    const { keyframes, timing } = freezeCueAnimation(true);
    expect(animatedProperties(keyframes)).toEqual(new Set(['opacity']));
    expect(timing.easing).toMatch(/^steps\(1/);
  });
});
