import { describe, it, expect } from 'vitest';
import { isTrustedUrl, trustedOrigins } from './trusted-sender';

const packaged = trustedOrigins();
const dev = trustedOrigins('http://localhost:5173/');

describe('isTrustedUrl', () => {
  it.each(['unfreeze://app/index.html', 'unfreeze://app/', 'unfreeze://app/assets/worker-abc.js?x=1#top'])(
    'trusts our own page %s',
    (url) => {
      expect(isTrustedUrl(url, packaged)).toBe(true);
    },
  );

  it.each([
    ['another host on our scheme', 'unfreeze://evil/index.html'],
    ['a host that only starts like ours', 'unfreeze://app.evil.com/'],
    ['credentials that spell our host', 'unfreeze://app@evil/'],
    ['a port on our host', 'unfreeze://app:8080/'],
    ['a website', 'https://example.com/'],
    ['a file URL', 'file:///etc/passwd'],
    ['about:blank', 'about:blank'],
    ['a data URL', 'data:text/html,<script>1</script>'],
    ['garbage', 'not a url'],
    ['an empty string', ''],
    ['a destroyed frame', undefined],
  ])('refuses %s', (_label, url) => {
    expect(isTrustedUrl(url, packaged)).toBe(false);
  });

  it('trusts the dev server only when it is given', () => {
    expect(isTrustedUrl('http://localhost:5173/index.html', packaged)).toBe(false);
    expect(isTrustedUrl('http://localhost:5173/index.html', dev)).toBe(true);
    expect(isTrustedUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isTrustedUrl('https://localhost:5173/', dev)).toBe(false);
    expect(isTrustedUrl('unfreeze://app/index.html', dev)).toBe(true);
  });

  it('ignores a dev URL that does not parse', () => {
    expect(trustedOrigins('::nonsense::')).toEqual(packaged);
  });
});
