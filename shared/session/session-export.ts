import type { RecordedRun } from './recorded-run';

/** What every export file starts from: the runs, and where and when they were exported. */
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

/** Everything, attachments included: the export another tool (or a later reload) reads back. */
export function toJson(session: SessionExport): string {
  return `${JSON.stringify(session, null, 2)}\n`;
}

export type ExportExtension = 'json' | 'csv' | 'md' | 'png';

/** A file name safe on every OS: unfreeze-session-2026-01-31T10-20-30.json */
export function exportFileName(kind: 'session' | 'run', exportedAt: string, extension: ExportExtension): string {
  return `unfreeze-${kind}-${exportedAt.replace(/\.\d+Z$/, '').replace(/[:]/g, '-')}.${extension}`;
}
