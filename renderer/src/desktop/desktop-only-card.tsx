import { memo, type ReactNode } from 'react';
import { CARD } from '../ui/card';

const COMMAND_BOX = [
  'mt-1 overflow-x-auto rounded-lg bg-slate-900 px-4 py-3 font-mono text-base text-slate-100',
  'dark:bg-slate-950 dark:ring-1 dark:ring-slate-700',
].join(' ');

/** In a browser: what the desktop app adds, and how to get it. */
export const DesktopOnlyCard = memo(function DesktopOnlyCard() {
  return (
    <section aria-labelledby="desktop-only-heading" className={CARD} data-testid="desktop-only">
      <h2 id="desktop-only-heading" className="text-lg font-semibold">
        The desktop app shows more
      </h2>
      <p className="mt-1 text-base text-slate-600 dark:text-slate-300">
        This web edition runs inside one browser tab, so it can only show this page’s own threads. The Electron desktop
        app adds what happens behind every window:
      </p>
      <ul className="mt-3 space-y-2 text-base">
        <Item title="Three more places to run the work">
          Electron’s main process (which freezes the whole app), a pool of worker threads, and utility processes.
        </Item>
        <Item title="Main-process meters">
          event-loop delay, and a ping from this page that stalls while the main process is blocked.
        </Item>
        <Item title="A live process table">
          every process of the app with its CPU and memory, worker pools lane by lane.
        </Item>
        <Item title="A crash lab">make a worker throw, exit, hang or crash — and watch the app survive it.</Item>
      </ul>
      <p className="mt-4 text-sm font-medium text-slate-700 dark:text-slate-200">
        To run it, from a copy of the source:
      </p>
      <pre className={COMMAND_BOX}>
        <code>npm install &amp;&amp; npm start</code>
      </pre>
    </section>
  );
});

function Item({ title, children }: { title: string; children: ReactNode }) {
  return (
    <li className="flex gap-2">
      <span aria-hidden className="mt-2 size-2 shrink-0 rounded-full bg-sky-500" />
      <span>
        <span className="font-semibold">{title}:</span> {children}
      </span>
    </li>
  );
}
