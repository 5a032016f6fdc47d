import type { ScreenProps } from '../nav/screen-props';
import { CARD } from '../ui/card';

export function LabScreen(_props: ScreenProps) {
  return (
    <section className={CARD} aria-labelledby="lab-heading">
      <h2 id="lab-heading" className="text-xl font-semibold">Concurrency lab</h2>
      <p className="mt-2 text-slate-600 dark:text-slate-300">Coming soon.</p>
    </section>
  );
}
