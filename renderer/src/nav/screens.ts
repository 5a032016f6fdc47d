import { SCREENS, type ScreenId } from '../../../shared/screens';

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
