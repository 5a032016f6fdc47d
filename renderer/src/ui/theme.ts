import { useCallback, useEffect, useState } from 'react';

export type ThemeChoice = 'system' | 'light' | 'dark';
const KEY = 'unfreeze.theme';

function systemDark(): boolean {
  return window.matchMedia('(prefers-color-scheme: dark)').matches;
}

/**
 * The browser may deny storage altogether: to a frame of another site (the web Compare's panes,
 * when third-party storage is blocked) reading `localStorage` throws. Then there is no stored choice.
 */
function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function stored(): ThemeChoice {
  const value = storage()?.getItem(KEY);
  return value === 'light' || value === 'dark' ? value : 'system';
}

/** Sets data-theme on <html> (Tailwind's dark variant keys on it) from the choice or the system. */
export function useTheme(): { choice: ThemeChoice; dark: boolean; cycle(): void } {
  const [choice, setChoice] = useState<ThemeChoice>(stored);
  const [dark, setDark] = useState(() => (choice === 'system' ? systemDark() : choice === 'dark'));

  useEffect(() => {
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const apply = () => setDark(choice === 'system' ? media.matches : choice === 'dark');
    apply();
    media.addEventListener('change', apply);
    return () => media.removeEventListener('change', apply);
  }, [choice]);

  useEffect(() => {
    document.documentElement.dataset.theme = dark ? 'dark' : 'light';
  }, [dark]);

  const cycle = useCallback(() => {
    setChoice((c) => {
      const next: ThemeChoice = c === 'system' ? 'light' : c === 'light' ? 'dark' : 'system';
      if (next === 'system') storage()?.removeItem(KEY);
      else storage()?.setItem(KEY, next);
      return next;
    });
  }, []);

  return { choice, dark, cycle };
}
