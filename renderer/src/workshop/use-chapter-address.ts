import { useCallback, useEffect, useState } from 'react';
import type { Chapter } from './chapter';
import { chapterLinkSearch, readChapterLink } from './chapter-link';

/**
 * Which chapter is shown and whether presenter mode is on: read once from the address, and
 * written back to it on every change (without a history entry), so a copied link opens the same.
 * A link to no chapter opens the first and keeps a message until it is dismissed.
 */
export function useChapterAddress(chapters: readonly Chapter[]) {
  const [link] = useState(() => readChapterLink(window.location.search, chapters));
  const [index, setIndex] = useState(link.index);
  const [presenter, setPresenter] = useState(link.presenter);
  const [linkError, setLinkError] = useState(link.error ?? null);
  const chapter = chapters[index];

  useEffect(() => {
    if (chapter) window.history.replaceState(null, '', chapterLinkSearch(chapter.id, presenter));
  }, [chapter, presenter]);

  /** Shows chapter `to`; an index past either end is ignored. */
  const show = useCallback(
    (to: number) => {
      if (to >= 0 && to < chapters.length) setIndex(to);
    },
    [chapters],
  );
  const togglePresenter = useCallback(() => setPresenter((p) => !p), []);
  const dismissLinkError = useCallback(() => setLinkError(null), []);

  return { index, chapter, show, presenter, togglePresenter, linkError, dismissLinkError };
}
