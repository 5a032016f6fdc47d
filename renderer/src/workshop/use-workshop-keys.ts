import { useEffect, useRef } from 'react';
import { actionOf, type KeyInput, type WorkshopAction } from './workshop-keys';

/** What Space already presses by itself when focused. */
const PRESSABLE = 'button, a[href], summary, [role=button], [role=link], [role=checkbox], [role=radio], [role=switch]';

/** The fields of a key press that decide its action (see `actionOf`). */
function keyInputOf(e: KeyboardEvent): KeyInput {
  const target = e.target instanceof HTMLElement ? e.target : null;
  return {
    key: e.key,
    ctrlKey: e.ctrlKey,
    metaKey: e.metaKey,
    altKey: e.altKey,
    targetTag: target?.tagName ?? '',
    targetEditable: target?.isContentEditable ?? false,
    targetPressable: target?.closest(PRESSABLE) != null,
  };
}

/**
 * The presenter's keys, heard on the whole window (capture phase, so a demo cannot swallow
 * them; Space on a focused button is left to the button) while `enabled`: off while the shortcuts dialog is open, whose own Esc closes it.
 * `on` may be a new object on every render; the latest is called.
 */
export function useWorkshopKeys(enabled: boolean, on: Readonly<Record<WorkshopAction, () => void>>): void {
  const latest = useRef(on);
  latest.current = on;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      const action = actionOf(keyInputOf(e));
      if (action === null) return;
      // Space would also scroll the page: the shortcut wins (on a focused button actionOf gave null).
      e.preventDefault();
      latest.current[action]();
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [enabled]);
}
