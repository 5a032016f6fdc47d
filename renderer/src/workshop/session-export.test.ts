import { describe, expect, it } from 'vitest';
import {
  csvField,
  exportFileName,
  sessionExport,
  summaryText,
  toCsv,
  toJson,
  type RecordedRun,
} from './session-export';
import { parseCsv } from '../../../shared/testing/parse-csv';

const run = (over: Partial<RecordedRun> = {}): RecordedRun => ({
  source: 'workshop',
  chapterId: 'freeze',
  title: 'The freeze',
  expected: '≈ 1 s gap',
  measured: 'Main thread: froze for 0.98 s, "really"',
  asExpected: true,
  figures: { main_worst_gap_ms: 980, background_worst_gap_ms: 25.5 },
  at: '2026-01-31T10:20:30.000Z',
  ...over,
});
const meta = {
  kind: 'session' as const,
  exportedAt: '2026-01-31T10:21:00.123Z',
  edition: 'web' as const,
  userAgent: 'test',
};

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
    expect(csvField(false)).toBe('false');
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('-5 ms')).toBe("'-5 ms");
    expect(csvField(-5)).toBe('-5');
  });
});

describe('toCsv', () => {
  it('writes one row per figure that reads back to the same values', () => {
    const session = sessionExport(
      [run(), run({ chapterId: 'x', figures: {}, measured: 'a, b\nc', asExpected: false })],
      meta,
    );
    const rows = parseCsv(toCsv(session));
    expect(rows[0]).toEqual([
      'at',
      'source',
      'chapter',
      'title',
      'expected',
      'measured',
      'as_expected',
      'figure',
      'value',
    ]);
    expect(rows).toHaveLength(4);
    expect(rows[1]).toEqual([
      '2026-01-31T10:20:30.000Z',
      'workshop',
      'freeze',
      'The freeze',
      '≈ 1 s gap',
      'Main thread: froze for 0.98 s, "really"',
      'true',
      'main_worst_gap_ms',
      '980',
    ]);
    expect(rows[2]?.slice(7)).toEqual(['background_worst_gap_ms', '25.5']);
    expect(rows[3]?.slice(5)).toEqual(['a, b\nc', 'false', '', '']);
  });
});

describe('toJson', () => {
  it('round-trips every run and its figures', () => {
    const session = sessionExport([run()], meta);
    const back = JSON.parse(toJson(session)) as typeof session;
    expect(back).toEqual(session);
    expect(back.runs[0]?.figures.main_worst_gap_ms).toBe(980);
  });
});

describe('summaryText', () => {
  it('lists expected and measured per run, with a tally', () => {
    const text = summaryText(sessionExport([run(), run({ title: 'Tiny', asExpected: false })], meta));
    expect(text.split('\n')[0]).toBe(
      'Unfreeze — 2 runs measured, 1 as expected (web edition, 2026-01-31T10:21:00.123Z)',
    );
    expect(text).toContain('✓ The freeze\n  Expected: ≈ 1 s gap\n  Measured: Main thread');
    expect(text).toContain('✗ Tiny');
  });

  it('says when nothing was measured', () => {
    expect(summaryText(sessionExport([], meta))).toBe('Unfreeze: nothing measured yet.');
  });
});

describe('exportFileName', () => {
  it('has no characters a file system refuses', () => {
    expect(exportFileName('session', '2026-01-31T10:21:00.123Z', 'csv')).toBe(
      'unfreeze-session-2026-01-31T10-21-00.csv',
    );
  });
});
