import { realpathSync } from 'node:fs';
import path from 'node:path';
import { HEADER_CONTENT_SECURITY_POLICY } from '../../shared/security/content-security-policy';
import { APP_HOST, APP_SCHEME } from './app-url';

/**
 * What the `unfreeze://app` scheme serves, kept free of Electron so it is tested in plain Node:
 * which file a URL means (never one outside the renderer directory), its MIME type, and the
 * headers every response carries.
 */

/** The production policy, with frame-ancestors (shared/security/content-security-policy.ts says why). */
export const CONTENT_SECURITY_POLICY = HEADER_CONTENT_SECURITY_POLICY;

/**
 * Sent with every file, including worker scripts: COOP + COEP make the page (and its workers)
 * cross-origin isolated, which is what unlocks SharedArrayBuffer and Atomics.wait for the lock
 * and Event demos.
 */
export const APP_RESPONSE_HEADERS: Readonly<Record<string, string>> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  // Files change with every build and are read from local disk: caching only risks stale code.
  'Cache-Control': 'no-store',
};

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export function mimeTypeFor(filePath: string): string {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

export type AppFileResolution =
  | { readonly ok: true; readonly filePath: string; readonly mimeType: string }
  | { readonly ok: false; readonly status: 400 | 403 | 404; readonly reason: string };

/** Resolves every symbolic link in a path; throws for a path that does not exist. */
export type RealPath = (filePath: string) => string;

const outside = (root: string, filePath: string) => {
  const relative = path.relative(root, filePath);
  return relative === '' || relative.startsWith('..') || path.isAbsolute(relative);
};

/**
 * Maps an `unfreeze://app/...` URL to a file inside `rootDir`. Query and fragment are ignored; a
 * path ending in "/" means its index.html. Anything that would leave `rootDir` once decoded
 * (`..`, `%2e%2e`, `..%2f`, backslashes, NUL) is refused, and so is a symbolic link (of the file
 * or of a folder on the way) whose real target lies outside the real `rootDir`: the path served
 * is the real one that was checked. A file that does not exist is a 404.
 */
export function resolveAppFile(
  rootDir: string,
  requestUrl: string,
  realPath: RealPath = realpathSync.native,
): AppFileResolution {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { ok: false, status: 400, reason: 'not a URL' };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) {
    return { ok: false, status: 404, reason: `only ${APP_SCHEME}://${APP_HOST}/ is served` };
  }

  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return { ok: false, status: 400, reason: 'malformed percent-encoding' };
  }
  // A backslash is a separator on Windows, and a NUL truncates paths in native code: neither has
  // a place in the name of a built asset.
  if (decoded.includes('\\') || decoded.includes('\0')) {
    return { ok: false, status: 400, reason: 'forbidden character in path' };
  }
  if (decoded === '' || decoded.endsWith('/')) decoded += 'index.html';

  const root = path.resolve(rootDir);
  // join, not resolve: a leading '/' must stay inside root instead of meaning the filesystem root.
  const filePath = path.join(root, decoded);
  if (outside(root, filePath)) return { ok: false, status: 403, reason: 'path leaves the app directory' };

  let realFile: string;
  let realRoot: string;
  try {
    realRoot = realPath(root);
    realFile = realPath(filePath);
  } catch {
    return { ok: false, status: 404, reason: 'not found' };
  }
  if (outside(realRoot, realFile)) return { ok: false, status: 403, reason: 'a link leads out of the app directory' };
  // The MIME type goes by the name asked for: a link named app.js to a hashed file is still script.
  return { ok: true, filePath: realFile, mimeType: mimeTypeFor(filePath) };
}

/**
 * The same mapping in the declarative form of Electron's `protocol.registerSource` (a
 * `ProtocolSource`), which serves files without a JavaScript handler and therefore keeps loading
 * pages and worker scripts while the main process is deliberately blocked by a demo.
 */
export function appProtocolSource(rootDir: string) {
  return {
    routes: [
      {
        match: { host: APP_HOST },
        source: {
          type: 'directory',
          root: path.resolve(rootDir),
          index: 'index.html',
          headers: { ...APP_RESPONSE_HEADERS },
        },
      },
    ],
  };
}
