import { describe, expect, it } from 'vitest';
import { tickStep, timelineLayout } from './timeline-draw';

describe('timeline layout', () => {
  it('labels a few lanes and squeezes a thousand into the same height', () => {
    expect(timelineLayout(2, false)).toMatchObject({ rowPx: 28, labelPx: 120 });
    expect(timelineLayout(100, false)).toMatchObject({ rowPx: 2, labelPx: 0 });
    expect(timelineLayout(240, false).rowPx).toBe(1);
    expect(timelineLayout(1000, false).heightPx).toBeCloseTo(240 + 22, 6);
  });

  it('picks between 4 and 10 ticks for any span', () => {
    for (const span of [0.5, 1, 3, 5.2, 17, 60, 300, 1200]) {
      const step = tickStep(span);
      expect(span / step, `${span} s`).toBeLessThanOrEqual(10);
      expect(span / step, `${span} s`).toBeGreaterThanOrEqual(span >= 3 ? 2.5 : 2);
    }
  });
});
