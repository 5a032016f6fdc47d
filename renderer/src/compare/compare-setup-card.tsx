import type { ReactNode } from 'react';
import { CARD } from '../ui/card';

/**
 * The Compare screen's top card, the same in both editions: its heading, what this edition can
 * show (`intro`), then the setup and the controls (`children`).
 */
export function CompareSetupCard({ intro, children }: { readonly intro: ReactNode; readonly children: ReactNode }) {
  return (
    <section className={`${CARD} space-y-5`} aria-labelledby="compare-heading">
      <div>
        <h2 id="compare-heading" className="text-2xl font-semibold">
          Compare: the same work, side by side
        </h2>
        {intro}
      </div>
      {children}
    </section>
  );
}
