/**
 * What the CPU chapter promises on this computer, and the threshold that decides "as expected":
 * the "Expected" sentence is written from these numbers, so the text and the verdict agree.
 *
 * `navigator.hardwareConcurrency` counts logical processors, not cores, and the workers do not
 * get all of them: the page's own thread (receiving progress, painting) and the rest of the
 * browser run on the same processors. So with as many workers as processors, the fair
 * expectation is about one processor's worth less than linear when there are few of them.
 */
export interface SpeedupExpectation {
  /** The logical processors the browser reports. */
  readonly processors: number;
  /** The run the verdict looks at: this many workers (as many as processors, at most the pool). */
  readonly workers: number;
  /** The speedup the workers can really reach there, given what else shares the processors. */
  readonly ideal: number;
  /** At least this speedup counts as "as expected" (a margin below `ideal` for a busy machine). */
  readonly atLeast: number;
  readonly text: string;
}

/** What the page's thread and the browser take from the workers while they run, in processors. */
const PAGE_SHARE = 0.5;
/** Of the reachable speedup, this much counts as as expected: the machine may be busy. */
const MARGIN = 0.75;

export function speedupExpectation(processors: number, poolSize: number): SpeedupExpectation {
  const workers = Math.max(1, Math.min(processors, poolSize));
  if (workers === 1) {
    return {
      processors,
      workers,
      ideal: 1,
      atLeast: 0,
      text:
        `This computer reports ${processors === 1 ? 'one logical processor' : `a pool of one worker`}: ` +
        'there is nothing to share the work with, so no speedup is expected.',
    };
  }
  // All processors busy with workers: the page and the browser take their share from them.
  const ideal = workers < processors ? workers : workers - PAGE_SHARE;
  const atLeast = Math.round(ideal * MARGIN * 10) / 10;
  return {
    processors,
    workers,
    ideal,
    atLeast,
    text:
      `${workers} workers on ${processors} logical processors: ≈ ${ideal.toFixed(1)}× the one-worker speed ` +
      `(counted as expected from ${atLeast.toFixed(1)}×), not ${workers}×, because the page’s own thread and the ` +
      'browser share the processors with the workers. No further gain beyond that.',
  };
}
