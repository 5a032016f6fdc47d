import { GUIDE_TEXT } from './guide-steps';
import type { Guide } from './use-guide';

const GUIDE = [
  'flex flex-wrap items-center gap-x-3 gap-y-1 rounded-xl border-2 border-sky-600 bg-sky-50 px-3 py-2',
  'text-sky-950 dark:border-sky-400 dark:bg-sky-950/50 dark:text-sky-50',
].join(' ');
const DISMISS = [
  'ml-auto rounded-lg px-2 py-1 text-base font-medium underline underline-offset-4 hover:bg-sky-100',
  'focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-sky-600 dark:hover:bg-sky-900',
].join(' ');

/** The first-visit guide's current step, one line above the controls; gone once done or dismissed. */
export function FirstVisitGuide({ guide }: { guide: Guide }) {
  if (guide.step === 'done') return null;
  const text = GUIDE_TEXT[guide.step];
  return (
    <aside aria-label="First-visit guide" className={GUIDE} data-testid="guide" data-step={guide.step}>
      <p className="min-w-0 flex-1 text-lg" aria-live="polite">
        <span className="font-semibold">{text.counter}:</span> {text.title}
      </p>
      <button type="button" onClick={guide.dismiss} className={DISMISS} title={text.detail}>
        Skip the guide
      </button>
    </aside>
  );
}
