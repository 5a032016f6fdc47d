import { describe, expect, it } from 'vitest';
import { nextSegmentIndex } from './segmented-keys';

const none = (n: number) => Array.from({ length: n }, () => false);

describe('nextSegmentIndex', () => {
  it('steps right and down to the next option, left and up to the previous one', () => {
    expect(nextSegmentIndex('ArrowRight', 0, none(3))).toBe(1);
    expect(nextSegmentIndex('ArrowDown', 1, none(3))).toBe(2);
    expect(nextSegmentIndex('ArrowLeft', 2, none(3))).toBe(1);
    expect(nextSegmentIndex('ArrowUp', 1, none(3))).toBe(0);
  });

  it('wraps around at both ends', () => {
    expect(nextSegmentIndex('ArrowRight', 2, none(3))).toBe(0);
    expect(nextSegmentIndex('ArrowLeft', 0, none(3))).toBe(2);
  });

  it('jumps to the first and last option with Home and End', () => {
    expect(nextSegmentIndex('Home', 2, none(4))).toBe(0);
    expect(nextSegmentIndex('End', 0, none(4))).toBe(3);
  });

  it('skips options that cannot be chosen', () => {
    const disabled = [false, true, false, true];
    expect(nextSegmentIndex('ArrowRight', 0, disabled)).toBe(2);
    expect(nextSegmentIndex('ArrowRight', 2, disabled)).toBe(0);
    expect(nextSegmentIndex('ArrowLeft', 0, disabled)).toBe(2);
    expect(nextSegmentIndex('End', 0, disabled)).toBe(2);
    expect(nextSegmentIndex('Home', 2, [true, false, false])).toBe(1);
  });

  it('moves nowhere when no other option is enabled, or the key is not its own', () => {
    expect(nextSegmentIndex('ArrowRight', 0, [false, true, true])).toBeNull();
    expect(nextSegmentIndex('Home', 0, none(3))).toBeNull();
    expect(nextSegmentIndex('End', 2, none(3))).toBeNull();
    expect(nextSegmentIndex('Enter', 0, none(3))).toBeNull();
    expect(nextSegmentIndex('ArrowRight', 0, [])).toBeNull();
  });
});
