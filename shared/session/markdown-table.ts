/**
 * A table as GitHub-flavoured Markdown, columns padded to their widest cell so it also reads as
 * plain text. A cell cannot break the table: pipes and backslashes are escaped, line breaks become spaces.
 */
export function markdownTable(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const cell = (text: string) =>
    text
      .replaceAll('\\', '\\\\')
      .replaceAll('|', '\\|')
      .replace(/\s*[\r\n]+\s*/g, ' ')
      .trim();
  const cells = [head, ...rows].map((row) => head.map((_, i) => cell(row[i] ?? '')));
  const widths = head.map((_, i) => Math.max(3, ...cells.map((row) => [...(row[i] ?? '')].length)));
  const pad = (text: string, width: number) => text + ' '.repeat(width - [...text].length);
  const line = (row: readonly string[]) => `| ${row.map((c, i) => pad(c, widths[i] ?? 0)).join(' | ')} |`;
  const [top = [], ...body] = cells;
  return [line(top), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}
