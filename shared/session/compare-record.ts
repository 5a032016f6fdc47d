import type { Pane, PaneResult } from '../compare/compare-protocol';
import { PLACE_INFO, type Place } from '../places';
import { getWorkload, type WorkloadName } from '../workloads/registry';
import { formatDuration } from '../format/format-duration';
import { gapHeadline } from './headline';
import type { RecordedRun } from './recorded-run';

/** A gap this long is a freeze: RAIL's 100 ms, the threshold the Compare summary judges by. */
const FROZEN_AFTER_MS = 100;

const tenth = (ms: number) => Math.round(ms * 10) / 10;

/**
 * One Compare run as two session entries, one per pane (left first), so the CSV has a row for
 * each. Expected: a pane freezes exactly when its place runs on the page's own thread.
 */
export function compareRecords(run: {
  readonly places: Readonly<Record<Pane, Place>>;
  readonly workload: WorkloadName;
  readonly sizeSeconds: number;
  readonly results: Readonly<Record<Pane, PaneResult>>;
  readonly at: string;
}): RecordedRun[] {
  return (['left', 'right'] as const).map((pane) => {
    const r = run.results[pane];
    const info = PLACE_INFO[run.places[pane]];
    const froze = r.worstGapMs > FROZEN_AFTER_MS;
    const headline = gapHeadline({ status: r.status, worstGapMs: r.worstGapMs, frozenAfterMs: FROZEN_AFTER_MS });
    const figures: Record<string, number> = {
      wall_ms: tenth(r.wallMs),
      worst_gap_ms: tenth(r.worstGapMs),
      frames_over_50: r.framesOver50,
    };
    if (r.inputDelayP95Ms !== null) figures['input_delay_p95_ms'] = tenth(r.inputDelayP95Ms);
    if (r.mainStallMs !== null) figures['main_stall_ms'] = tenth(r.mainStallMs);
    return {
      source: 'compare',
      chapterId: 'compare',
      title: `Compare, ${pane} pane: ${getWorkload(run.workload).title} on ${info.label}`,
      expected: info.keepsPageResponsive
        ? 'The pane keeps drawing (no frame gap over 100 ms).'
        : 'The pane freezes for about the whole run.',
      measured:
        r.status === 'done'
          ? `${headline.good ? 'Kept drawing' : 'Froze'}: worst frame gap ${formatDuration(r.worstGapMs)}, ` +
            `${r.framesOver50} ${r.framesOver50 === 1 ? 'frame' : 'frames'} over 50 ms.`
          : `The pane's run ${unfinished(r)}.`,
      asExpected: r.status === 'done' && froze !== info.keepsPageResponsive,
      headline,
      place: run.places[pane],
      workload: run.workload,
      sizeSeconds: run.sizeSeconds,
      figures,
      at: run.at,
    };
  });
}

/** "was cancelled", or "failed: why" (cut so the sentence stays within the record's limit). */
function unfinished(r: PaneResult): string {
  if (r.status === 'cancelled') return 'was cancelled';
  return r.message ? `failed: ${r.message.slice(0, 1800)}` : 'failed';
}
