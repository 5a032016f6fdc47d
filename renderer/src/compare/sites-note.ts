import type { Pane } from '../../../shared/compare/compare-protocol';
import type { ThreadFinding } from '../../../shared/compare/compare-summary';
import type { PaneSite } from '../../../shared/compare/pane-sites';

const hostOf = (origin: string) => origin.replace(/^[a-z]+:\/\//, '');

/**
 * What the web Compare says, before a run, about where its panes come from — as a promise the run
 * will check, never as a fact: only the frames a pane draws while the other is frozen show whether
 * the browser really gave them a thread each.
 */
export function sitesNote(sites: Readonly<Record<Pane, PaneSite>>, canSeparate: boolean): string {
  if (sites.left.ownSite && sites.right.ownSite) {
    return (
      `Each pane comes from a site of its own (${hostOf(sites.left.origin)} and ${hostOf(sites.right.origin)}), ` +
      'so Chromium’s site isolation should give each its own renderer process and main thread. ' +
      'Press Start: the run shows whether it did.'
    );
  }
  if (!canSeparate) {
    return (
      'This page is not served over http from this computer, so its panes cannot come from sites of their own: ' +
      'both share this page’s one main thread, and a freeze in one pane freezes both.'
    );
  }
  return (
    'Both panes come from this page’s own site, so they share its one renderer process and main thread: ' +
    'a freeze in one pane freezes both, even the one whose work runs in Web Workers.'
  );
}

/** When the panes have not said they are ready long after they should have. */
export function notLoadedNote(sites: Readonly<Record<Pane, PaneSite>>): string {
  if (!sites.left.ownSite) return 'The two panes have not loaded yet: reload the page if they do not appear.';
  return (
    `The panes have not loaded from ${hostOf(sites.left.origin)} and ${hostOf(sites.right.origin)}: this browser ` +
    'may not reach those names. Choose “this page’s site” to compare the two on one shared thread instead.'
  );
}

/**
 * After a run, what the frames proved — said beside the verdict only where the verdict alone
 * would hide it: panes meant to have a thread each that did not get one.
 */
export function isolationWarning(
  sites: Readonly<Record<Pane, PaneSite>>,
  finding: ThreadFinding | null,
): string | null {
  if (finding?.kind !== 'shared-thread' || !sites.left.ownSite || !sites.right.ownSite) return null;
  return (
    'Although the panes came from sites of their own, this browser ran them on one main thread: ' +
    'it did not give each pane a process of its own.'
  );
}
