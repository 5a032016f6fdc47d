import { TUTORIAL_STEPS, type Chapter } from './chapter';

/**
 * All chapters in the tutorial's order, by the step each declares. Chapters of the same step keep
 * the order they were given in. A repeated id keeps its first chapter only, so deep links stay
 * unambiguous.
 */
export function orderChapters<C extends Pick<Chapter, 'id' | 'tutorialStep'>>(lists: readonly (readonly C[])[]): C[] {
  const seen = new Set<string>();
  const all: C[] = [];
  for (const list of lists) {
    for (const chapter of list) {
      if (seen.has(chapter.id)) continue;
      seen.add(chapter.id);
      all.push(chapter);
    }
  }
  const rank = (c: C) => TUTORIAL_STEPS.indexOf(c.tutorialStep);
  return all
    .map((c, i) => ({ c, i, r: rank(c) }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map((x) => x.c);
}
