import { z } from 'zod';
import {
  paneReportSchema,
  paneSchema,
  type CompareSetup,
  type Pane,
  type PaneReport,
} from '../../../shared/compare/compare-protocol';
import { trustsController } from '../../../shared/compare/pane-sites';

/** How a pane hears from its controller and answers it: IPC in the desktop app, postMessage on the web. */
export interface PaneTransport {
  /** "Loaded": resolves with the setup to show, when the transport can answer at once. */
  ready(pane: Pane): Promise<CompareSetup | null>;
  /** Raw commands (validated by the pane); returns an unsubscribe function. */
  onCommand(listener: (raw: unknown) => void): () => void;
  report(report: PaneReport): Promise<void>;
  /**
   * The web edition only: how many frames the pane drew in the window its controller asked about.
   * (The desktop app's panes are separate processes by construction; nothing asks there.)
   */
  answerFrames?(answer: PaneFrames): void;
}

const frames = z.int().nonnegative().max(1_000_000);

/** What a pane frame posts to the page around it (web edition). */
export const frameToPageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('unfreeze-pane-ready'), pane: paneSchema, crossOriginIsolated: z.boolean() }),
  z.strictObject({ type: z.literal('unfreeze-pane-report'), report: paneReportSchema }),
  z.strictObject({ type: z.literal('unfreeze-pane-frames'), pane: paneSchema, runId: z.int().positive(), frames }),
]);
export type FrameToPage = z.output<typeof frameToPageSchema>;
export type PaneFrames = Omit<Extract<FrameToPage, { type: 'unfreeze-pane-frames' }>, 'type'>;

/**
 * What the pane frame `pane` posted, when it is a pane message and speaks for that pane; null for
 * anything else (another script's message, or a frame claiming to be the other pane).
 */
export function frameMessageOf(pane: Pane, data: unknown): FrameToPage | null {
  const parsed = frameToPageSchema.safeParse(data);
  if (!parsed.success) return null;
  const message = parsed.data;
  const named = message.type === 'unfreeze-pane-report' ? message.report.pane : message.pane;
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
 * The web edition: the pane is a frame of the Compare screen, on a site of its own or the page's
 * (shared/compare/pane-sites.ts). The page names its origin in `?controller=`; a pane accepts it
 * only if it is its own origin or a loopback page on its port, hears only messages from its parent
 * of that origin, and posts only to it.
 */
export function frameTransport(): PaneTransport | null {
  if (window.parent === window) return null;
  const controller = new URLSearchParams(window.location.search).get('controller') ?? window.location.origin;
  if (!trustsController(window.location, controller)) return null;
  const post = (message: FrameToPage) => window.parent.postMessage(message, controller);
  return {
    ready: (pane) => {
      post({ type: 'unfreeze-pane-ready', pane, crossOriginIsolated });
      return Promise.resolve(null);
    },
    onCommand: (listener) => {
      const onMessage = (event: MessageEvent<unknown>) => {
        if (event.source !== window.parent || event.origin !== controller) return;
        listener(event.data);
      };
      window.addEventListener('message', onMessage);
      return () => window.removeEventListener('message', onMessage);
    },
    report: (report) => {
      post({ type: 'unfreeze-pane-report', report });
      return Promise.resolve();
    },
    answerFrames: (answer) => post({ type: 'unfreeze-pane-frames', ...answer }),
  };
}

/** The address of a pane document on `origin`, for a controller page at `page`. */
export function paneUrl(origin: string, page: Pick<Location, 'origin' | 'pathname'>, pane: Pane): string {
  const query = new URLSearchParams({ screen: 'compare', pane, controller: page.origin });
  return `${origin}${page.pathname}?${query.toString()}`;
}

/** `?screen=compare&pane=left|right` makes this page one pane of a comparison. */
export function comparePaneOf(search: string): Pane | null {
  const query = new URLSearchParams(search);
  if (query.get('screen') !== 'compare') return null;
  const pane = paneSchema.safeParse(query.get('pane'));
  return pane.success ? pane.data : null;
}
