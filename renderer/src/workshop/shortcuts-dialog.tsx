import { useEffect, useRef } from 'react';
import { SHORTCUTS } from './workshop-keys';

const DIALOG =
  'm-auto rounded-2xl border border-slate-200 bg-white p-6 text-slate-900 shadow-xl backdrop:bg-slate-950/60 ' +
  'dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100';
const KEY =
  'rounded-md border border-slate-300 bg-slate-100 px-2 py-0.5 font-mono text-base dark:border-slate-600 dark:bg-slate-800';
const CLOSE =
  'rounded-xl bg-sky-700 px-5 py-2 font-semibold text-white hover:bg-sky-800 ' +
  'focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-sky-500';

/** The keyboard shortcuts, in a modal dialog (Esc or the button closes it; focus returns). */
export function ShortcutsDialog({ open, onClose }: { readonly open: boolean; readonly onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog
      ref={dialog}
      onClose={onClose}
      aria-labelledby="shortcuts-heading"
      data-testid="shortcuts-dialog"
      className={DIALOG}
    >
      <h2 id="shortcuts-heading" className="text-xl font-semibold">
        Keyboard shortcuts
      </h2>
      <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-lg">
        {SHORTCUTS.map(([keys, what]) => (
          <div key={keys} className="contents">
            <dt>
              <kbd className={KEY}>{keys}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <form method="dialog" className="mt-6 text-right">
        <button type="submit" autoFocus className={CLOSE}>
          Close
        </button>
      </form>
    </dialog>
  );
}
