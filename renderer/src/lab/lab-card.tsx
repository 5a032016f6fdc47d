import { useId, useRef, useState } from 'react';
import { CARD } from '../ui/card';
import { SegmentedControl } from '../ui/segmented-control';
import { useKeepFocus } from '../ui/use-keep-focus';
import { ExperimentBody } from './experiment-body';
import { variantOf, type Experiment } from './experiments';
import { ThreadRun } from './thread-run';
import { useLabRun } from './use-lab-run';

const CANCEL_BUTTON = [
  'rounded-lg border border-rose-300 px-4 py-1.5 text-sm font-medium text-rose-700',
  'hover:bg-rose-50 focus-visible:outline-2 focus-visible:outline-sky-500',
  'dark:border-rose-800 dark:text-rose-300 dark:hover:bg-rose-950',
].join(' ');
const RUN_BUTTON = [
  'rounded-lg bg-sky-700 px-4 py-1.5 text-sm font-medium text-white hover:bg-sky-800',
  'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500',
].join(' ');

/** One lab demo: pick a variant, Run (or Cancel), watch the lanes, compare with the expectation. */
export function LabCard({ experiment, dark }: { readonly experiment: Experiment; readonly dark: boolean }) {
  const lab = useLabRun(experiment);
  const [variantId, setVariantId] = useState(experiment.variants[0]?.id ?? '');
  const headingId = useId();
  const running = lab.view.phase === 'running';
  // A button that disables itself while it runs hands focus to the card's next control, not <body>.
  const card = useRef<HTMLElement>(null);
  useKeepFocus(card);
  return (
    <section
      ref={card}
      className={`${CARD} space-y-4`}
      aria-labelledby={headingId}
      data-testid={`lab-card-${experiment.id}`}
    >
      <header className="space-y-1">
        <h3 id={headingId} className="text-lg font-semibold">
          {experiment.title}
        </h3>
        <p className="text-sm text-slate-600 dark:text-slate-300">{experiment.blurb}</p>
      </header>
      <div className="flex flex-wrap items-center gap-3">
        {experiment.variants.length > 1 && (
          <SegmentedControl
            label="Variant"
            hideLabel
            value={variantId}
            options={experiment.variants.map((v) => ({ value: v.id, label: v.label }))}
            disabled={running}
            onChange={setVariantId}
          />
        )}
        {running ? (
          <button type="button" onClick={lab.cancel} className={CANCEL_BUTTON}>
            Cancel
          </button>
        ) : (
          <button type="button" onClick={() => void lab.start([variantId])} className={RUN_BUTTON}>
            Run
          </button>
        )}
      </div>
      <ThreadRun experiment={experiment} variant={variantOf(experiment, variantId)} disabled={running} />
      <ExperimentBody experiment={experiment} lab={lab} variantId={variantId} dark={dark} />
    </section>
  );
}
