import { describe, expect, it } from 'vitest';
import { paneBounds } from './compare-layout';

describe('paneBounds', () => {
  it('splits the window in two with a divider, using every pixel', () => {
    expect(paneBounds(1281, 800)).toEqual({
      left: { x: 0, y: 0, width: 639, height: 800 },
      right: { x: 641, y: 0, width: 640, height: 800 },
    });
  });

  it('never goes negative on a tiny window', () => {
    const { left, right } = paneBounds(1, 0);
    expect(left.width).toBe(0);
    expect(right.width).toBeGreaterThanOrEqual(0);
  });
});
