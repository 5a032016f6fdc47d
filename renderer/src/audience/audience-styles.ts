/** Class lists the audience pages share (ARCHITECTURE.md, "Shared pieces, and keeping lines short"). */
export const FOCUS = 'focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-sky-500';
export const PRIMARY_BUTTON = [
  'rounded-xl bg-sky-600 px-6 py-4 text-xl font-semibold text-white shadow hover:bg-sky-700 disabled:opacity-50',
  FOCUS,
].join(' ');
export const SECONDARY_BUTTON = [
  'rounded-xl border border-slate-300 px-4 py-2 text-base font-medium hover:bg-slate-100 disabled:opacity-40',
  'dark:border-slate-600 dark:hover:bg-slate-800',
  FOCUS,
].join(' ');
export const CHOICE_BUTTON = [
  'w-full rounded-xl border-2 border-slate-300 px-4 py-3 text-left text-lg hover:bg-slate-100',
  'aria-pressed:border-sky-500 aria-pressed:bg-sky-50 dark:border-slate-600 dark:hover:bg-slate-800',
  'dark:aria-pressed:bg-sky-950',
  FOCUS,
].join(' ');
export const MUTED = 'text-slate-600 dark:text-slate-400';
export const INPUT = [
  'w-28 rounded-lg border border-slate-300 bg-white px-3 py-2 text-lg',
  'dark:border-slate-600 dark:bg-slate-900',
].join(' ');
