import { PLACE_INFO } from '../places';
import { getWorkload } from '../workloads/registry';
import { figureLabel, formatFigure, orderedFigureNames } from './figures';
import type { Headline } from './headline';
import type { RecordedRun } from './recorded-run';

/** What the PNG for a slide shows: drawn from the records, so it is exactly what was measured. */
export interface ResultCard {
  readonly title: string;
  /** One panel per run: a single run, or a Compare run's two panes side by side. */
  readonly panels: readonly ResultPanel[];
  /** Where and when: "Unfreeze · web edition · 2026-01-31 10:21 UTC". */
  readonly footer: string;
}

export interface ResultPanel {
  /** Names the pane ("Page main thread") when there are two; empty for one run. */
  readonly label: string;
  readonly headline: Headline;
  readonly sentence: string;
  readonly figures: readonly { readonly label: string; readonly value: string }[];
}

/** A panel has room for this many figures: the key ones first. */
export const CARD_FIGURES = 4;

/** The runs a card shows for a screen: the newest, or both panes of the newest Compare run. */
export function cardRuns(runs: readonly RecordedRun[]): readonly RecordedRun[] {
  const last = runs.at(-1);
  if (!last) return [];
  if (last.source !== 'compare') return [last];
  return runs.filter((r) => r.source === 'compare' && r.at === last.at).slice(-2);
}

export function resultCard(runs: readonly RecordedRun[], edition: 'desktop' | 'web'): ResultCard {
  const first = runs[0];
  const pair = runs.length > 1;
  const size = first?.sizeSeconds === undefined ? '' : `, sized ≈${first.sizeSeconds} s`;
  const title = !first
    ? 'Nothing measured yet'
    : pair && first.workload
      ? `Compare: ${getWorkload(first.workload).title}${size}`
      : `${first.title}${size}`;
  return {
    title,
    panels: runs.map((run) => ({
      label: pair && run.place ? PLACE_INFO[run.place].label : '',
      headline: run.headline,
      sentence: run.measured,
      figures: orderedFigureNames(Object.keys(run.figures))
        .slice(0, CARD_FIGURES)
        .map((name) => ({ label: figureLabel(name), value: formatFigure(name, run.figures[name] ?? Number.NaN) })),
    })),
    footer: `Unfreeze · ${edition} edition${first ? ` · ${first.at.slice(0, 16).replace('T', ' ')} UTC` : ''}`,
  };
}
