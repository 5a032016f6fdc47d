import { describe, expect, it } from 'vitest';
import { markdownTable } from './markdown-table';

describe('markdownTable', () => {
  it('pads columns to the widest cell and escapes pipes, backslashes and line breaks', () => {
    expect(markdownTable(['a', 'Long head'], [['x|y', 'one\r\ntwo'], ['back\\slash']])).toBe(
      [
        '| a           | Long head |',
        '|-------------|-----------|',
        '| x\\|y        | one two   |',
        '| back\\\\slash |           |',
      ].join('\n'),
    );
  });
});
