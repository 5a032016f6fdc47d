import { useEffect, type RefObject } from 'react';

const FOCUSABLE = 'button, [href], input, select, textarea, [tabindex]:not([tabindex="-1"])';

/**
 * A control to hand focus to: in the page, in the tab order, not disabled (by a fieldset either,
 * or by aria-disabled: a segmented control's options stay focusable while they cannot be used).
 */
function canFocus(element: HTMLElement): boolean {
  return (
    element.isConnected &&
    element.tabIndex >= 0 &&
    !element.matches(':disabled, [aria-disabled="true"]') &&
    element.getClientRects().length > 0
  );
}

/** A change that can take focus from a control or give it back: a disabled flip, an element in or out. */
function canMoveFocus(record: MutationRecord): boolean {
  if (record.type === 'attributes') return true;
  const isElement = (node: Node) => node.nodeType === Node.ELEMENT_NODE;
  return [...record.removedNodes].some(isElement) || [...record.addedNodes].some(isElement);
}

/**
 * Keeps keyboard focus inside `group` when the control that has it is disabled or removed: the
 * Start button that disables itself as its run begins, a Run button that turns into Cancel.
 * Without this the browser drops focus to <body> and a keyboard user has to tab back from the top
 * of the page. Focus moves to the first control of the group that can take it (Cancel, say), and
 * returns to the control it came from once that is enabled again; when no control can take it (a
 * run that cannot be cancelled), the group itself holds it until one can.
 */
export function useKeepFocus(group: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const root = group.current;
    if (!root) return;
    // The control of this group that has focus, and the one focus was rescued from first; both are
    // forgotten once the user moves focus elsewhere themselves.
    let held: HTMLElement | null = null;
    let origin: HTMLElement | null = null;
    let moving = false;
    const move = (to: HTMLElement) => {
      moving = true;
      to.focus({ preventScroll: true });
      moving = false;
    };
    const onFocusIn = (event: FocusEvent) => {
      const target = event.target;
      if (!(target instanceof HTMLElement) || !root.contains(target)) {
        held = origin = null;
        return;
      }
      if (target !== root) held = target;
      if (!moving) origin = null;
    };
    const onPointerDown = (event: PointerEvent) => {
      if (!(event.target instanceof Node) || !root.contains(event.target)) held = origin = null;
    };
    const rescue = () => {
      if (!held) return;
      const active = document.activeElement;
      if (!(active === null || active === document.body || active === held || active === root)) return;
      const back = origin !== null && origin !== active && canFocus(origin) ? origin : null;
      // The browser takes focus only from a control that is removed, hidden or really disabled.
      const keeps = held.isConnected && !held.matches(':disabled') && held.getClientRects().length > 0;
      if (back === null && active === held && keeps) return;
      const next = back ?? [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].find(canFocus) ?? null;
      if (next === null) {
        origin ??= held;
        if (active === root) return;
        if (!root.hasAttribute('tabindex')) root.tabIndex = -1;
        move(root);
        return;
      }
      if (next === origin) origin = null;
      else origin ??= held;
      move(next);
    };
    // React disables or swaps the control in a commit; the observer runs right after it, before
    // the browser would move focus to <body> on its own. Only a control disabled, removed or added
    // can move focus: the group's text changing (a run's clock, 15 times a second) cannot, and
    // `rescue` would read the layout (getClientRects) for it, forcing one in the middle of a frame.
    const observer = new MutationObserver((records) => {
      if (records.some(canMoveFocus)) rescue();
    });
    observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['disabled'] });
    document.addEventListener('focusin', onFocusIn);
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => {
      observer.disconnect();
      document.removeEventListener('focusin', onFocusIn);
      document.removeEventListener('pointerdown', onPointerDown, true);
    };
  }, [group]);
}
