/**
 * Breaks text into lines no wider than `maxWidth` as `measure` reports widths (a canvas's
 * measureText in the page, a character count in a test). At most `maxLines`: the last line kept
 * ends in "…" when text was left out. A word wider than a line is cut, so nothing overflows.
 * A number keeps its unit on its line ("1.35 s", never "1.35" and "s" apart).
 */
export function wrapText(
  text: string,
  maxWidth: number,
  measure: (text: string) => number,
  maxLines = Infinity,
): string[] {
  const lines: string[] = [];
  let line = '';
  const words: string[] = [];
  for (const word of text.split(/\s+/).filter((w) => w.length > 0)) {
    const previous = words.at(-1);
    if (previous !== undefined && /\d$/.test(previous) && UNIT.test(word))
      words[words.length - 1] = `${previous} ${word}`;
    else words.push(word);
  }
  for (const word of words) {
    const joined = line ? `${line} ${word}` : word;
    if (measure(joined) <= maxWidth) {
      line = joined;
      continue;
    }
    if (line) lines.push(line);
    line = fit(word, maxWidth, measure);
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = fit(`${kept[maxLines - 1] ?? ''}…`, maxWidth, measure, '…');
  return kept;
}

/** A unit after a number, with the punctuation that may follow it. */
const UNIT = /^(ms|s|µs|%|×|MiB|KiB|kB|MB)[.,;:)]*$/;

/** `text` cut (from the end, keeping `tail`) until it fits. */
function fit(text: string, maxWidth: number, measure: (text: string) => number, tail = ''): string {
  let chars = [...text.slice(0, text.length - tail.length)];
  while (chars.length > 1 && measure(chars.join('') + tail) > maxWidth) chars = chars.slice(0, -1);
  return chars.join('').trimEnd() + tail;
}
