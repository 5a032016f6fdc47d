import { PLACE_INFO, type Place } from '../../../shared/places';

/**
 * The Playground's first-visit guide, as data: two runs that tell the story (ARCHITECTURE.md,
 * "The screens"). `main`: run it on the page's main thread and watch the left spinner stop;
 * `background`: the same in the background; `done`: finished or dismissed, never shown again.
 */
export type GuideStep = 'main' | 'background' | 'done';

export const GUIDE_STORAGE_KEY = 'unfreeze:playground-guide';

/** What the browser kept; anything unknown (or nothing: a first visit) starts at the beginning. */
export function storedGuideStep(stored: string | null): GuideStep {
  return stored === 'background' || stored === 'done' ? stored : 'main';
}

/**
 * Where the guide goes after a run: a finished run on the page's main thread teaches step one, a
 * finished run somewhere that keeps the page responsive teaches step two. Anything else (a
 * cancelled run, the wrong place) leaves the step as it was.
 */
export function guideAfterRun(step: GuideStep, place: Place, status: 'done' | 'cancelled' | 'failed'): GuideStep {
  if (status !== 'done') return step;
  if (step === 'main' && place === 'renderer-main') return 'background';
  if (step === 'background' && PLACE_INFO[place].keepsPageResponsive) return 'done';
  return step;
}

export interface GuideText {
  readonly counter: string;
  readonly title: string;
  readonly detail: string;
}

export const GUIDE_TEXT: Readonly<Record<Exclude<GuideStep, 'done'>, GuideText>> = {
  main: {
    counter: 'Step 1 of 2',
    title: 'Run it on the main thread — watch the left spinner stop.',
    detail: 'Main thread is picked: press Start. The page freezes until the work is done.',
  },
  background: {
    counter: 'Step 2 of 2',
    title: 'Now in the background.',
    detail: 'Pick Background and press Start again: the same work, and both spinners keep turning.',
  },
};
