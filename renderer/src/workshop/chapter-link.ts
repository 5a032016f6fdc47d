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

/** The chapter and mode an address names. */
export function readChapterLink(search: string, chapters: readonly Pick<Chapter, 'id'>[]): ChapterLink {
  const query = new URLSearchParams(search);
  return { ...chapterIndexOf(chapters, query.get('chapter')), presenter: query.get('presenter') === '1' };
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
    error: `There is no chapter “${id}”. Chapters: ${chapters.map((c) => c.id).join(', ') || 'none yet'}.`,
  };
}
