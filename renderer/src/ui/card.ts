/** The panel every section of the page sits on. */
export const CARD =
  'rounded-2xl border border-slate-200 bg-white p-5 shadow-sm dark:border-slate-800 dark:bg-slate-900';

/** The amber panel that says why something cannot work on this page (add padding and text size). */
export const ALERT =
  'rounded-xl border border-amber-400 bg-amber-50 text-amber-950 ' +
  'dark:border-amber-500/60 dark:bg-amber-950/40 dark:text-amber-100';
