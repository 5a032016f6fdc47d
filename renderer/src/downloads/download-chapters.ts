import type { Chapter } from '../workshop/chapter';

/** Workshop chapters for the I/O-bound lessons (filled in by the downloads work). */
export const DOWNLOAD_CHAPTERS: readonly Chapter[] = [];
