import type { RecordedRun } from '../../../shared/session/recorded-run';

const NEUTRAL = 'border-slate-200 bg-slate-50 dark:border-slate-700 dark:bg-slate-800/60';
const AS_EXPECTED = 'border-emerald-300 bg-emerald-50 dark:border-emerald-600/60 dark:bg-emerald-950/40';
const NOT_AS_EXPECTED = 'border-amber-300 bg-amber-50 dark:border-amber-600/60 dark:bg-amber-950/40';

/** Characters past which the headline is set one size smaller. */
const LONG_HEADLINE = 180;

const heading = (presenter: boolean) =>
  `font-semibold text-slate-600 dark:text-slate-300 ${presenter ? 'text-xl' : 'text-sm'}`;

/** What the tutorial says should happen (the chapter's expectation object wrote the sentence). */
export function ExpectedCard({ expected, presenter }: { readonly expected: string; readonly presenter: boolean }) {
  return (
    <div className={`rounded-xl border p-3 ${NEUTRAL}`}>
      <h3 className={heading(presenter)}>Expected</h3>
      <p className={`mt-1 ${presenter ? 'text-xl' : 'text-base'}`} data-testid="expected">
        {expected}
      </p>
    </div>
  );
}

/**
 * What this computer measured in the chapter's latest run, and whether that is what the Expected
 * card says: the chapter's headline, right under Run, in the larger type and coloured by its verdict.
 */
export function MeasuredCard({
  latest,
  running,
  presenter,
}: {
  readonly latest: RecordedRun | undefined;
  readonly running: boolean;
  readonly presenter: boolean;
}) {
  const tone = latest === undefined || running ? NEUTRAL : latest.asExpected ? AS_EXPECTED : NOT_AS_EXPECTED;
  // A chapter with several variants says several sentences: one size down, so the demo stays in view.
  const long = (latest?.measured.length ?? 0) > LONG_HEADLINE;
  const size = presenter ? (long ? 'text-xl' : 'text-2xl') : long ? 'text-base' : 'text-lg';
  return (
    <div className={`rounded-xl border p-3 ${tone}`} data-testid="headline">
      <h3 className={heading(presenter)}>
        Measured here{latest && !running ? (latest.asExpected ? ' — as expected' : ' — not as expected') : ''}
      </h3>
      <p
        className={`mt-1 font-semibold leading-snug ${size}`}
        data-testid="measured"
        data-as-expected={latest ? String(latest.asExpected) : undefined}
        data-at={latest?.at}
        aria-live="polite"
      >
        {running ? 'Running…' : (latest?.measured ?? 'Not run yet: press Run (or Space).')}
      </p>
    </div>
  );
}
