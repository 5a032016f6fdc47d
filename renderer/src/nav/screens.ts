import { SCREENS, type ScreenId } from '../../../shared/screens';

/** The app's name, last in every window title. */
export const APP_NAME = 'Unfreeze';

export interface ParsedScreen {
  readonly screen: ScreenId;
  /** Set when `?screen=` names no screen; the app then shows the Playground and says so. */
  readonly error?: string;
}

export function parseScreen(search: string): ParsedScreen {
  const value = new URLSearchParams(search).get('screen');
  if (value === null) return { screen: 'playground' };
  const found = SCREENS.find((s) => s.id === value);
  if (found) return { screen: found.id };
  return {
    screen: 'playground',
    error: `Unknown screen “${value}”. Use one of: ${SCREENS.map((s) => s.id).join(', ')}.`,
  };
}

/** The query string that opens a screen; `extra` carries that screen's own deep-link parameters. */
export function screenSearch(screen: ScreenId, extra: Readonly<Record<string, string>> = {}): string {
  const query = new URLSearchParams({ screen, ...extra });
  return `?${query.toString()}`;
}

/** "Left pane": how a Compare pane is named, in its window title and its landmark. */
export function paneName(pane: string): string {
  return `${pane.charAt(0).toUpperCase()}${pane.slice(1)} pane`;
}

/**
 * The window title of a screen, "Playground — Unfreeze": the screen first, so a tab strip or the
 * taskbar shows which screen is open, and a screen reader announces it. A Compare pane page names
 * its pane too.
 */
export function screenTitle(screen: ScreenId, pane?: string): string {
  const label = SCREENS.find((s) => s.id === screen)?.label ?? screen;
  return [...(pane === undefined ? [] : [paneName(pane)]), label, APP_NAME].join(' — ');
}
