import { resultText } from './session-markdown';
import type { SessionExport } from './session-export';

/** A summary fits a slide: a heading line and at most four runs. */
export const SUMMARY_MAX_LINES = 5;

/**
 * At most five lines for a slide: what was measured where, then the newest runs, one line each
 * (newest last). Older runs are counted, not listed: the CSV and JSON have all of them.
 */
export function summaryText(session: SessionExport): string {
  const { runs } = session;
  if (runs.length === 0) return 'Unfreeze: nothing measured yet.';
  const matched = runs.filter((r) => r.asExpected).length;
  const count = `${runs.length} ${runs.length === 1 ? 'run' : 'runs'}`;
  const when = session.exportedAt.slice(0, 16).replace('T', ' ');
  const heading = `Unfreeze — ${count} measured, ${matched} as expected (${session.edition} edition, ${when} UTC)`;
  const room = SUMMARY_MAX_LINES - 1;
  const shown = runs.length <= room ? runs : runs.slice(-(room - 1));
  const earlier = runs.length - shown.length;
  return [
    heading,
    ...(earlier > 0 ? [`… ${earlier} earlier ${earlier === 1 ? 'run' : 'runs'} (all are in the CSV and JSON)`] : []),
    ...shown.map((r) => `${r.asExpected ? '✓' : '✗'} ${r.title}: ${oneLine(resultText(r))}`),
  ].join('\n');
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
