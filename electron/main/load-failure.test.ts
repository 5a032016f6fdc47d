import { describe, expect, it } from 'vitest';
import { errorPageUrl, needsErrorPage, type LoadFailure } from './load-failure';

const failure: LoadFailure = {
  errorCode: -102,
  errorDescription: 'ERR_CONNECTION_REFUSED',
  url: 'http://localhost:5173/',
  isMainFrame: true,
};

describe('needsErrorPage', () => {
  it('is true for a failed main frame, not for subframes, aborted navigations or the error page itself', () => {
    expect(needsErrorPage(failure)).toBe(true);
    expect(needsErrorPage({ ...failure, isMainFrame: false })).toBe(false);
    expect(needsErrorPage({ ...failure, errorCode: -3 })).toBe(false);
    expect(needsErrorPage({ ...failure, url: errorPageUrl(failure, false) })).toBe(false);
  });
});

describe('errorPageUrl', () => {
  const decode = (url: string) => decodeURIComponent(url.slice(url.indexOf(',') + 1));

  it('names the URL and the error, links back, and carries no script', () => {
    const html = decode(errorPageUrl(failure, true));
    expect(html).toContain('http://localhost:5173/');
    expect(html).toContain('ERR_CONNECTION_REFUSED (error -102)');
    expect(html).toContain('<a href="http://localhost:5173/">Try again</a>');
    expect(html).toContain('#020617');
    expect(html).not.toMatch(/<script/i);
  });

  it('escapes what it shows', () => {
    const html = decode(errorPageUrl({ ...failure, url: 'unfreeze://app/"><script>x</script>' }, false));
    expect(html).not.toContain('<script>');
    expect(html).toContain('&quot;&gt;&lt;script&gt;');
  });
});
