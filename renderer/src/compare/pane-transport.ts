import { z } from 'zod';
import {
  paneReportSchema,
  paneSchema,
  type CompareSetup,
  type Pane,
  type PaneReport,
} from '../../../shared/compare/compare-protocol';

/** How a pane hears from its controller and answers it: IPC in the desktop app, postMessage on the web. */
export interface PaneTransport {
  /** "Loaded": resolves with the setup to show, when the transport can answer at once. */
  ready(pane: Pane): Promise<CompareSetup | null>;
  /** Raw commands (validated by the pane); returns an unsubscribe function. */
  onCommand(listener: (raw: unknown) => void): () => void;
  report(report: PaneReport): Promise<void>;
}

/** What a pane frame posts to the page around it (web edition). */
export const frameToPageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('unfreeze-pane-ready'), pane: paneSchema }),
  z.strictObject({ type: z.literal('unfreeze-pane-report'), report: paneReportSchema }),
]);
export type FrameToPage = z.output<typeof frameToPageSchema>;

/**
 * What the pane frame `pane` posted, when it is a pane message and speaks for that pane; null for
 * anything else (another script's message, or a frame claiming to be the other pane).
 */
export function frameMessageOf(pane: Pane, data: unknown): FrameToPage | null {
  const parsed = frameToPageSchema.safeParse(data);
  if (!parsed.success) return null;
  const message = parsed.data;
  const named = message.type === 'unfreeze-pane-ready' ? message.pane : message.report.pane;
  return named === pane ? message : null;
}

/** The desktop app: the pane is a view of the compare window, and talks to the main process. */
export function ipcTransport(): PaneTransport | null {
  const api = window.unfreeze;
  if (api?.edition !== 'desktop') return null;
  return {
    ready: (pane) => api.compareReady(pane),
    onCommand: (listener) => api.onComparePane(listener),
    report: (report) => api.reportCompare(report),
  };
}

/**
 * The web edition: the pane is a same-origin frame of the Compare screen. Only messages from the
 * parent page of our own origin are heard, and messages go only to that origin.
 */
export function frameTransport(): PaneTransport | null {
  if (window.parent === window) return null;
  const post = (message: FrameToPage) => window.parent.postMessage(message, window.location.origin);
  return {
    ready: (pane) => {
      post({ type: 'unfreeze-pane-ready', pane });
      return Promise.resolve(null);
    },
    onCommand: (listener) => {
      const onMessage = (event: MessageEvent<unknown>) => {
        if (event.source !== window.parent || event.origin !== window.location.origin) return;
        listener(event.data);
      };
      window.addEventListener('message', onMessage);
      return () => window.removeEventListener('message', onMessage);
    },
    report: (report) => {
      post({ type: 'unfreeze-pane-report', report });
      return Promise.resolve();
    },
  };
}

/** `?screen=compare&pane=left|right` makes this page one pane of a comparison. */
export function comparePaneOf(search: string): Pane | null {
  const query = new URLSearchParams(search);
  if (query.get('screen') !== 'compare') return null;
  const pane = paneSchema.safeParse(query.get('pane'));
  return pane.success ? pane.data : null;
}
