/**
 * What happens to a page's work when the page itself goes away — kept free of Electron so it is
 * tested in plain Node; window.ts feeds it a WebContents' events.
 *
 * A page's tasks and compare panes belong to its document. The document ends when the WebContents
 * is destroyed (window closed), when its renderer process dies (crash, out of memory, killed),
 * and when the main frame commits a new document (reload, or a menu deep link). In every case
 * nobody is left to watch the work, so it is released, as many times as it happens; only a dead
 * renderer also offers the user a reload, because there the window would otherwise stay blank.
 */

/** Electron's RenderProcessGoneDetails['reason']. */
export type GoneReason =
  | 'clean-exit'
  | 'abnormal-exit'
  | 'killed'
  | 'crashed'
  | 'oom'
  | 'launch-failed'
  | 'integrity-failure'
  | 'memory-eviction';

export type PageSignal =
  /** `did-navigate`: the main frame committed a new document (never sent for in-page changes). */
  | { readonly kind: 'navigated' }
  /** `render-process-gone`. */
  | { readonly kind: 'gone'; readonly reason: GoneReason; readonly exitCode: number }
  /** `destroyed`. */
  | { readonly kind: 'destroyed' };

export interface CrashNotice {
  readonly message: string;
  readonly detail: string;
}

export interface PageWatchOptions {
  /** Cancels the page's tasks and drops it from compare mode (task-ipc / compare-hub senderGone). */
  release(): void;
  /** Asks the user whether to reload the dead page. */
  offerReload(notice: CrashNotice): void;
}

export interface PageWatch {
  signal(signal: PageSignal): void;
}

/** One watch per WebContents. */
export function watchPage({ release, offerReload }: PageWatchOptions): PageWatch {
  // The first commit is the page's own first load: nothing ran before it, and compare mode has
  // just registered this page as a pane, which a release would undo.
  let committed = false;
  let alive = true;
  return {
    signal(signal) {
      if (!alive) return;
      switch (signal.kind) {
        case 'navigated':
          if (committed) release();
          committed = true;
          return;
        case 'gone':
          release();
          // clean-exit: the renderer was shut down on purpose (the app is quitting).
          if (signal.reason !== 'clean-exit') offerReload(crashNotice(signal.reason, signal.exitCode));
          return;
        case 'destroyed':
          alive = false;
          release();
          return;
      }
    },
  };
}

const CAUSES: Readonly<Record<GoneReason, string>> = {
  'clean-exit': 'The page’s process ended normally.',
  'abnormal-exit': 'The page’s process ended with an error.',
  killed: 'The page’s process was ended from outside (by the system or a task manager).',
  crashed: 'The page’s process crashed.',
  oom: 'The page’s process ran out of memory.',
  'launch-failed': 'The page’s process could not be started.',
  'integrity-failure': 'The page’s code failed an integrity check.',
  'memory-eviction': 'The system reclaimed the page’s memory.',
};

/** The dialog text for a dead renderer: what happened, and that its runs were stopped. */
export function crashNotice(reason: GoneReason, exitCode: number): CrashNotice {
  return {
    message: 'This window stopped working',
    detail:
      `${CAUSES[reason]} (reason: ${reason}, exit code ${exitCode}.) ` +
      'Its runs were cancelled. Reload to start it again; other windows are not affected.',
  };
}
