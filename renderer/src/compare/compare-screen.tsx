import type { ScreenProps } from '../nav/screen-props';
import { CARD } from '../ui/card';

export function CompareScreen(_props: ScreenProps) {
  return (
    <section className={CARD} aria-labelledby="compare-heading">
      <h2 id="compare-heading" className="text-xl font-semibold">Compare</h2>
      <p className="mt-2 text-slate-600 dark:text-slate-300">Coming soon.</p>
    </section>
  );
}
