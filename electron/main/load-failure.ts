/**
 * A window is created hidden and shown on `ready-to-show`, so it never flashes half-drawn. If its
 * page fails to load, `ready-to-show` may never come and the app would seem not to start: on
 * `did-fail-load` the window shows this page instead. Kept free of Electron; tested in plain Node.
 */

export interface LoadFailure {
  readonly errorCode: number;
  readonly errorDescription: string;
  readonly url: string;
  readonly isMainFrame: boolean;
}

/** ERR_ABORTED: a navigation replaced by another one (a reload, a deep link) — not a failure. */
const ERR_ABORTED = -3;

/** Whether a did-fail-load means the window has nothing to show. */
export function needsErrorPage(failure: LoadFailure): boolean {
  // The error page itself failing must not start a loop.
  return failure.isMainFrame && failure.errorCode !== ERR_ABORTED && !failure.url.startsWith('data:');
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/**
 * The error page as a data: URL: no file to find, no script, no network. It names the URL and
 * Chromium's error, and links back to the URL (a link to the app's own origin, which the
 * navigation guard allows).
 */
export function errorPageUrl(failure: LoadFailure, dark: boolean): string {
  const [background, text] = dark ? ['#020617', '#e2e8f0'] : ['#f8fafc', '#0f172a'];
  const html = [
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Unfreeze could not load</title>',
    `<style>body{font:18px/1.5 system-ui,sans-serif;margin:3rem;background:${background};color:${text}}`,
    'code{font-size:15px}a{color:inherit}</style></head><body>',
    '<h1>Unfreeze could not load its page</h1>',
    `<p><code>${escapeHtml(failure.url)}</code></p>`,
    `<p>${escapeHtml(failure.errorDescription || 'Unknown error')} (error ${failure.errorCode}).</p>`,
    `<p><a href="${escapeHtml(failure.url)}">Try again</a>. In development, is <code>npm start</code> still running?</p>`,
    '</body></html>',
  ].join('');
  return `data:text/html;charset=utf-8,${encodeURIComponent(html)}`;
}
