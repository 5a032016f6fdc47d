import { realpathSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, it, expect } from 'vitest';
import { mulberry32 } from '../../shared/testing/mulberry32';
import { makeLinkedTree } from './fixtures/linked-tree';
import {
  APP_RESPONSE_HEADERS,
  CONTENT_SECURITY_POLICY,
  appProtocolSource,
  mimeTypeFor,
  resolveAppFile,
} from './app-files';

const root = path.resolve('/srv/unfreeze/out/renderer');
const inRoot = (...parts: string[]) => path.join(root, ...parts);
/** A disk where every path exists and nothing is a link: these tests are about the URL alone. */
const lexical = (filePath: string) => filePath;

describe('resolveAppFile', () => {
  it.each([
    ['unfreeze://app/index.html', inRoot('index.html')],
    ['unfreeze://app/', inRoot('index.html')],
    ['unfreeze://app', inRoot('index.html')],
    ['unfreeze://app/assets/index-abc123.js?v=1#x', inRoot('assets', 'index-abc123.js')],
    ['unfreeze://app/assets/', inRoot('assets', 'index.html')],
    ['unfreeze://app/assets/my%20file.css', inRoot('assets', 'my file.css')],
  ])('maps %s inside the root', (url, expected) => {
    expect(resolveAppFile(root, url, lexical)).toMatchObject({ ok: true, filePath: expected });
  });

  // The URL parser already folds "..", "%2e%2e" and "//" back inside; what is left must stay there.
  it.each([
    ['unfreeze://app/../../etc/passwd', inRoot('etc', 'passwd')],
    ['unfreeze://app/%2e%2e/%2e%2e/etc/passwd', inRoot('etc', 'passwd')],
    ['unfreeze://app//etc/passwd', inRoot('etc', 'passwd')],
    ['unfreeze://app/assets/../index.html', inRoot('index.html')],
  ])('keeps dot segments of %s inside the root', (url, expected) => {
    expect(resolveAppFile(root, url, lexical)).toMatchObject({ ok: true, filePath: expected });
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
    const result = resolveAppFile(root, url, lexical);
    expect(result).toMatchObject({ ok: false, status });
    if (!result.ok) expect(result.reason.length).toBeGreaterThan(0);
  });

  it('never yields a path outside the root, whatever the input', () => {
    const nasty = ['..', '%2e%2e', '%2E%2e', '..%2f', '%2f..', '.%2e', '%252e%252e', '%c0%ae%c0%ae', '...', '/'];
    for (const a of nasty) {
      for (const b of nasty) {
        const result = resolveAppFile(root, `unfreeze://app/${a}/${b}/x`, lexical);
        if (result.ok) expect(result.filePath.startsWith(root + path.sep)).toBe(true);
      }
    }
  });

  it('gives the MIME type with the path', () => {
    expect(resolveAppFile(root, 'unfreeze://app/', lexical)).toMatchObject({ mimeType: 'text/html; charset=utf-8' });
  });
});

describe('resolveAppFile on a real folder tree with symbolic links', () => {
  // tmp/secret.txt and tmp/outside/ lie beside the served folder tmp/renderer/, which links to them.
  let tmp = '';
  let served = '';
  beforeAll(() => {
    ({ tmp, served } = makeLinkedTree('unfreeze-app-files-'));
    symlinkSync(path.join(served, 'assets', 'app-1234.js'), path.join(served, 'app.js'));
    symlinkSync(path.join(tmp, 'nowhere'), path.join(served, 'dangling.js'));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it.each([
    ['a link to a file outside', 'secret.txt'],
    ['a file in a linked folder outside', 'linked-dir/data.json'],
    ['a relative link up and out', 'assets/relative.txt'],
  ])('refuses %s (403)', (_label, name) => {
    expect(resolveAppFile(served, `unfreeze://app/${name}`)).toEqual({
      ok: false,
      status: 403,
      reason: 'a link leads out of the app directory',
    });
  });

  it('serves a link that stays inside, as its real target, with the type of the name asked for', () => {
    expect(resolveAppFile(served, 'unfreeze://app/app.js')).toEqual({
      ok: true,
      filePath: path.join(served, 'assets', 'app-1234.js'),
      mimeType: 'text/javascript; charset=utf-8',
    });
    expect(resolveAppFile(served, 'unfreeze://app/')).toMatchObject({
      ok: true,
      filePath: path.join(served, 'index.html'),
    });
  });

  it('serves nothing outside the real root for 2,000 random paths through the links', () => {
    const random = mulberry32(0xf11e);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    const segments = ['..', '%2e%2e', '%2f', '..%2f', '', 'assets', 'linked-dir', 'secret.txt', 'app.js', '%00', '%5c'];
    for (let i = 0; i < 2000; i++) {
      const parts = Array.from({ length: 1 + Math.floor(random() * 5) }, () => pick(segments));
      const result = resolveAppFile(served, `unfreeze://app/${parts.join('/')}`);
      if (result.ok) expect(realpathSync(result.filePath).startsWith(served + path.sep), parts.join('/')).toBe(true);
      else expect([400, 403, 404]).toContain(result.status);
    }
  });

  it('answers 404 for a missing file or a dangling link, and serves through a linked root', () => {
    expect(resolveAppFile(served, 'unfreeze://app/missing.js')).toMatchObject({ ok: false, status: 404 });
    expect(resolveAppFile(served, 'unfreeze://app/dangling.js')).toMatchObject({ ok: false, status: 404 });
    const linkedRoot = path.join(tmp, 'root-link');
    symlinkSync(served, linkedRoot);
    expect(resolveAppFile(linkedRoot, 'unfreeze://app/index.html')).toMatchObject({ ok: true });
    expect(resolveAppFile(linkedRoot, 'unfreeze://app/secret.txt')).toMatchObject({ ok: false, status: 403 });
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
