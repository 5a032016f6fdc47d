import { describe, expect, it } from 'vitest';
import { fileBytes, unitRandom } from './file-bytes';

describe('fileBytes', () => {
  it('gives the same bytes for the same seed and file, and other bytes otherwise', () => {
    const a = fileBytes(1, 7, 0, 4096);
    expect(fileBytes(1, 7, 0, 4096)).toEqual(a);
    const sameAt = (x: Uint8Array) => x.filter((v, i) => v === a[i]).length;
    // Unrelated byte streams agree at about 1 position in 256.
    expect(sameAt(fileBytes(2, 7, 0, 4096))).toBeLessThan(64);
    expect(sameAt(fileBytes(1, 8, 0, 4096))).toBeLessThan(64);
  });

  it('produces any range on its own, exactly as part of the whole file (a Range request)', () => {
    const whole = fileBytes(42, 3, 0, 1000);
    for (const [offset, length] of [
      [0, 1],
      [1, 3],
      [3, 10],
      [4, 4],
      [333, 667],
      [999, 1],
    ] as const) {
      expect(fileBytes(42, 3, offset, length), `${offset}+${length}`).toEqual(whole.subarray(offset, offset + length));
    }
  });

  it('looks like noise: every byte value turns up about equally often', () => {
    const counts = new Array<number>(256).fill(0);
    for (const b of fileBytes(5, 1, 0, 256 * 400)) counts[b] = (counts[b] ?? 0) + 1;
    expect(Math.min(...counts)).toBeGreaterThan(300);
    expect(Math.max(...counts)).toBeLessThan(500);
  });
});

describe('unitRandom', () => {
  it('is fixed by its inputs and stays in [0, 1)', () => {
    expect(unitRandom(1, 2, 3, 4)).toBe(unitRandom(1, 2, 3, 4));
    expect(unitRandom(1, 2, 3, 4)).not.toBe(unitRandom(1, 2, 3, 5));
    const values = Array.from({ length: 10_000 }, (_, i) => unitRandom(9, i, 0));
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    expect(mean).toBeGreaterThan(0.48);
    expect(mean).toBeLessThan(0.52);
  });
});
