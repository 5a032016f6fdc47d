import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cspDirectives, HEADER_CONTENT_SECURITY_POLICY, metaContentSecurityPolicy } from './content-security-policy';

const directives = (policy: string) =>
  new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .map(([name = '', ...values]) => [name, values]),
  );

describe('content security policy', () => {
  it('allows nothing inline, from blob:, data: or a WebSocket in production', () => {
    const production = metaContentSecurityPolicy('production');
    expect(production).not.toMatch(/unsafe-inline|unsafe-eval|blob:|data:|ws:/);
    expect(directives(production).get('script-src')).toEqual(["'self'"]);
    expect(directives(production).get('object-src')).toEqual(["'none'"]);
  });

  it('adds only inline styles and the hot-reload socket in development', () => {
    const prod = new Map(cspDirectives('production'));
    const changed = cspDirectives('development').filter(([name, value]) => prod.get(name) !== value);
    expect(changed).toEqual([
      ['style-src', "'self' 'unsafe-inline'"],
      ['connect-src', "'self' ws://127.0.0.1:* ws://localhost:*"],
    ]);
  });

  it('is what renderer/index.html states, so a scanner reading the source sees what ships', () => {
    const html = readFileSync(new URL('../../renderer/index.html', import.meta.url), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html);
    expect(meta?.[1]).toBe(metaContentSecurityPolicy('production'));
  });

  it('forbids framing in the header (a <meta> tag cannot), and frames only the app itself there', () => {
    const header = directives(HEADER_CONTENT_SECURITY_POLICY);
    expect(header.get('frame-ancestors')).toEqual(["'none'"]);
    expect(header.get('frame-src')).toEqual(["'self'"]);
    // Everything else is the production policy as the <meta> tag states it.
    const rest = (policy: string) => [...directives(policy)].filter(([name]) => !name.startsWith('frame-'));
    expect(rest(HEADER_CONTENT_SECURITY_POLICY)).toEqual(rest(metaContentSecurityPolicy('production')));
  });

  it('lets the web edition frame only itself and the Compare panes’ two loopback names', () => {
    expect(directives(metaContentSecurityPolicy('production')).get('frame-src')).toEqual([
      "'self'",
      'http://left.localhost:*',
      'http://right.localhost:*',
    ]);
  });
});
