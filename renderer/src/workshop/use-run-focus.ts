import { useLayoutEffect, useRef, type RefObject } from 'react';

/** Whether focus on `el` is lost: it went away, was disabled, or the browser already moved it to <body>. */
function lost(el: HTMLElement): boolean {
  return !el.isConnected || el.matches(':disabled') || document.activeElement === document.body;
}

/**
 * Keeps the keyboard's place while a run disables the buttons around it (Previous, Next, the
 * chapter list, a demo's own controls): if the element that had focus when Run was asked for
 * is disabled by the run, focus moves to the Run button — Cancel while the run lasts — and
 * returns to that element when the run ends and it is enabled again. Without this, focus falls
 * to <body>, and the next Tab starts from the top of the page.
 *
 * `remember` is called when a run is asked for, before React disables anything.
 */
export function useRunFocus(running: boolean, runButton: RefObject<HTMLElement | null>): { remember(): void } {
  const before = useRef<Element | null>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  useLayoutEffect(() => {
    const button = runButton.current;
    if (running) {
      const was = before.current;
      before.current = null;
      if (button && was instanceof HTMLElement && was !== button && lost(was)) {
        returnTo.current = was;
        button.focus();
      }
      return;
    }
    const back = returnTo.current;
    returnTo.current = null;
    const active = document.activeElement;
    if (back?.isConnected && !back.matches(':disabled') && (active === button || active === document.body))
      back.focus();
  }, [running, runButton]);
  return {
    remember: () => {
      before.current = document.activeElement;
    },
  };
}
