import { quoted } from '../playground/deep-link';
import type { Chapter } from './chapter';
import { screenSearch } from '../nav/screens';

/** What a workshop address asks for: `?screen=workshop&chapter=<id>&presenter=1`. */
export interface ChapterLink {
  /** The chapter to show: the linked one, or the first. */
  readonly index: number;
  /** Set when the link names no chapter; the workshop shows it, and the first chapter. */
  readonly error?: string;
  readonly presenter: boolean;
}

/**
 * The chapter and mode an address names. A link naming no chapter opens the first one with a
 * message, and does not go full screen: presenter mode would hide the message, and a bad link
 * starts nothing.
 */
export function readChapterLink(search: string, chapters: readonly Pick<Chapter, 'id'>[]): ChapterLink {
  const query = new URLSearchParams(search);
  const found = chapterIndexOf(chapters, query.get('chapter'));
  const presenter = query.get('presenter');
  if (presenter === null || presenter === '0') return { ...found, presenter: false };
  if (presenter !== '1') {
    const error = `presenter must be 1 or 0, not ${quoted(presenter)}.`;
    return { index: found.index, error: found.error ? `${found.error} ${error}` : error, presenter: false };
  }
  if (found.error) return { ...found, error: `${found.error} Presenter mode was not started.`, presenter: false };
  return { ...found, presenter: true };
}

/** The address of a chapter, so a copied link opens it again (in presenter mode, if on). */
export function chapterLinkSearch(chapterId: string, presenter: boolean): string {
  const extra: Record<string, string> = { chapter: chapterId };
  if (presenter) extra['presenter'] = '1';
  return screenSearch('workshop', extra);
}

/** The index of the chapter a deep link names, or 0 (with a message) when it names none. */
export function chapterIndexOf(
  chapters: readonly Pick<Chapter, 'id'>[],
  id: string | null,
): { index: number; error?: string } {
  if (id === null) return { index: 0 };
  const index = chapters.findIndex((c) => c.id === id);
  if (index >= 0) return { index };
  return {
    index: 0,
    error: `There is no chapter ${quoted(id)}. Chapters: ${chapters.map((c) => c.id).join(', ') || 'none yet'}.`,
  };
}
