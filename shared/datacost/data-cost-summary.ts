import { percentile } from '../stats/percentile';
import { BUDGETS, formatBytes, formatMs, METHOD_FACTS, MIB, type DataCostMethod } from './data-cost-methods';

/** One payload moved once, there and back. All times in ms, on one clock across the threads. */
export interface DataCostSample {
  readonly method: DataCostMethod;
  readonly bytes: number;
  /** How long the sending call itself (`postMessage`, `invoke`) held the page's thread. */
  readonly blockedMs: number;
  /** From the call until the receiver's handler had the payload (its clock minus the sender's). */
  readonly receivedMs: number;
  /** From the call until the echo was back in the page's hands. */
  readonly roundTripMs: number;
  /** The longest gap between two of the page's frames while it happened, both ways. */
  readonly worstGapMs: number;
}

/**
 * Below this a figure is the timer's resolution and the scheduler's noise on a busy machine, not the
 * move: ratios compare against it rather than against a near-zero. A copy of 64 MiB takes ~300× more.
 */
export const NOISE_FLOOR_MS = 0.1;

/** How many times `a` took as long as `b`, each at least the noise floor. */
export function timesAsLong(a: number, b: number): number {
  return Math.max(a, NOISE_FLOOR_MS) / Math.max(b, NOISE_FLOOR_MS);
}

type Figure = 'blockedMs' | 'receivedMs' | 'roundTripMs' | 'worstGapMs';

/** The median of each figure over repeats of one method and size; noise at small sizes is large. */
export function medianSample(repeats: readonly DataCostSample[]): DataCostSample {
  const first = repeats[0];
  if (first === undefined) throw new RangeError('medianSample needs at least one sample');
  const median = (key: Figure) =>
    percentile(
      repeats.map((s) => s[key]),
      50,
    );
  return {
    method: first.method,
    bytes: first.bytes,
    blockedMs: median('blockedMs'),
    receivedMs: median('receivedMs'),
    roundTripMs: median('roundTripMs'),
    worstGapMs: median('worstGapMs'),
  };
}

export function sampleAt(
  samples: readonly DataCostSample[],
  method: DataCostMethod,
  bytes: number,
): DataCostSample | undefined {
  return samples.find((s) => s.method === method && s.bytes === bytes);
}

const CLONES: readonly DataCostMethod[] = ['clone-objects', 'clone-bytes'];

/** The clone that blocked the page longest, and the transfer of the same size: the card's key pair. */
export function worstClone(
  samples: readonly DataCostSample[],
): { clone: DataCostSample; transfer: DataCostSample } | null {
  let best: { clone: DataCostSample; transfer: DataCostSample } | null = null;
  for (const clone of samples) {
    if (!CLONES.includes(clone.method)) continue;
    const transfer = sampleAt(samples, 'transfer', clone.bytes);
    if (transfer !== undefined && (best === null || clone.blockedMs > best.clone.blockedMs)) best = { clone, transfer };
  }
  return best;
}

/** The run in one sentence, e.g. "Cloning 16 MiB of objects blocked the page for 380 ms; transferring 16 MiB took 0.05 ms." */
export function dataCostVerdict(samples: readonly DataCostSample[]): string {
  const pair = worstClone(samples);
  if (pair === null) return 'No clone and transfer of the same size were measured.';
  const { clone, transfer } = pair;
  const what = clone.method === 'clone-objects' ? `${formatBytes(clone.bytes)} of objects` : formatBytes(clone.bytes);
  return (
    `Cloning ${what} blocked the page for ${formatMs(clone.blockedMs)}; ` +
    `transferring ${formatBytes(transfer.bytes)} took ${formatMs(transfer.blockedMs)}.`
  );
}

export interface BudgetCheck {
  /** Largest round trip of a clone at or under 10 KiB, against one frame. */
  readonly animationMs: number;
  /** Largest round trip of a clone at or under 100 KiB, against a 100 ms response. */
  readonly responseMs: number;
  /** Sender blocked by a 64 MiB transfer ÷ by a 1 MiB one: "the same at any size" is under 3. */
  readonly transferGrowth: number;
  readonly asExpected: boolean;
}

/** The chapter's expected-vs-measured: the budgets, and a transfer that does not grow with size. */
export function checkBudgets(samples: readonly DataCostSample[]): BudgetCheck {
  const worstUnder = (limit: number) =>
    Math.max(0, ...samples.filter((s) => CLONES.includes(s.method) && s.bytes <= limit).map((s) => s.roundTripMs));
  const [animation, response] = BUDGETS;
  const animationMs = worstUnder(animation.bytes);
  const responseMs = worstUnder(response.bytes);
  const small = sampleAt(samples, 'transfer', MIB);
  const large = sampleAt(samples, 'transfer', 64 * MIB);
  const transferGrowth = small && large ? timesAsLong(large.blockedMs, small.blockedMs) : Number.POSITIVE_INFINITY;
  return {
    animationMs,
    responseMs,
    transferGrowth,
    asExpected: animationMs <= animation.ms && responseMs <= response.ms && transferGrowth < 3,
  };
}

/** Rows for the bench's table and the card's: size × method with the three figures. */
export function sampleRows(samples: readonly DataCostSample[]): string[][] {
  return samples.map((s) => [
    formatBytes(s.bytes),
    METHOD_FACTS[s.method].label,
    formatMs(s.blockedMs),
    formatMs(s.receivedMs),
    formatMs(s.roundTripMs),
    formatMs(s.worstGapMs),
  ]);
}

export const SAMPLE_HEAD = ['size', 'method', 'sender blocked', 'received after', 'round trip', 'worst frame gap'];

/** The chapter's measured line: each budget against what the clones took, and how a transfer grew. */
export function budgetSentence(check: BudgetCheck): string {
  const transfers = Number.isFinite(check.transferGrowth)
    ? `A 64 MiB transfer cost ${check.transferGrowth.toFixed(1)}× a 1 MiB one.`
    : 'No 1 MiB and 64 MiB transfers were measured to compare.';
  return (
    `Clones up to 10 KiB took at most ${formatMs(check.animationMs)} there and back (budget 16.7 ms); ` +
    `up to 100 KiB, ${formatMs(check.responseMs)} (budget 100 ms). ${transfers}`
  );
}
