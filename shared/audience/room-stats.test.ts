import { describe, expect, it } from 'vitest';
import { median, summarizeRoom } from './room-stats';
import type { DeviceResult } from './audience-messages';
import { sampleResult } from './test-results';

const result = (label: string, mainWallMs: number, mainGapMs: number, workersGapMs: number): DeviceResult => {
  const { device, main, workers } = sampleResult(mainGapMs, workersGapMs);
  return { label, device, main: { ...main, wallMs: mainWallMs }, workers, atMs: 0 };
};

describe('median', () => {
  it('is the middle value of an odd count, the mean of the middle two of an even one', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
    expect(median([])).toBeNull();
  });

  it('does not reorder its input', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('summarizeRoom', () => {
  it('gives the medians of both runs and the slowest and fastest device by main-thread wall time', () => {
    const summary = summarizeRoom([
      result('Device 1', 900, 880, 20),
      result('Device 2', 3100, 3000, 60),
      result('Device 3', 450, 440, 17),
    ]);
    expect(summary.results).toBe(3);
    expect(summary.mainWorstGapMs).toBe(880);
    expect(summary.workersWorstGapMs).toBe(20);
    expect(summary.mainWallMs).toBe(900);
    expect(summary.slowest?.label).toBe('Device 2');
    expect(summary.slowest?.wallMs).toBe(3100);
    expect(summary.fastest?.label).toBe('Device 3');
  });

  it('has no figures for an empty room', () => {
    expect(summarizeRoom([])).toMatchObject({ results: 0, mainWorstGapMs: null, slowest: null, fastest: null });
  });
});
