import type { ReactNode } from 'react';
import { CARD } from '../ui/card';

/**
 * The Compare screen's top card, the same in both editions: its heading, what this edition can
 * show (`intro`) or a control beside the heading (`aside`), then the setup and the controls
 * (`children`). `compact` tightens it so that the web edition's panes fit below it on one screen.
 */
export function CompareSetupCard({
  intro,
  aside,
  compact = false,
  children,
}: {
  readonly intro?: ReactNode;
  readonly aside?: ReactNode;
  readonly compact?: boolean;
  readonly children: ReactNode;
}) {
  return (
    <section className={`${CARD} ${compact ? 'space-y-3 py-4' : 'space-y-5'}`} aria-labelledby="compare-heading">
      <div className="flex flex-wrap items-center justify-between gap-x-6 gap-y-2">
        <h2 id="compare-heading" className={compact ? 'text-xl font-semibold' : 'text-2xl font-semibold'}>
          Compare: the same work, side by side
        </h2>
        {aside}
      </div>
      {intro}
      {children}
    </section>
  );
}
