/** The Compare screen's two button styles, shared by both editions. */
export const PRIMARY =
  'rounded-xl bg-sky-700 px-6 py-3 text-lg font-semibold text-white shadow hover:bg-sky-800 ' +
  'focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-sky-500 disabled:opacity-50';
export const SECONDARY =
  'rounded-xl border border-slate-300 px-5 py-3 text-lg font-medium hover:bg-slate-100 focus-visible:outline-3 ' +
  'focus-visible:outline-offset-2 focus-visible:outline-sky-500 disabled:opacity-40 dark:border-slate-600 dark:hover:bg-slate-800';
