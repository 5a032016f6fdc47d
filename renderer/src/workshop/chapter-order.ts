import { quoted } from '../playground/deep-link';
import { TUTORIAL_STEPS, type Chapter, type TutorialStep } from './chapter';

/**
 * Words that place a chapter without a `tutorialStep`, checked in this order: the more specific
 * first ("deadlock" before "lock", "event loop" as asyncio before "event").
 */
const STEP_WORDS: readonly (readonly [TutorialStep, RegExp])[] = [
  ['deadlock', /deadlock|re-?entrant|lock order/],
  ['thread-local', /thread[- ]local|local data|local state|request id/],
  ['when-not', /when not|tiny task|overhead/],
  ['cpu-bound', /cpu[- ]bound|\bgil\b|multiprocess|speed-?up/],
  ['asyncio', /asyncio|async\/await|event loop|many downloads|\b100\b/],
  ['event', /\bevent\b|signal|notify|atomics\.wait/],
  ['lock', /\block\b|\blocks\b|race|bank|balance|lost update/],
  ['worker-state', /subclass|own state|own fields|stateful|worker class/],
  ['start-join', /start|join|sequential|concurrent/],
  ['freeze', /freeze|frozen|main thread/],
];

/** The tutorial step a chapter shows: its own, or one guessed from its words; null if none fits. */
export function stepOf(chapter: Pick<Chapter, 'id' | 'concept' | 'title' | 'tutorialStep'>): TutorialStep | null {
  if (chapter.tutorialStep) return chapter.tutorialStep;
  const words = `${chapter.concept} ${chapter.id} ${chapter.title}`.toLowerCase();
  for (const [step, pattern] of STEP_WORDS) if (pattern.test(words)) return step;
  return null;
}

/**
 * All chapters in the tutorial's order. Chapters of the same step keep the order they were given
 * in; chapters that fit no step come last, in their given order. A repeated id keeps its first
 * chapter only, so deep links stay unambiguous.
 */
export function orderChapters<C extends Pick<Chapter, 'id' | 'concept' | 'title' | 'tutorialStep'>>(
  lists: readonly (readonly C[])[],
): C[] {
  const seen = new Set<string>();
  const all: C[] = [];
  for (const list of lists) {
    for (const chapter of list) {
      if (seen.has(chapter.id)) continue;
      seen.add(chapter.id);
      all.push(chapter);
    }
  }
  const rank = (c: C) => {
    const step = stepOf(c);
    return step === null ? TUTORIAL_STEPS.length : TUTORIAL_STEPS.indexOf(step);
  };
  return all
    .map((c, i) => ({ c, i, r: rank(c) }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map((x) => x.c);
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

export interface WorkshopLink {
  readonly index: number;
  readonly error?: string;
  readonly presenter: boolean;
}

/**
 * Reads `?chapter=…&presenter=1`. A link naming no chapter opens the first one with a message,
 * and does not go full screen: presenter mode hides the message, and a bad link starts nothing.
 */
export function parseWorkshopLink(search: string, chapters: readonly Pick<Chapter, 'id'>[]): WorkshopLink {
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
