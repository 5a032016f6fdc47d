import type { Pane } from '../../../shared/compare/compare-protocol';
import type { PaneHeadline, PaneState } from '../../../shared/compare/compare-summary';
import type { PaneSite } from '../../../shared/compare/pane-sites';
import type { PaneReady } from './use-pane-frames';

const FIGURE: Readonly<Record<PaneState, string>> = {
  frozen: 'text-rose-700 dark:text-rose-300',
  stuttered: 'text-amber-700 dark:text-amber-300',
  smooth: 'text-emerald-700 dark:text-emerald-300',
  cancelled: 'text-slate-700 dark:text-slate-300',
  failed: 'text-rose-700 dark:text-rose-300',
};

/** A word beside the colour, so the judgement does not rest on colour alone. */
const WORD: Readonly<Record<PaneState, string>> = {
  frozen: 'Frozen',
  stuttered: 'Stuttered',
  smooth: 'Smooth',
  cancelled: 'Cancelled',
  failed: 'Failed',
};

/**
 * Above each pane's frame, in the page: which pane, what it runs, and after a run its headline
 * figure — the biggest type on the screen, red or green with a word. Before a run, where the
 * pane's document comes from.
 */
export function PaneHeader({
  pane,
  label,
  site,
  ready,
  headline,
}: {
  readonly pane: Pane;
  readonly label: string;
  readonly site: PaneSite;
  readonly ready: PaneReady | undefined;
  readonly headline: PaneHeadline | null;
}) {
  const host = site.origin.replace(/^[a-z]+:\/\//, '');
  return (
    <div className="flex min-h-14 items-end justify-between gap-3 px-1" data-testid={`pane-header-${pane}`}>
      <div className="min-w-0">
        <p className="text-sm font-semibold tracking-wide text-sky-700 uppercase dark:text-sky-300">{pane} pane</p>
        <p className="truncate text-lg leading-tight font-bold">{label}</p>
      </div>
      {headline ? (
        <div className="text-right" data-testid={`headline-${pane}`} data-state={headline.state}>
          <p className={`text-3xl leading-none font-bold tabular-nums ${FIGURE[headline.state]}`}>
            <span className="mr-2 text-lg">{WORD[headline.state]}</span>
            {headline.figure}
          </p>
          <p className="text-sm text-slate-600 dark:text-slate-400">{headline.caption}</p>
        </div>
      ) : (
        <p className="text-right text-sm text-slate-600 dark:text-slate-400" data-testid={`pane-site-${pane}`}>
          {host}
          <br />
          {!ready ? 'loading…' : site.ownSite ? 'a site of its own' : 'this page’s site'}
          {ready && !ready.crossOriginIsolated ? ' · not cross-origin isolated' : ''}
        </p>
      )}
    </div>
  );
}
