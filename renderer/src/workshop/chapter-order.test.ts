import { describe, expect, it } from 'vitest';
import { TUTORIAL_STEPS, type TutorialStep } from './chapter';
import { orderChapters } from './chapter-order';
import { CHAPTERS } from './workshop-chapters';

const ch = (id: string, tutorialStep: TutorialStep) => ({ id, tutorialStep });

describe('the tutorial steps', () => {
  it('are the rows of the tutorial’s concept table, in its order, after the app’s opening freeze', () => {
    expect(TUTORIAL_STEPS).toEqual([
      'freeze', // the app's own opening chapter
      'start-join', // start / join two downloads
      'worker-state', // worker subclass with its own state
      'lock', // lock around a bank balance
      'deadlock', // deadlock with two locks
      'event', // Event
      'thread-local', // thread-local data
      'cpu-bound', // I/O-bound vs CPU-bound, GIL vs multiprocessing
      'asyncio', // asyncio for many I/O tasks
      'when-not', // when not to use threads
    ]);
  });
});

describe('orderChapters', () => {
  it('follows the tutorial whatever order the areas list their chapters in', () => {
    const downloads = [ch('asyncio', 'asyncio'), ch('start-join', 'start-join'), ch('workers', 'worker-state')];
    const lab = [ch('deadlock', 'deadlock'), ch('bank', 'lock'), ch('event', 'event'), ch('locals', 'thread-local')];
    const mine = [ch('freeze', 'freeze'), ch('cpu', 'cpu-bound'), ch('tiny', 'when-not')];
    const ids = orderChapters([mine, downloads, lab]).map((c) => c.id);
    expect(ids).toEqual([
      'freeze',
      'start-join',
      'workers',
      'bank',
      'deadlock',
      'event',
      'locals',
      'cpu',
      'asyncio',
      'tiny',
    ]);
  });

  it('keeps the given order within a step', () => {
    const ids = orderChapters([[ch('b', 'lock'), ch('x', 'freeze')], [ch('a', 'lock')]]).map((c) => c.id);
    expect(ids).toEqual(['x', 'b', 'a']);
  });

  it('works with empty lists and keeps only the first of a repeated id', () => {
    expect(orderChapters([[], []])).toEqual([]);
    const first = ch('a', 'event');
    expect(orderChapters([[first], [ch('a', 'deadlock')]])).toEqual([first]);
  });
});

describe('the workshop’s chapters', () => {
  it('open with the freeze and then follow the tutorial, every step shown', () => {
    expect(CHAPTERS[0]?.id).toBe('freeze');
    const ranks = CHAPTERS.map((c) => TUTORIAL_STEPS.indexOf(c.tutorialStep));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(new Set(CHAPTERS.map((c) => c.tutorialStep))).toEqual(new Set(TUTORIAL_STEPS));
  });

  it('have unique ids, for deep links', () => {
    const ids = CHAPTERS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
