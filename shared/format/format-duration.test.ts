import { describe, expect, it } from 'vitest';
import { formatDuration, formatInSeconds } from './format-duration';

describe('formatDuration', () => {
  it('writes whole milliseconds below a second', () => {
    expect(formatDuration(0)).toBe('0 ms');
    expect(formatDuration(16.6)).toBe('17 ms');
    expect(formatDuration(16.4)).toBe('16 ms');
    expect(formatDuration(999.4)).toBe('999 ms');
  });

  it('writes seconds with two decimals from a second up', () => {
    expect(formatDuration(1000)).toBe('1.00 s');
    expect(formatDuration(2812)).toBe('2.81 s');
    expect(formatDuration(2975)).toBe('2.98 s');
    expect(formatDuration(61_000)).toBe('61.00 s');
  });
});

describe('formatInSeconds', () => {
  it('stays in seconds below one, with the decimals asked for', () => {
    expect(formatInSeconds(500)).toBe('0.50 s');
    expect(formatInSeconds(1234)).toBe('1.23 s');
    expect(formatInSeconds(1500, 1)).toBe('1.5 s');
    expect(formatInSeconds(12_345.6, 3)).toBe('12.346 s');
  });
});
