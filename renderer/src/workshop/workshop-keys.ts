export type WorkshopAction = 'previous' | 'next' | 'run' | 'cancel' | 'presenter' | 'shortcuts';

export interface KeyInput {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
  /** The element's tag name the key went to (INPUT, TEXTAREA, …). */
  readonly targetTag: string;
  readonly targetEditable: boolean;
  /**
   * The key went to something Space already works on (a button, link, checkbox, summary…): Space
   * presses that, and the workshop leaves it alone.
   */
  readonly targetPressable: boolean;
}

/** The shortcut list, as the dialog shows it. */
export const SHORTCUTS: readonly (readonly [string, string])[] = [
  ['← / →', 'previous / next chapter'],
  ['PageUp / PageDown', 'previous / next chapter (a presentation remote’s buttons)'],
  ['Space', 'run the chapter’s demo (on a focused button: press that button)'],
  ['Esc', 'cancel the run (and leave full screen)'],
  ['P', 'presenter mode on / off'],
  ['?', 'this list of shortcuts'],
];

/**
 * Which workshop action a key press asks for, or null. Keys typed into a form field, Space on a
 * focused button (it presses that button), and presses with Ctrl, ⌘ or Alt (browser and OS
 * shortcuts) are left alone.
 */
export function actionOf(e: KeyInput): WorkshopAction | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  if (e.targetEditable || e.targetTag === 'INPUT' || e.targetTag === 'TEXTAREA' || e.targetTag === 'SELECT')
    return null;
  switch (e.key) {
    case 'ArrowLeft':
    case 'PageUp':
      return 'previous';
    case 'ArrowRight':
    case 'PageDown':
      return 'next';
    case ' ':
      return e.targetPressable ? null : 'run';
    case 'Escape':
      return 'cancel';
    case 'p':
    case 'P':
      return 'presenter';
    case '?':
      return 'shortcuts';
    default:
      return null;
  }
}
