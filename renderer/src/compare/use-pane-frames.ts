import { useCallback, useEffect, useRef, useState } from 'react';
import type { Pane, PaneCommand, PaneReport } from '../../../shared/compare/compare-protocol';
import { frameMessageOf } from './pane-transport';

/**
 * The web edition's side of the pane transport: the two pane frames, which of them have said they
 * are ready, and `post` to send one a command. Only messages of our own origin, from the frame of
 * the pane they name, are heard; commands go only to our own origin.
 */
export function usePaneFrames(onReport: (report: PaneReport) => void) {
  const frames = useRef<Record<Pane, HTMLIFrameElement | null>>({ left: null, right: null });
  const [ready, setReady] = useState<ReadonlySet<Pane>>(new Set());

  const post = useCallback((pane: Pane, command: PaneCommand) => {
    frames.current[pane]?.contentWindow?.postMessage(command, window.location.origin);
  }, []);

  useEffect(() => {
    const onMessage = (event: MessageEvent<unknown>) => {
      if (event.origin !== window.location.origin) return;
      const pane = (['left', 'right'] as const).find((p) => frames.current[p]?.contentWindow === event.source);
      const message = pane ? frameMessageOf(pane, event.data) : null;
      if (!pane || !message) return;
      if (message.type === 'unfreeze-pane-ready') setReady((r) => new Set([...r, pane]));
      else onReport(message.report);
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, [onReport]);

  /** The `ref` of a pane's iframe. */
  const frameRef = (pane: Pane) => (el: HTMLIFrameElement | null) => {
    frames.current[pane] = el;
  };

  return { ready, post, frameRef };
}
