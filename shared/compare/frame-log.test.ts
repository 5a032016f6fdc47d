import { describe, expect, it } from 'vitest';
import { FrameLog } from './frame-log';

describe('FrameLog', () => {
  it('counts the frames drawn inside a window, ends included', () => {
    const log = new FrameLog();
    for (let t = 1000; t <= 2000; t += 100) log.add(t);
    expect(log.countBetween(1200, 1500)).toBe(4);
    expect(log.countBetween(0, 999)).toBe(0);
    expect(log.countBetween(2000, 9000)).toBe(1);
    expect(log.countBetween(1550, 1560)).toBe(0);
  });

  it('keeps counting right once the oldest frames are overwritten', () => {
    const log = new FrameLog();
    for (let i = 0; i < 5000; i += 1) log.add(i);
    expect(log.countBetween(4900, 4999)).toBe(100);
    // Only the newest 4,096 are kept: 904..4999.
    expect(log.countBetween(0, 1000)).toBe(97);
  });
});
