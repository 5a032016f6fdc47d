import type { Chapter } from '../workshop/chapter';

/** Workshop chapters for the shared-memory lessons (filled in by the concurrency lab work). */
export const LAB_CHAPTERS: readonly Chapter[] = [];
