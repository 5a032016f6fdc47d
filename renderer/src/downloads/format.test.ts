import { describe, expect, it } from 'vitest';
import { formatBytes, formatEta, formatRate } from './format';

describe('download formatting', () => {
  it('shows sizes and rates in decimal units', () => {
    expect(formatBytes(999)).toBe('999 B');
    expect(formatBytes(2_500)).toBe('2.5 kB');
    expect(formatBytes(150_000)).toBe('150 kB');
    expect(formatBytes(2_000_000)).toBe('2.00 MB');
    expect(formatBytes(64_000_000)).toBe('64.0 MB');
    expect(formatRate(1_000_000)).toBe('1.00 MB/s');
  });

  it('shows an ETA that stays readable', () => {
    expect(formatEta(1234)).toBe('1.2 s');
    expect(formatEta(45_000)).toBe('45 s');
    expect(formatEta(125_000)).toBe('2 min 5 s');
    expect(formatEta(Infinity)).toBe('—');
  });
});
