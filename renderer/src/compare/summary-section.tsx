import type { Pane } from '../../../shared/compare/compare-protocol';
import { compareSummary } from '../../../shared/compare/compare-summary';
import { CARD } from '../ui/card';
import { SummaryTable } from './summary-table';
import type { Reports } from './use-reports';

/** Both panes' figures side by side once both have reported; until then, who is still running. */
export function SummarySection({
  reports,
  labels,
}: {
  readonly reports: Reports;
  readonly labels: Record<Pane, string>;
}) {
  if (reports.runId === 0) return null;
  return (
    <section className={CARD} aria-labelledby="summary-heading">
      <h2 id="summary-heading" className="mb-3 text-xl font-semibold">
        Summary
      </h2>
      {reports.left && reports.right ? (
        <SummaryTable summary={compareSummary(reports.left, reports.right, labels)} labels={labels} />
      ) : (
        <p role="status">
          Running…{' '}
          {reports.left ? 'the left pane is done' : reports.right ? 'the right pane is done' : 'waiting for both panes'}
          .
        </p>
      )}
    </section>
  );
}
