import type { ChapterSource } from './chapter';

/**
 * A source excerpt found by its text, not by line numbers, so it still shows the right lines
 * after the file is edited: from the line holding `from` to the line holding `to` (inclusive),
 * or to the end of the block that starts at `from` when `to` is omitted. The whole file when
 * `from` is not found (and it says so in the path).
 */
export function sourceRange(path: string, code: string, from: string, to?: string): ChapterSource {
  const lines = code.split('\n');
  const start = lines.findIndex((l) => l.includes(from));
  if (start < 0) return { path: `${path} (excerpt marker not found: whole file)`, code };
  let end: number;
  if (to !== undefined) {
    const found = lines.findIndex((l, i) => i > start && l.includes(to));
    end = found < 0 ? lines.length - 1 : found;
  } else {
    end = blockEnd(lines, start);
  }
  // Include the doc comment right above, when there is one.
  let first = start;
  if (lines[first - 1]?.trim().endsWith('*/')) {
    while (first > 0 && !lines[first - 1]?.trim().startsWith('/**')) first--;
    first = Math.max(0, first - 1);
  }
  return { path, code, lines: [first + 1, end + 1] };
}

/** The line that closes the block opened on `start`: the first later line at the same indentation that closes it. */
function blockEnd(lines: readonly string[], start: number): number {
  const indent = /^\s*/.exec(lines[start] ?? '')?.[0].length ?? 0;
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const own = /^\s*/.exec(line)?.[0].length ?? 0;
    if (own === indent && /^\s*[}\]);]/.test(line)) return i;
  }
  return lines.length - 1;
}

/** The lines of a source that are shown, with their 1-based numbers. */
export function shownLines(source: ChapterSource): { first: number; text: string } {
  const all = source.code.replace(/\n$/, '').split('\n');
  const [from, to] = source.lines ?? [1, all.length];
  const first = Math.max(1, from);
  return { first, text: all.slice(first - 1, Math.min(all.length, to)).join('\n') };
}
