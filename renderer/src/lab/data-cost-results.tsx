import { formatMs, METHOD_FACTS, type DataCostMethod } from '../../../shared/datacost/data-cost-methods';
import {
  dataCostVerdict,
  SAMPLE_HEAD,
  sampleRows,
  worstClone,
  type DataCostSample,
} from '../../../shared/datacost/data-cost-summary';
import { DataCostChart, METHOD_COLORS, type DataCostFigure } from './data-cost-chart';
import { ColumnHeads, HEAD_ROW } from '../ui/column-heads';

export const FIGURE_LABELS: Readonly<Record<DataCostFigure, string>> = {
  blockedMs: 'Sender blocked',
  receivedMs: 'Received after',
  worstGapMs: 'Worst frame gap',
};

const SUMMARY = 'cursor-pointer font-medium focus-visible:outline-2 focus-visible:outline-sky-500';

interface Props {
  readonly samples: readonly DataCostSample[];
  readonly methods: readonly DataCostMethod[];
  readonly figure: DataCostFigure;
  /** Larger type for the workshop's presenter mode. */
  readonly presenter?: boolean;
}

/**
 * What a sweep measured: the key number (the longest a clone held the page) as the biggest thing,
 * the verdict, the log-log chart with the budgets, its legend, and every figure in a table.
 */
export function DataCostResults({ samples, methods, figure, presenter = false }: Props) {
  const pair = worstClone(samples);
  return (
    <div className="space-y-4">
      {pair && (
        <div className="flex flex-wrap items-baseline gap-x-6 gap-y-2">
          <p className={`${presenter ? 'text-7xl' : 'text-6xl'} font-bold tabular-nums`} data-testid="data-cost-key">
            {formatMs(pair.clone.blockedMs)}
          </p>
          <p className={`max-w-xl ${presenter ? 'text-2xl' : 'text-lg'}`} data-testid="data-cost-verdict">
            {dataCostVerdict(samples)}
          </p>
        </div>
      )}
      <DataCostChart
        samples={samples}
        methods={methods}
        figure={figure}
        fontPx={presenter ? 20 : 14}
        label={
          `${FIGURE_LABELS[figure]} against payload size, both on log scales, one line per method; ` +
          'dashed lines mark 10 KiB and 100 KiB'
        }
      />
      <ul className={`flex flex-wrap gap-x-5 gap-y-1 ${presenter ? 'text-xl' : 'text-base'}`} aria-label="Methods">
        {methods.map((m) => (
          <li key={m} className="flex items-center gap-2">
            <span aria-hidden className="inline-block h-1 w-6 rounded" style={{ backgroundColor: METHOD_COLORS[m] }} />
            {METHOD_FACTS[m].label}
          </li>
        ))}
      </ul>
      {samples.length > 0 && (
        <details>
          <summary className={`${SUMMARY} ${presenter ? 'text-xl' : 'text-base'}`}>Every figure</summary>
          <table className={`mt-2 w-full ${presenter ? 'text-xl' : 'text-base'} tabular-nums`}>
            <thead>
              <ColumnHeads
                className={HEAD_ROW}
                cellClass="py-1 font-medium"
                columns={SAMPLE_HEAD.map((label, i) => (i > 1 ? { label, className: 'text-right' } : label))}
              />
            </thead>
            <tbody>
              {sampleRows(samples).map((cells, r) => {
                const s = samples[r];
                return (
                  <tr
                    key={r}
                    data-testid="data-cost-row"
                    data-method={s?.method}
                    data-bytes={s?.bytes}
                    data-blocked-ms={s?.blockedMs}
                    data-received-ms={s?.receivedMs}
                    data-round-trip-ms={s?.roundTripMs}
                    data-worst-gap-ms={s?.worstGapMs}
                    className="border-b border-slate-100 last:border-0 dark:border-slate-800"
                  >
                    {cells.map((c, i) => (
                      <td key={i} className={`py-1 ${i > 1 ? 'text-right' : ''}`}>
                        {c}
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </details>
      )}
    </div>
  );
}
