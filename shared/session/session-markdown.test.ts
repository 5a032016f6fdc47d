import { describe, expect, it } from 'vitest';
import { SAMPLE_RUNS, sampleSession } from './sample-runs';
import { toMarkdownTable } from './session-markdown';

/** The cells of a Markdown table row, unescaping `\|`. */
const cells = (line: string) =>
  line
    .slice(1, -1)
    .split(/(?<!\\)\|/)
    .map((c) => c.trim().replaceAll('\\|', '|'));

describe('toMarkdownTable', () => {
  const lines = toMarkdownTable(sampleSession(SAMPLE_RUNS)).split('\n');

  it('has a heading row, a rule and one row per run, all of one width', () => {
    expect(lines).toHaveLength(2 + SAMPLE_RUNS.length);
    expect(cells(lines[0] ?? '')).toEqual([
      'Run',
      'Result',
      'Wall time',
      'Worst frame gap',
      'Frames over 50 ms',
      'Input delay p95',
    ]);
    expect(lines[1]).toMatch(/^\|(-+\|){6}$/);
    expect(new Set(lines.map((l) => [...l].length)).size).toBe(1);
  });

  it('shows figures with their units, a dash where a run has none, and escapes what would break the table', () => {
    expect(cells(lines[2] ?? '')).toEqual([
      'Playground: Mandelbrot on Page main thread',
      'Frozen 2.80 s',
      '2.81 s',
      '2.80 s',
      '1',
      '0 ms',
    ]);
    expect(cells(lines[4] ?? '')).toEqual([
      'The freeze, "really"',
      'Main thread: froze for 0.98 s, then | recovered at once',
      '—',
      '—',
      '—',
      '—',
    ]);
    expect(lines[4]).toContain('then \\| recovered');
  });
});
