import { describe, expect, it } from 'vitest';
import { speedupExpectation } from './speedup-expectation';

describe('speedupExpectation', () => {
  it('on 2 logical processors expects less than 2×, and says the number it judges by', () => {
    const e = speedupExpectation(2, 2);
    expect(e.workers).toBe(2);
    expect(e.ideal).toBe(1.5);
    expect(e.atLeast).toBe(1.1);
    expect(e.text).toContain('≈ 1.5×');
    expect(e.text).toContain('from 1.1×');
    expect(e.text).not.toContain('≈ 2×');
  });

  it('expects linear speedup when the workers leave processors free', () => {
    const e = speedupExpectation(16, 8);
    expect(e.workers).toBe(8);
    expect(e.ideal).toBe(8);
  });

  it('expects nothing with one processor', () => {
    const e = speedupExpectation(1, 8);
    expect(e.workers).toBe(1);
    expect(e.atLeast).toBe(0);
    expect(e.text).toMatch(/no speedup is expected/);
  });
});
