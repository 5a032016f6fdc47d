import { describe, expect, it } from 'vitest';
import { parseCsv } from '../testing/parse-csv';
import { figureUnit } from './figures';
import { SAMPLE_RUNS, sampleRun, sampleSession } from './sample-runs';
import { CSV_BASE_COLUMNS, csvField, toCsv } from './session-csv';

describe('csvField', () => {
  it('quotes commas, quotes, line breaks and edge spaces, and nothing else', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
    expect(csvField(' padded')).toBe('" padded"');
    expect(csvField(12.5)).toBe('12.5');
    expect(csvField(Number.NaN)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField(false)).toBe('false');
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('-5 ms')).toBe("'-5 ms");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField(-5)).toBe('-5');
  });
});

describe('toCsv', () => {
  const rows = parseCsv(toCsv(sampleSession(SAMPLE_RUNS)));
  const head = rows[0] ?? [];
  const column = (row: readonly string[] | undefined, name: string) => row?.[head.indexOf(name)];

  it('writes one row per run, with the key figures first and every other figure after', () => {
    expect(rows).toHaveLength(1 + SAMPLE_RUNS.length);
    expect(head).toEqual([
      ...CSV_BASE_COLUMNS,
      'wall_ms',
      'worst_gap_ms',
      'frames_over_50',
      'input_delay_p95_ms',
      'main_worst_gap_ms',
      'background_worst_gap_ms',
    ]);
  });

  it('names every figure column with one unit', () => {
    for (const name of head.slice(CSV_BASE_COLUMNS.length)) expect(figureUnit(name), name).not.toBe('');
  });

  it('reads back to the same values, escaped text included, and leaves missing figures empty', () => {
    const [, frozen, responsive, chapter] = rows;
    expect(column(frozen, 'time')).toBe('2026-01-31T10:20:30.000Z');
    expect(column(frozen, 'place')).toBe('renderer-main');
    expect(column(frozen, 'workload')).toBe('mandelbrot');
    expect(column(frozen, 'size_s')).toBe('3');
    expect(column(frozen, 'headline')).toBe('Frozen 2.80 s');
    expect(column(frozen, 'worst_gap_ms')).toBe('2801.5');
    expect(column(responsive, 'frames_over_50')).toBe('0');
    expect(column(responsive, 'place')).toBe('web-worker');
    expect(column(chapter, 'title')).toBe('The freeze, "really"');
    expect(column(chapter, 'measured')).toBe('Main thread: froze for 0.98 s, then | recovered\nat once');
    expect(column(chapter, 'place')).toBe('');
    expect(column(chapter, 'wall_ms')).toBe('');
    expect(column(chapter, 'main_worst_gap_ms')).toBe('980');
    expect(column(frozen, 'main_worst_gap_ms')).toBe('');
  });

  it('ends every line with CRLF and has a header even for no runs', () => {
    const text = toCsv(sampleSession([sampleRun()]));
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\r\n')).toHaveLength(3);
    expect(parseCsv(toCsv(sampleSession([])))).toEqual([[...CSV_BASE_COLUMNS]]);
  });
});
