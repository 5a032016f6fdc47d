import bankSource from '../../../shared/lab/bank.ts?raw';
import deadlockSource from '../../../shared/lab/deadlock.ts?raw';
import eventWaitSource from '../../../shared/lab/event-wait.ts?raw';
import raceSource from '../../../shared/lab/race.ts?raw';
import threadLocalSource from '../../../shared/lab/thread-local.ts?raw';
import eventSource from '../../../shared/sync/event.ts?raw';
import mutexSource from '../../../shared/sync/mutex.ts?raw';
import reentrantSource from '../../../shared/sync/reentrant-mutex.ts?raw';
import type { Chapter, ChapterDemoProps } from '../workshop/chapter';
import { sourceRange } from '../workshop/source-range';
import { EXPERIMENTS, variantOf, type Experiment } from './experiments';
import { LabChapterDemo } from './lab-chapter-demo';

/**
 * A chapter whose demo runs the experiment's variants, in this order. Called once, at load: each
 * demo gets one stable array of variants (the demo restarts its effect when it changes). Its
 * "Expected" is the variants' own `expected` sentences — the ones the lab screen shows beside each
 * verdict — so the chapter cannot promise something else.
 */
function labChapter(
  experiment: Experiment,
  variantIds: readonly string[],
  chapter: Omit<Chapter, 'Demo' | 'expected'>,
): Chapter {
  const Demo = (p: ChapterDemoProps) => <LabChapterDemo {...p} experiment={experiment} variantIds={variantIds} />;
  return { ...chapter, expected: expectedOf(experiment, variantIds), Demo };
}

/** "Label: expected." for each variant, or the one variant's sentence alone. */
export function expectedOf(experiment: Experiment, variantIds: readonly string[]): string {
  const variants = variantIds.map((id) => variantOf(experiment, id));
  if (variants.length === 1) return variants[0]?.expected ?? '';
  return variants.map((v) => `${v.label}: ${v.expected}`).join(' ');
}

/** Workshop chapters for the shared-memory lessons: real Web Workers on one SharedArrayBuffer. */
export const LAB_CHAPTERS: readonly Chapter[] = [
  labChapter(EXPERIMENTS.race, ['unsynchronised', 'atomic', 'mutex'], {
    id: 'race',
    tutorialStep: 'lock',
    concept: 'Race condition',
    title: 'Four workers, one counter, lost updates',
    explanation: [
      'Adding 1 to a shared number is three steps: read it, add, write it back. ' +
        'When two workers read the same value before either writes, both write the same result, and one addition vanishes.',
      'Here four Web Workers share a SharedArrayBuffer and each adds 1 five thousand times, ' +
        'with a pause of a few microseconds between read and write — the window in which another worker slips in.',
      'Atomics.add does the read-modify-write as one indivisible step. ' +
        'A mutex (built from Atomics.compareExchange, wait and notify) makes the whole read-pause-write exclusive. ' +
        'Both count exactly.',
    ],
    sources: [
      sourceRange('shared/lab/race.ts', raceSource, '  run({ lane, params, board, data, clock }) {'),
      sourceRange('shared/sync/mutex.ts', mutexSource, 'export class Mutex'),
    ],
  }),
  labChapter(EXPERIMENTS.bank, ['unlocked', 'locked'], {
    id: 'lock',
    tutorialStep: 'lock',
    concept: 'Lock around a bank balance',
    title: 'Balance 100, ten deposits of 10, ten withdrawals of 5',
    explanation: [
      'The tutorial’s bank account: twenty operations run in parallel workers against one balance in shared memory. ' +
        'Each reads the balance, takes about 10 ms, and writes the new balance.',
      'Without a lock the workers overwrite each other: ' +
        'a deposit computed from an old balance wipes out a withdrawal made meanwhile. ' +
        'Twenty runs give wrong balances — and not always the same wrong one.',
      'With the lock held from read to write, the operations take turns (watch the lanes: one solid, ' +
        'the others striped while they wait), and the balance is 150 every time.',
    ],
    sources: [
      sourceRange('shared/lab/bank.ts', bankSource, '  run({ lane, lanes, params, board, data, clock }) {'),
      sourceRange('shared/sync/mutex.ts', mutexSource, 'export class Mutex'),
    ],
  }),
  labChapter(EXPERIMENTS.deadlock, ['opposite', 'ordered', 'reentrant'], {
    id: 'deadlock',
    tutorialStep: 'deadlock',
    concept: 'Deadlock with two locks',
    title: 'Two workers, locks A and B, opposite order',
    explanation: [
      'Worker 1 takes A and then wants B; worker 2 takes B and then wants A. ' +
        'Each holds what the other needs, so neither can move: a deadlock.',
      'The lab sees it in the shared memory as a cycle in the wait-for graph and draws it. ' +
        'Every acquire here has a timeout, so the workers give up and let go after 1.5 s — ' +
        'and if one did not, the page would terminate it. The app never hangs.',
      'The cure for this deadlock is one lock order — both take A before B, so the second simply waits its turn — ' +
        'or a timeout that gives up and lets go. A re-entrant lock does not cure it: it only stops a worker ' +
        'deadlocking on itself, by letting the holder take the same lock again where a plain mutex would wait for ' +
        'itself forever (the third run shows that, with one lock).',
    ],
    sources: [
      sourceRange('shared/lab/deadlock.ts', deadlockSource, 'function twoLockLane('),
      sourceRange('shared/sync/reentrant-mutex.ts', reentrantSource, 'export class ReentrantMutex'),
    ],
  }),
  labChapter(EXPERIMENTS.event, ['event'], {
    id: 'event',
    tutorialStep: 'event',
    concept: 'Event',
    title: 'A waiter wakes when the setter signals',
    explanation: [
      'An event is a flag that threads can wait for. The waiter calls wait() and sleeps — in Atomics.wait, using no CPU — ' +
        'until another worker calls set(), which stores the flag and notifies every sleeper.',
      'Here the setter works for 2 s before it signals. The waiter’s measured sleep should be 2 s, give or take a scheduler tick.',
    ],
    sources: [
      sourceRange('shared/lab/event-wait.ts', eventWaitSource, '  run({ lane, params, board, data, clock }) {'),
      sourceRange('shared/sync/event.ts', eventSource, 'export class SharedEvent'),
    ],
  }),
  labChapter(EXPERIMENTS['thread-local'], ['thread-local'], {
    id: 'thread-local',
    tutorialStep: 'thread-local',
    concept: 'Thread-local data',
    title: 'Five workers, five requests, nothing mixed up',
    explanation: [
      'Python needs threading.local() to give each thread its own copy of a variable. ' +
        'In JavaScript that is how workers always are: each loads its own copy of every module, ' +
        'so a module-level object is per-worker.',
      'Five workers each store a request id and a start time in their own object, work for 0.1 s, and report. ' +
        'For contrast they also write their id into one cell of the shared memory: at the end it holds just one of them.',
    ],
    sources: [
      sourceRange('shared/lab/thread-local.ts', threadLocalSource, '  run({ lane, params, board, data, clock }) {'),
    ],
  }),
];
