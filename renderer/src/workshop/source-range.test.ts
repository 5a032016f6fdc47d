import { describe, expect, it } from 'vitest';
import { shownLines, sourceRange } from './source-range';

const CODE = [
  'import x;',
  '',
  '/**',
  ' * Doc.',
  ' */',
  'export function a() {',
  '  if (x) {',
  '  }',
  '}',
  '',
  'export const b = 1;',
  '',
].join('\n');

describe('sourceRange', () => {
  it('finds a block with its doc comment', () => {
    const s = sourceRange('f.ts', CODE, 'export function a');
    expect(s.lines).toEqual([3, 9]);
    expect(shownLines(s)).toEqual({ first: 3, text: '/**\n * Doc.\n */\nexport function a() {\n  if (x) {\n  }\n}' });
  });

  it('takes an explicit end marker', () => {
    expect(sourceRange('f.ts', CODE, 'if (x)', 'export const b').lines).toEqual([7, 11]);
  });

  it('falls back to the whole file, and says so', () => {
    const s = sourceRange('f.ts', CODE, 'nowhere');
    expect(s.lines).toBeUndefined();
    expect(s.path).toContain('whole file');
    expect(shownLines(s).first).toBe(1);
  });
});
