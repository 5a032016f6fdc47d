import type { CompareSetup, CompareUpdate, Pane, PaneCommand } from '../../shared/compare/compare-protocol';
import { planStart, START_LEAD_MS } from '../../shared/compare/sync-start';
import type { IpcResult } from '../../shared/ipc/result';
import { RequestRefusedError, type InvokeHandler } from './ipc-dispatch';

/** A window or view as the hub sees it: Electron's WebContents in the app, a plain object in tests. */
export interface CompareTarget {
  readonly id: number;
  isDestroyed(): boolean;
}

export interface ComparePanes<S> {
  readonly left: S;
  readonly right: S;
}

export interface CompareHubOptions<S extends CompareTarget> {
  /** The clock every process shares: performance.timeOrigin + performance.now(). */
  readonly clock: () => number;
  readonly leadMs?: number;
  /** Opens the compare window (or brings it to the front) and returns its two panes. */
  readonly openPanes: () => ComparePanes<S>;
  readonly sendPane: (target: S, command: PaneCommand) => IpcResult<unknown>;
  readonly sendController: (target: S, update: CompareUpdate) => IpcResult<unknown>;
}

export interface CompareHandlers<S> {
  readonly 'compare:open': InvokeHandler<'compare:open', S>;
  readonly 'compare:ready': InvokeHandler<'compare:ready', S>;
  readonly 'compare:start': InvokeHandler<'compare:start', S>;
  readonly 'compare:report': InvokeHandler<'compare:report', S>;
}

export interface CompareHub<S> {
  readonly handlers: CompareHandlers<S>;
  /** A window or view went away (by its id, read while it was alive). */
  senderGone(id: number): void;
}

/**
 * Compare mode on the main side, without Electron: who the controller is (the window that set the
 * comparison up), which two views are the panes, and the run under way. Every call is checked for
 * its role: only the controller may start, and only the left pane may report for the left.
 * Start names an instant a little ahead that both panes wait for on their own (sync-start.ts).
 */
export function createCompareHub<S extends CompareTarget>(options: CompareHubOptions<S>): CompareHub<S> {
  const { clock, openPanes, sendPane, sendController } = options;
  const leadMs = options.leadMs ?? START_LEAD_MS;
  let controller: S | null = null;
  let panes: ComparePanes<S> | null = null;
  let setup: CompareSetup | null = null;
  let runId = 0;
  const ready = new Set<Pane>();

  const alive = (t: S | null): t is S => t !== null && !t.isDestroyed();
  const paneOf = (id: number): Pane | null =>
    panes?.left.id === id ? 'left' : panes?.right.id === id ? 'right' : null;
  const tellController = (update: CompareUpdate) => {
    if (!alive(controller)) return;
    const sent = sendController(controller, update);
    if (!sent.ok) console.error(`[compare] ${sent.error.message}`);
  };
  const tellPane = (pane: Pane, command: PaneCommand) => {
    const target = panes?.[pane] ?? null;
    if (!alive(target)) return false;
    const sent = sendPane(target, command);
    if (!sent.ok) console.error(`[compare] ${sent.error.message}`);
    return sent.ok;
  };

  const handlers: CompareHandlers<S> = {
    'compare:open': (newSetup, { sender }) => {
      if (paneOf(sender.id) !== null)
        throw new RequestRefusedError('A pane cannot open the comparison; use the Compare screen');
      controller = sender;
      setup = newSetup;
      const opened = openPanes();
      if (panes === null || panes.left.id !== opened.left.id || panes.right.id !== opened.right.id) ready.clear();
      panes = opened;
      // Panes already loaded show the new setup at once; new ones ask for it when ready.
      for (const pane of ready) tellPane(pane, { type: 'setup', pane, setup: newSetup });
      return undefined;
    },
    'compare:ready': ({ pane }, { sender }) => {
      if (paneOf(sender.id) !== pane)
        throw new RequestRefusedError(`Only the compare window’s ${pane} pane may say it is ready`);
      ready.add(pane);
      return setup;
    },
    'compare:start': (_payload, { sender }) => {
      if (!alive(controller) || sender.id !== controller.id)
        throw new RequestRefusedError('Only the window that set up the comparison can start it');
      if (panes === null || !alive(panes.left) || !alive(panes.right) || setup === null) {
        throw new RequestRefusedError('The comparison window is not open: open it first');
      }
      const missing = (['left', 'right'] as const).filter((p) => !ready.has(p));
      if (missing.length > 0)
        throw new RequestRefusedError(
          `The ${missing.join(' and ')} pane ${missing.length > 1 ? 'are' : 'is'} still loading; try again in a moment`,
        );
      runId += 1;
      const startAt = planStart(clock(), leadMs);
      for (const pane of ['left', 'right'] as const) tellPane(pane, { type: 'run', pane, runId, setup, startAt });
      tellController({ type: 'started', runId, startAt });
      return { runId, startAt };
    },
    'compare:report': (report, { sender }) => {
      if (paneOf(sender.id) !== report.pane)
        throw new RequestRefusedError(`Only the compare window’s ${report.pane} pane may report for it`);
      // A report of an earlier run (a new Start came meanwhile) is simply late: dropped.
      if (report.runId !== runId) return undefined;
      tellController({ type: 'report', report });
      return undefined;
    },
  };

  return {
    handlers,
    senderGone(id) {
      if (controller?.id === id) controller = null;
      if (paneOf(id) !== null) {
        panes = null;
        ready.clear();
        tellController({ type: 'closed' });
      }
    },
  };
}
