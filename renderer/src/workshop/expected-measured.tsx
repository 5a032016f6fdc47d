import type { RecordedRun } from '../../../shared/session/recorded-run';

const NEUTRAL = 'border-slate-200 bg-slate-50 dark:border-slate-700 dark:bg-slate-800/60';
const AS_EXPECTED = 'border-emerald-300 bg-emerald-50 dark:border-emerald-600/60 dark:bg-emerald-950/40';
const NOT_AS_EXPECTED = 'border-amber-300 bg-amber-50 dark:border-amber-600/60 dark:bg-amber-950/40';

/** What the tutorial says should happen beside what this computer measured in the chapter's latest run. */
export function ExpectedMeasured({
  expected,
  latest,
  running,
  presenter,
}: {
  readonly expected: string;
  readonly latest: RecordedRun | undefined;
  readonly running: boolean;
  readonly presenter: boolean;
}) {
  const heading = `font-semibold text-slate-500 dark:text-slate-400 ${presenter ? 'text-lg' : 'text-sm'}`;
  const body = `mt-1 ${presenter ? 'text-xl' : 'text-base'}`;
  const tone = latest === undefined ? NEUTRAL : latest.asExpected ? AS_EXPECTED : NOT_AS_EXPECTED;
  return (
    <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
      <div className={`rounded-xl border p-4 ${NEUTRAL}`}>
        <h3 className={heading}>Expected</h3>
        <p className={body} data-testid="expected">
          {expected}
        </p>
      </div>
      <div className={`rounded-xl border p-4 ${tone}`}>
        <h3 className={heading}>
          Measured here{latest ? (latest.asExpected ? ' — as expected' : ' — not as expected') : ''}
        </h3>
        <p
          className={body}
          data-testid="measured"
          data-as-expected={latest ? String(latest.asExpected) : undefined}
          data-at={latest?.at}
          aria-live="polite"
        >
          {running ? 'Running…' : (latest?.measured ?? 'Not run yet: press Run (or Space).')}
        </p>
      </div>
    </div>
  );
}
