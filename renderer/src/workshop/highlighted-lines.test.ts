import hljs from 'highlight.js/lib/core';
import typescript from 'highlight.js/lib/languages/typescript';
import { describe, expect, it } from 'vitest';
import { highlightedLines } from './highlighted-lines';

hljs.registerLanguage('typescript', typescript);

describe('highlightedLines', () => {
  it('keeps plain lines as they are', () => {
    expect(highlightedLines('a\nb\n\nc')).toEqual(['a', 'b', '', 'c']);
  });

  it('closes and reopens a span that crosses a line break', () => {
    expect(highlightedLines('x <span class="c">/* one\ntwo */</span> y')).toEqual([
      'x <span class="c">/* one</span>',
      '<span class="c">two */</span> y',
    ]);
  });

  it('splits real highlight.js output into one balanced line per source line', () => {
    const code = '/**\n * A doc comment\n */\nexport function f(a: number): string {\n  return `${a}\n`;\n}';
    const lines = highlightedLines(hljs.highlight(code, { language: 'typescript' }).value);
    expect(lines).toHaveLength(code.split('\n').length);
    for (const l of lines) expect(l.split('<span').length - 1).toBe(l.split('</span>').length - 1);
    // The text is unchanged, line by line.
    const text = (html: string) =>
      html
        .replace(/<[^>]+>/g, '')
        .replaceAll('&lt;', '<')
        .replaceAll('&gt;', '>')
        .replaceAll('&amp;', '&')
        .replaceAll('&#x27;', "'")
        .replaceAll('&quot;', '"');
    expect(lines.map(text)).toEqual(code.split('\n'));
    expect(lines[1]).toMatch(/^<span class="hljs-comment">/);
  });
});
