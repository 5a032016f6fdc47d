import { useCallback, useEffect, useState } from 'react';
import type { ScreenId } from '../../../shared/screens';
import { parseScreen, screenSearch, type ParsedScreen } from './screens';

/** The current screen, kept in `?screen=` so links, reloads and Back all work. */
export function useScreen(): ParsedScreen & { go(screen: ScreenId, extra?: Readonly<Record<string, string>>): void } {
  const [parsed, setParsed] = useState(() => parseScreen(window.location.search));
  useEffect(() => {
    const onPop = () => setParsed(parseScreen(window.location.search));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const go = useCallback((screen: ScreenId, extra: Readonly<Record<string, string>> = {}) => {
    // A screen's own parameters (a Playground autorun, say) must not follow you to the next one.
    window.history.pushState(null, '', screenSearch(screen, extra));
    setParsed({ screen });
  }, []);
  return { ...parsed, go };
}
