import path from 'node:path';
import { describe, it, expect } from 'vitest';
import {
  APP_RESPONSE_HEADERS,
  CONTENT_SECURITY_POLICY,
  appProtocolSource,
  mimeTypeFor,
  resolveAppFile,
} from './app-files';

const root = path.resolve('/srv/unfreeze/out/renderer');
const inRoot = (...parts: string[]) => path.join(root, ...parts);

describe('resolveAppFile', () => {
  it.each([
    ['unfreeze://app/index.html', inRoot('index.html')],
    ['unfreeze://app/', inRoot('index.html')],
    ['unfreeze://app', inRoot('index.html')],
    ['unfreeze://app/assets/index-abc123.js?v=1#x', inRoot('assets', 'index-abc123.js')],
    ['unfreeze://app/assets/', inRoot('assets', 'index.html')],
    ['unfreeze://app/assets/my%20file.css', inRoot('assets', 'my file.css')],
  ])('maps %s inside the root', (url, expected) => {
    expect(resolveAppFile(root, url)).toMatchObject({ ok: true, filePath: expected });
  });

  // The URL parser already folds "..", "%2e%2e" and "//" back inside; what is left must stay there.
  it.each([
    ['unfreeze://app/../../etc/passwd', inRoot('etc', 'passwd')],
    ['unfreeze://app/%2e%2e/%2e%2e/etc/passwd', inRoot('etc', 'passwd')],
    ['unfreeze://app//etc/passwd', inRoot('etc', 'passwd')],
    ['unfreeze://app/assets/../index.html', inRoot('index.html')],
  ])('keeps dot segments of %s inside the root', (url, expected) => {
    expect(resolveAppFile(root, url)).toMatchObject({ ok: true, filePath: expected });
  });

  it.each([
    ['encoded slashes', 'unfreeze://app/..%2f..%2f..%2fetc/passwd', 403],
    ['encoded dots and slash', 'unfreeze://app/%2E%2E%2F%2E%2E%2Fsecret', 403],
    ['mixed encoding', 'unfreeze://app/assets/..%2F..%2F..%2Fsecret', 403],
    ['encoded backslashes', 'unfreeze://app/..%5c..%5cwindows%5cwin.ini', 400],
    ['a NUL byte', 'unfreeze://app/index.html%00.png', 400],
    ['broken percent-encoding', 'unfreeze://app/%E0%A4%A', 400],
    ['another host', 'unfreeze://evil/index.html', 404],
    ['another scheme', 'file:///etc/passwd', 404],
    ['not a URL', 'index.html', 400],
  ])('refuses %s', (_label, url, status) => {
    const result = resolveAppFile(root, url);
    expect(result).toMatchObject({ ok: false, status });
    if (!result.ok) expect(result.reason.length).toBeGreaterThan(0);
  });

  it('never yields a path outside the root, whatever the input', () => {
    const nasty = ['..', '%2e%2e', '%2E%2e', '..%2f', '%2f..', '.%2e', '%252e%252e', '%c0%ae%c0%ae', '...', '/'];
    for (const a of nasty) {
      for (const b of nasty) {
        const result = resolveAppFile(root, `unfreeze://app/${a}/${b}/x`);
        if (result.ok) expect(result.filePath.startsWith(root + path.sep)).toBe(true);
      }
    }
  });

  it('gives the MIME type with the path', () => {
    expect(resolveAppFile(root, 'unfreeze://app/')).toMatchObject({ mimeType: 'text/html; charset=utf-8' });
  });
});

describe('mimeTypeFor', () => {
  it.each([
    ['a.js', 'text/javascript; charset=utf-8'],
    ['a.MJS', 'text/javascript; charset=utf-8'],
    ['a.css', 'text/css; charset=utf-8'],
    ['a.wasm', 'application/wasm'],
    ['a.svg', 'image/svg+xml'],
    ['a.woff2', 'font/woff2'],
    ['a.unknown', 'application/octet-stream'],
    ['Makefile', 'application/octet-stream'],
  ])('%s is %s', (file, type) => {
    expect(mimeTypeFor(file)).toBe(type);
  });
});

describe('response headers', () => {
  it('make the page cross-origin isolated', () => {
    expect(APP_RESPONSE_HEADERS['Cross-Origin-Opener-Policy']).toBe('same-origin');
    expect(APP_RESPONSE_HEADERS['Cross-Origin-Embedder-Policy']).toBe('require-corp');
    expect(APP_RESPONSE_HEADERS['Cross-Origin-Resource-Policy']).toBe('same-origin');
  });

  it('carry a strict CSP with no inline or eval script', () => {
    const directives = new Map(
      CONTENT_SECURITY_POLICY.split(';').map((d) => {
        const [name = '', ...values] = d.trim().split(/\s+/);
        return [name, values];
      }),
    );
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('worker-src')).toEqual(["'self'"]);
    // Nothing inline and nothing from blob:, data: or a WebSocket: the built app uses none of them.
    expect(directives.get('style-src')).toEqual(["'self'"]);
    expect(directives.get('img-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|unsafe-inline|blob:|data:|ws:/);
    expect(APP_RESPONSE_HEADERS['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
  });
});

describe('appProtocolSource', () => {
  it('serves only our host, from the resolved root, with every header', () => {
    const source = appProtocolSource('/srv/unfreeze/out/main/../renderer');
    expect(source.routes).toHaveLength(1);
    const [route] = source.routes;
    expect(route?.match).toEqual({ host: 'app' });
    expect(route?.source).toEqual({ type: 'directory', root, index: 'index.html', headers: APP_RESPONSE_HEADERS });
  });
});
