import { DOWNLOAD_CHAPTERS } from '../downloads/download-chapters';
import { LAB_CHAPTERS } from '../lab/lab-chapters';
import type { Chapter } from './chapter';
import { orderChapters } from './chapter-order';
import { cpuChapter } from './chapters/cpu-chapter';
import { dataCostChapter } from './chapters/data-cost-chapter';
import { freezeChapter } from './chapters/freeze-chapter';
import { tinyChapter } from './chapters/tiny-chapter';
import { timelineChapter } from './chapters/timeline-chapter';

/**
 * Every chapter the workshop shows, in the tutorial's order (each declares its `tutorialStep`).
 * An area adds a chapter to its own list; a new list is added here.
 */
export const CHAPTERS: readonly Chapter[] = orderChapters([
  [freezeChapter, timelineChapter],
  DOWNLOAD_CHAPTERS,
  LAB_CHAPTERS,
  // The data-cost chapter is the second half of "when not to use threads": the messages.
  [cpuChapter, tinyChapter, dataCostChapter],
]);
