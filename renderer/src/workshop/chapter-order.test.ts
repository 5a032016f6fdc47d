import { describe, expect, it } from 'vitest';
import { type TUTORIAL_STEPS } from './chapter';
import { chapterIndexOf, orderChapters, parseWorkshopLink, stepOf } from './chapter-order';

const ch = (id: string, concept: string, tutorialStep?: (typeof TUTORIAL_STEPS)[number]) => ({
  id,
  concept,
  title: concept,
  tutorialStep,
});

describe('orderChapters', () => {
  it('follows the tutorial table whatever order the areas list their chapters in', () => {
    const downloads = [
      ch('asyncio', 'asyncio for many I/O tasks'),
      ch('start-join', 'Start and join'),
      ch('workers', 'Worker subclass with its own state'),
    ];
    const lab = [
      ch('deadlock', 'Deadlock with two locks'),
      ch('bank', 'Lock around a bank balance'),
      ch('event', 'Event'),
      ch('locals', 'Thread-local data'),
    ];
    const mine = [
      ch('freeze', 'The freeze'),
      ch('cpu', 'I/O-bound vs CPU-bound, GIL vs multiprocessing'),
      ch('tiny', 'When not to use threads'),
    ];
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

  it('trusts an explicit step over the words, and puts unknown chapters last', () => {
    const ids = orderChapters([
      [ch('mystery', 'Something else'), ch('x', 'Deadlock', 'freeze'), ch('y', 'Start and join')],
    ]).map((c) => c.id);
    expect(ids).toEqual(['x', 'y', 'mystery']);
  });

  it('works with empty lists and keeps only the first of a repeated id', () => {
    expect(orderChapters([[], []])).toEqual([]);
    const first = ch('a', 'Event');
    expect(orderChapters([[first], [ch('a', 'Deadlock')]])).toEqual([first]);
  });

  it('tells "event loop" (asyncio) from an Event, and a deadlock from a lock', () => {
    expect(stepOf(ch('a', 'One event loop, 100 downloads'))).toBe('asyncio');
    expect(stepOf(ch('b', 'Event: wait for a signal'))).toBe('event');
    expect(stepOf(ch('c', 'Two locks, opposite order: deadlock'))).toBe('deadlock');
    expect(stepOf(ch('d', 'Nothing we know'))).toBeNull();
  });
});

describe('chapterIndexOf', () => {
  const chapters = [{ id: 'freeze' }, { id: 'cpu' }];
  it('finds a linked chapter, and explains an unknown one', () => {
    expect(chapterIndexOf(chapters, 'cpu')).toEqual({ index: 1 });
    expect(chapterIndexOf(chapters, null)).toEqual({ index: 0 });
    const bad = chapterIndexOf(chapters, 'nope');
    expect(bad.index).toBe(0);
    expect(bad.error).toContain('“nope”');
    expect(bad.error).toContain('freeze, cpu');
  });
});

describe('parseWorkshopLink', () => {
  const chapters = [{ id: 'freeze' }, { id: 'cpu' }];
  it('opens the linked chapter, in presenter mode when asked', () => {
    expect(parseWorkshopLink('?chapter=cpu&presenter=1', chapters)).toEqual({ index: 1, presenter: true });
    expect(parseWorkshopLink('?chapter=cpu', chapters)).toEqual({ index: 1, presenter: false });
  });

  it('explains a chapter that does not exist and does not start presenter mode, which would hide it', () => {
    const link = parseWorkshopLink('?screen=workshop&chapter=nope&presenter=1', chapters);
    expect(link.index).toBe(0);
    expect(link.presenter).toBe(false);
    expect(link.error).toContain('There is no chapter “nope”');
    expect(link.error).toContain('Presenter mode was not started');
  });

  it('quotes at most a short prefix of a long chapter or presenter value', () => {
    const link = parseWorkshopLink(`?chapter=${'c'.repeat(400_000)}&presenter=${'p'.repeat(1000)}`, chapters);
    expect(link.error?.length).toBeLessThan(300);
    expect(link.presenter).toBe(false);
    expect(link.error).toContain('presenter must be 1 or 0');
  });
});
