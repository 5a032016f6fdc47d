import type { Pane, PaneResult } from './compare-protocol';
import { startSkewMs } from './sync-start';

/** One row of the summary table: the same figure for both panes, and which pane did better. */
export interface SummaryRow {
  readonly key: 'wall' | 'worstGap' | 'framesOver50' | 'inputDelay' | 'mainStall';
  readonly label: string;
  readonly left: number | null;
  readonly right: number | null;
  readonly unit: 'ms' | 'count';
  /** Lower is better for every figure here; null when there is nothing to compare. */
  readonly better: Pane | 'same' | null;
}

export interface CompareSummary {
  readonly rows: readonly SummaryRow[];
  /** How far apart the two panes actually began. */
  readonly startSkewMs: number;
  readonly verdict: string;
}

/** Differences smaller than this (or than 10 %) are called the same: timing on a busy machine wobbles. */
const SAME_MS = 20;

function better(key: SummaryRow['key'], left: number | null, right: number | null): SummaryRow['better'] {
  if (left === null || right === null) return null;
  const diff = Math.abs(left - right);
  const close = key === 'framesOver50' ? diff === 0 : diff < SAME_MS || diff < 0.1 * Math.max(left, right);
  if (close) return 'same';
  return left < right ? 'left' : 'right';
}

const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`);

/**
 * The table that highlights the difference, and one sentence about it. `labels` name the panes'
 * places ("Page main thread"); a pane that did not finish is said so first.
 */
export function compareSummary(
  left: PaneResult,
  right: PaneResult,
  labels: Readonly<Record<Pane, string>>,
): CompareSummary {
  const row = (
    key: SummaryRow['key'],
    label: string,
    unit: SummaryRow['unit'],
    pick: (r: PaneResult) => number | null,
  ): SummaryRow => {
    const l = pick(left);
    const r = pick(right);
    return { key, label, left: l, right: r, unit, better: better(key, l, r) };
  };
  const rows = [
    row('wall', 'Wall time', 'ms', (r) => r.wallMs),
    row('worstGap', 'Worst frame gap', 'ms', (r) => r.worstGapMs),
    row('framesOver50', 'Frames over 50 ms', 'count', (r) => r.framesOver50),
    row('inputDelay', 'Input delay (p95)', 'ms', (r) => r.inputDelayP95Ms),
    row('mainStall', 'Main process unresponsive', 'ms', (r) => r.mainStallMs),
  ];
  return { rows, startSkewMs: startSkewMs([left.startedAt, right.startedAt]), verdict: verdict(left, right, labels) };
}

function verdict(left: PaneResult, right: PaneResult, labels: Readonly<Record<Pane, string>>): string {
  for (const [pane, r] of [
    ['left', left],
    ['right', right],
  ] as const) {
    if (r.status === 'done') continue;
    const what = r.status === 'cancelled' ? 'was cancelled' : `failed${r.message ? `: ${r.message}` : ''}`;
    return `The ${pane} pane (${labels[pane]}) ${what}.`;
  }
  const frozen = (r: PaneResult) => r.worstGapMs > 100;
  const lf = frozen(left);
  const rf = frozen(right);
  if (lf && rf) {
    return (
      `Both panes froze (worst gaps ${fmt(left.worstGapMs)} and ${fmt(right.worstGapMs)}): ` +
      'whatever blocked one blocked the other too.'
    );
  }
  if (lf !== rf) {
    const [bad, good] = lf ? (['left', 'right'] as const) : (['right', 'left'] as const);
    const b = lf ? left : right;
    const g = lf ? right : left;
    return (
      `The ${bad} pane (${labels[bad]}) froze for ${fmt(b.worstGapMs)}; ` +
      `the ${good} pane (${labels[good]}) kept drawing, worst gap ${fmt(g.worstGapMs)}.`
    );
  }
  return `Both panes stayed responsive (worst gaps ${fmt(left.worstGapMs)} and ${fmt(right.worstGapMs)}).`;
}
