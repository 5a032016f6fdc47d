import type { ScreenProps } from '../nav/screen-props';
import { CARD } from '../ui/card';

export function WorkshopScreen(_props: ScreenProps) {
  return (
    <section className={CARD} aria-labelledby="workshop-heading">
      <h2 id="workshop-heading" className="text-xl font-semibold">Workshop</h2>
      <p className="mt-2 text-slate-600 dark:text-slate-300">Coming soon.</p>
    </section>
  );
}
