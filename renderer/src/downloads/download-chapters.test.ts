import { describe, expect, it } from 'vitest';
import { linesBetween } from './download-chapters';

describe('linesBetween', () => {
  const code = ['a', 'start here', 'b', 'end here', 'c'].join('\n');
  it('finds the 1-based lines from one marker to the next', () => {
    expect(linesBetween(code, 'start', 'end')).toEqual([2, 4]);
    expect(linesBetween(code, 'start', 'end', true)).toEqual([2, 3]);
  });
  it('gives no range when a marker is missing, so the whole file is shown', () => {
    expect(linesBetween(code, 'start', 'nowhere')).toBeUndefined();
    expect(linesBetween(code, 'nowhere', 'end')).toBeUndefined();
  });
});
