import type { Pane } from '../../../shared/compare/compare-protocol';
import type { CompareSummary } from '../../../shared/compare/compare-summary';
import { CARD } from '../ui/card';
import { SummaryTable } from './summary-table';
import type { Reports } from './use-reports';

/**
 * Both panes' figures side by side once `summary` is ready; until then, who is still running.
 * `verdict` (default) puts the summary's sentence above the table.
 */
export function SummarySection({
  reports,
  summary,
  labels,
  verdict = true,
}: {
  readonly reports: Reports;
  readonly summary: CompareSummary | null;
  readonly labels: Record<Pane, string>;
  readonly verdict?: boolean;
}) {
  if (reports.runId === 0) return null;
  return (
    <section className={CARD} aria-labelledby="summary-heading">
      <h2 id="summary-heading" className="mb-3 text-xl font-semibold">
        Summary
      </h2>
      {summary ? (
        <SummaryTable summary={summary} labels={labels} verdict={verdict} />
      ) : (
        <p role="status">
          {reports.done
            ? 'Comparing the two panes’ frames…'
            : `Running… ${reports.left ? 'the left pane is done' : reports.right ? 'the right pane is done' : 'waiting for both panes'}.`}
        </p>
      )}
    </section>
  );
}
