import { orderedFigureNames } from './figures';
import type { SessionExport } from './session-export';

/**
 * The columns every row has, before the figures. `time` is ISO 8601 UTC, `size_s` the run's
 * nominal size in seconds on one thread of the computer that ran it.
 */
export const CSV_BASE_COLUMNS = [
  'time',
  'source',
  'chapter',
  'place',
  'workload',
  'size_s',
  'title',
  'headline',
  'as_expected',
  'expected',
  'measured',
] as const;

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, a quote, a line break or leading or
 * trailing space, with quotes doubled. Text a spreadsheet would run as a formula (=, +, -, @ at
 * the start) gets a leading apostrophe; numbers are written as they are.
 */
export function csvField(value: string | number | boolean | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The figure columns of a session: every figure any run has, the key ones first. */
export function csvFigureColumns(session: SessionExport): string[] {
  return orderedFigureNames(session.runs.flatMap((r) => Object.keys(r.figures)));
}

/**
 * One row per run, one column per figure (named with its unit, so a column holds one unit); a
 * run without a figure leaves its cell empty. CRLF line ends, as RFC 4180 and spreadsheets expect.
 */
export function toCsv(session: SessionExport): string {
  const figures = csvFigureColumns(session);
  const rows = session.runs.map((run) => [
    run.at,
    run.source,
    run.chapterId,
    run.place,
    run.workload,
    run.sizeSeconds,
    run.title,
    run.headline.text,
    run.asExpected,
    run.expected,
    run.measured,
    ...figures.map((name) => run.figures[name]),
  ]);
  return [[...CSV_BASE_COLUMNS, ...figures], ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
