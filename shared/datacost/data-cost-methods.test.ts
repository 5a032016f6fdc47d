import { describe, expect, it } from 'vitest';
import { BUDGETS, DATA_COST_SIZES, formatBytes, formatMs, KIB, MAX_PAYLOAD_BYTES, MIB } from './data-cost-methods';

describe('the sweep sizes', () => {
  it('run from 1 KiB to the 64 MiB cap in powers of 4, with both budgets inside the range', () => {
    expect(DATA_COST_SIZES[0]).toBe(KIB);
    expect(DATA_COST_SIZES.at(-1)).toBe(MAX_PAYLOAD_BYTES);
    expect(MAX_PAYLOAD_BYTES).toBe(64 * MIB);
    for (let i = 1; i < DATA_COST_SIZES.length; i++) expect(DATA_COST_SIZES[i]).toBe((DATA_COST_SIZES[i - 1] ?? 0) * 4);
    for (const budget of BUDGETS) {
      expect(budget.bytes).toBeGreaterThan(DATA_COST_SIZES[0] ?? 0);
      expect(budget.bytes).toBeLessThan(MAX_PAYLOAD_BYTES);
    }
  });
});

describe('formatting', () => {
  it.each([
    [512, '512 B'],
    [KIB, '1 KiB'],
    [10 * KIB, '10 KiB'],
    [1.5 * MIB, '1.5 MiB'],
    [64 * MIB, '64 MiB'],
  ])('shows %d bytes as %s', (bytes, text) => expect(formatBytes(bytes)).toBe(text));

  it.each([
    [0.049, '0.05 ms'],
    [3.24, '3.2 ms'],
    [380.4, '380 ms'],
    [1234.5, '1,235 ms'],
    [Number.NaN, '–'],
  ])('shows %d ms as %s', (ms, text) => expect(formatMs(ms)).toBe(text));
});
