/**
 * A workshop session's measured outcomes, and the files made from it: JSON (everything), CSV (one
 * row per figure, for a spreadsheet) and a plain-text summary for slides. Pure: no DOM.
 */
export interface RecordedRun {
  /** Where the run came from: a workshop chapter, or the Playground. */
  readonly source: 'workshop' | 'playground';
  readonly chapterId: string;
  readonly title: string;
  readonly expected: string;
  readonly measured: string;
  readonly asExpected: boolean;
  readonly figures: Readonly<Record<string, number>>;
  /** ISO 8601 time the run ended. */
  readonly at: string;
}

export interface SessionExport {
  readonly app: 'Unfreeze';
  readonly kind: 'session' | 'run';
  readonly exportedAt: string;
  readonly edition: 'desktop' | 'web';
  readonly userAgent: string;
  readonly runs: readonly RecordedRun[];
}

export function sessionExport(
  runs: readonly RecordedRun[],
  meta: { kind: 'session' | 'run'; exportedAt: string; edition: 'desktop' | 'web'; userAgent: string },
): SessionExport {
  return { app: 'Unfreeze', ...meta, runs };
}

export function toJson(session: SessionExport): string {
  return `${JSON.stringify(session, null, 2)}\n`;
}

export const CSV_COLUMNS = [
  'at',
  'source',
  'chapter',
  'title',
  'expected',
  'measured',
  'as_expected',
  'figure',
  'value',
] as const;

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, a quote, a line break or leading or
 * trailing space, with quotes doubled. Text a spreadsheet would run as a formula (=, +, -, @ at
 * the start) gets a leading apostrophe; numbers are written as they are.
 */
export function csvField(value: string | number | boolean): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** One row per figure of every run (a run without figures still gets one row); CRLF line ends. */
export function toCsv(session: SessionExport): string {
  const rows: (string | number | boolean)[][] = [];
  for (const run of session.runs) {
    const base = [run.at, run.source, run.chapterId, run.title, run.expected, run.measured, run.asExpected];
    const figures = Object.entries(run.figures);
    if (figures.length === 0) rows.push([...base, '', '']);
    for (const [name, value] of figures) rows.push([...base, name, value]);
  }
  return [[...CSV_COLUMNS], ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** A few lines for a slide: one per run, newest last. */
export function summaryText(session: SessionExport): string {
  if (session.runs.length === 0) return 'Unfreeze: nothing measured yet.';
  const lines = session.runs.map(
    (r) => `${r.asExpected ? '✓' : '✗'} ${r.title}\n  Expected: ${r.expected}\n  Measured: ${r.measured}`,
  );
  const matched = session.runs.filter((r) => r.asExpected).length;
  const count = `${session.runs.length} ${session.runs.length === 1 ? 'run' : 'runs'}`;
  return [
    `Unfreeze — ${count} measured, ${matched} as expected (${session.edition} edition, ${session.exportedAt})`,
    ...lines,
  ].join('\n');
}

/** A file name safe on every OS: unfreeze-session-2026-01-31T10-20-30.json */
export function exportFileName(kind: 'session' | 'run', exportedAt: string, extension: 'json' | 'csv'): string {
  return `unfreeze-${kind}-${exportedAt.replace(/\.\d+Z$/, '').replace(/[:]/g, '-')}.${extension}`;
}
