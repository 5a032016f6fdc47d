import { useEffect, useRef, type RefObject } from 'react';

/**
 * Puts the returned element in full screen while `on`, where the browser allows it: it needs a
 * user gesture, and a refusal is fine because presenter mode also fills the window by itself.
 * Leaving (`on` false) leaves full screen too.
 */
export function useFullScreen<E extends HTMLElement>(on: boolean): RefObject<E | null> {
  const element = useRef<E>(null);
  useEffect(() => {
    const el = element.current;
    if (on && el && document.fullscreenElement === null && el.requestFullscreen) {
      el.requestFullscreen().catch(() => {
        // Refused (no gesture, or not allowed here): the full-window overlay is enough.
      });
    }
    if (!on && document.fullscreenElement) void document.exitFullscreen().catch(() => {});
  }, [on]);
  return element;
}
