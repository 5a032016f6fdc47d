import { describe, expect, it } from 'vitest';
import { cspDirectives } from '../security/content-security-policy';
import { PANE_HOSTS, canSeparatePanes, isLoopbackHost, paneSites, parseOrigin, trustsController } from './pane-sites';

const at = (origin: string) => {
  const parsed = parseOrigin(origin);
  if (!parsed) throw new Error(`not an origin: ${origin}`);
  return parsed;
};

describe('pane sites', () => {
  it('gives each pane a loopback site of its own, on the page’s port', () => {
    expect(paneSites(at('http://127.0.0.1:5173'), true)).toEqual({
      left: { pane: 'left', origin: 'http://left.localhost:5173', ownSite: true },
      right: { pane: 'right', origin: 'http://right.localhost:5173', ownSite: true },
    });
    expect(paneSites(at('http://localhost'), true).right.origin).toBe('http://right.localhost');
  });

  it('keeps the panes on the page’s origin when asked, or when the page is not on this computer', () => {
    const same = { left: { pane: 'left', origin: 'http://127.0.0.1:4173', ownSite: false } };
    expect(paneSites(at('http://127.0.0.1:4173'), false)).toMatchObject(same);
    expect(paneSites(at('https://unfreeze.example'), true).left).toEqual({
      pane: 'left',
      origin: 'https://unfreeze.example',
      ownSite: false,
    });
    // https on loopback: the panes' names would need certificates of their own.
    expect(canSeparatePanes(at('https://localhost:5173'))).toBe(false);
  });

  it('knows the names that always mean this computer', () => {
    for (const host of ['localhost', 'left.localhost', '127.0.0.1', '127.1.2.3', '[::1]']) {
      expect(isLoopbackHost(host), host).toBe(true);
    }
    for (const host of ['localhost.example', '128.0.0.1', 'example.com', '[::2]', 'notlocalhost']) {
      expect(isLoopbackHost(host), host).toBe(false);
    }
  });

  it('lets a pane hear only its own origin or a loopback page on its port', () => {
    const left = at('http://left.localhost:5173');
    expect(trustsController(left, 'http://127.0.0.1:5173')).toBe(true);
    expect(trustsController(left, 'http://localhost:5173')).toBe(true);
    expect(trustsController(left, 'http://left.localhost:5173')).toBe(true);
    expect(trustsController(left, 'http://127.0.0.1:8080')).toBe(false);
    expect(trustsController(left, 'https://127.0.0.1:5173')).toBe(false);
    expect(trustsController(left, 'http://evil.example:5173')).toBe(false);
    expect(trustsController(left, 'null')).toBe(false);
    // A pane on the page's own origin trusts only that origin.
    expect(trustsController(at('http://127.0.0.1:5173'), 'http://localhost:5173')).toBe(false);
  });

  it('reads only plain origins', () => {
    expect(parseOrigin('http://[::1]:80')).toEqual({ protocol: 'http:', hostname: '[::1]', port: '80' });
    for (const bad of ['http://a/b', 'file:///x', 'http://a:1?x', 'javascript:alert(1)', '']) {
      expect(parseOrigin(bad), bad).toBeNull();
    }
  });

  it('is what the Content-Security-Policy lets the page frame', () => {
    const frameSrc = new Map(cspDirectives('production')).get('frame-src')?.split(' ');
    expect(frameSrc).toEqual(["'self'", ...Object.values(PANE_HOSTS).map((h) => `http://${h}:*`)]);
  });
});
