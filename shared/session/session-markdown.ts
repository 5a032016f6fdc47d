import { figureLabel, formatFigure, KEY_FIGURES } from './figures';
import { markdownTable } from './markdown-table';
import type { RecordedRun } from './recorded-run';
import type { SessionExport } from './session-export';

/** What a run's "Result" cell says: the headline for a measured freeze, the sentence for a chapter. */
export function resultText(run: RecordedRun): string {
  return run.source === 'workshop' ? run.measured : run.headline.text;
}

/**
 * The session as a Markdown table for a slide or a report: one row per run, its result, and the
 * key figures any run has (wall time, worst gap, frames over 50 ms, …) in words and units.
 */
export function toMarkdownTable(session: SessionExport): string {
  const figures = KEY_FIGURES.map((f) => f.name).filter((name) => session.runs.some((r) => name in r.figures));
  return markdownTable(
    ['Run', 'Result', ...figures.map(figureLabel)],
    session.runs.map((run) => [
      run.title,
      resultText(run),
      ...figures.map((name) => {
        const value = run.figures[name];
        return value === undefined ? '—' : formatFigure(name, value);
      }),
    ]),
  );
}
