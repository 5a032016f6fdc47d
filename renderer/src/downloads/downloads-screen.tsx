import type { ScreenProps } from '../nav/screen-props';
import { CARD } from '../ui/card';

export function DownloadsScreen(_props: ScreenProps) {
  return (
    <section className={CARD} aria-labelledby="downloads-heading">
      <h2 id="downloads-heading" className="text-xl font-semibold">Downloads</h2>
      <p className="mt-2 text-slate-600 dark:text-slate-300">Coming soon.</p>
    </section>
  );
}
