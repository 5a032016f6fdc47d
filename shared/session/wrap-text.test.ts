import { describe, expect, it } from 'vitest';
import { wrapText } from './wrap-text';

const chars = (text: string) => [...text].length;

describe('wrapText', () => {
  it('breaks between words so no line is wider than the limit', () => {
    const lines = wrapText('The page was frozen for 2.80 s during a 2.81 s run.', 16, chars);
    expect(lines).toEqual(['The page was', 'frozen for', '2.80 s during a', '2.81 s run.']);
    for (const line of lines) expect(chars(line)).toBeLessThanOrEqual(16);
  });

  it('ends the last kept line in an ellipsis when lines are left out, and cuts a word too long for a line', () => {
    expect(wrapText('one two three four five six', 9, chars, 2)).toEqual(['one two', 'three…']);
    expect(wrapText('Supercalifragilistic', 8, chars)).toEqual(['Supercal']);
    expect(wrapText('  ', 8, chars)).toEqual([]);
  });
});
