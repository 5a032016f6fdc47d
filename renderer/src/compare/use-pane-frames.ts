import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Pane, PaneCommand, PaneReport } from '../../../shared/compare/compare-protocol';
import type { PaneSite } from '../../../shared/compare/pane-sites';
import { frameMessageOf, type PaneFrames } from './pane-transport';

/** What a pane frame said when it loaded. */
export interface PaneReady {
  /** The origin it spoke from: the site it was served from. */
  readonly origin: string;
  readonly crossOriginIsolated: boolean;
}

/**
 * The web edition's side of the pane transport: the two pane frames, which of them have said they
 * are ready (and from where), and `post` to send one a command. A message is heard only from the
 * frame of the pane it names, and only from the origin that pane was loaded from; commands go only
 * to that origin.
 */
export function usePaneFrames(
  sites: Readonly<Record<Pane, PaneSite>>,
  listeners: { readonly onReport: (report: PaneReport) => void; readonly onFrames: (answer: PaneFrames) => void },
) {
  const frames = useRef<Record<Pane, HTMLIFrameElement | null>>({ left: null, right: null });
  // Each entry remembers which `sites` it was said under: a change of sites reloads the frames.
  const [ready, setReady] = useState<Partial<Record<Pane, PaneReady & { readonly under: typeof sites }>>>({});
  const { onReport, onFrames } = listeners;

  const post = useCallback(
    (pane: Pane, command: PaneCommand) => {
      frames.current[pane]?.contentWindow?.postMessage(command, sites[pane].origin);
    },
    [sites],
  );

  useEffect(() => {
    const onMessage = (event: MessageEvent<unknown>) => {
      const pane = (['left', 'right'] as const).find((p) => frames.current[p]?.contentWindow === event.source);
      if (!pane || event.origin !== sites[pane].origin) return;
      const message = frameMessageOf(pane, event.data);
      if (!message) return;
      if (message.type === 'unfreeze-pane-ready') {
        const info = { origin: event.origin, crossOriginIsolated: message.crossOriginIsolated, under: sites };
        setReady((r) => ({ ...r, [pane]: info }));
      } else if (message.type === 'unfreeze-pane-report') onReport(message.report);
      else onFrames(message);
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, [sites, onReport, onFrames]);

  /** Only a pane that said ready since the sites last changed (the same object until that changes). */
  const readyNow = useMemo(() => {
    const now: Partial<Record<Pane, PaneReady>> = {};
    for (const pane of ['left', 'right'] as const) {
      const info = ready[pane];
      if (info?.under === sites) now[pane] = { origin: info.origin, crossOriginIsolated: info.crossOriginIsolated };
    }
    return now;
  }, [ready, sites]);

  /** The `ref` of a pane's iframe. */
  const frameRef = (pane: Pane) => (el: HTMLIFrameElement | null) => {
    frames.current[pane] = el;
  };

  return { ready: readyNow, post, frameRef };
}
