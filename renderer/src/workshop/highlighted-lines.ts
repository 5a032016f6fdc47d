/**
 * Splits highlight.js HTML into one HTML string per source line, closing the spans still open at
 * each line break and opening them again on the next line (a block comment spans many lines).
 * With a line per element, code can wrap on a projector and each line keeps its number beside it.
 * The input is highlight.js output: text already escaped, only `<span class="…">` and `</span>` tags.
 */
export function highlightedLines(html: string): string[] {
  const lines: string[] = [];
  const open: string[] = [];
  let line = '';
  const tag = /<span[^>]*>|<\/span>|\n/g;
  let at = 0;
  for (let m = tag.exec(html); m !== null; m = tag.exec(html)) {
    line += html.slice(at, m.index);
    at = m.index + m[0].length;
    if (m[0] === '\n') {
      lines.push(line + '</span>'.repeat(open.length));
      line = open.join('');
    } else if (m[0] === '</span>') {
      open.pop();
      line += m[0];
    } else {
      open.push(m[0]);
      line += m[0];
    }
  }
  lines.push(line + html.slice(at));
  return lines;
}
