/** The panel every section of the page sits on. */
export const CARD =
  'rounded-2xl border border-slate-200 bg-white p-5 shadow-sm dark:border-slate-800 dark:bg-slate-900';

/** The amber panel that says why something cannot work on this page (add padding and text size). */
export const ALERT =
  'rounded-xl border border-amber-400 bg-amber-50 text-amber-950 ' +
  'dark:border-amber-500/60 dark:bg-amber-950/40 dark:text-amber-100';

/**
 * The fill of a primary action button (Start, Run). White on sky-700 is 5.9:1, above WCAG AA's
 * 4.5:1 for text; sky-600 was 4.0:1. One constant, so every primary button keeps that contrast.
 */
export const PRIMARY_FILL = 'bg-sky-700 text-white hover:bg-sky-800';
