import { pathToFileURL } from 'node:url';
import { net, protocol } from 'electron';
import { APP_RESPONSE_HEADERS, appProtocolSource, resolveAppFile } from '../app-files';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES } from '../app-url';

/** Must run before the app's `ready` event: Chromium fixes scheme privileges at startup. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }]);
}

/**
 * Serves the built renderer on `unfreeze://app/`. Where Electron has `protocol.registerSource`
 * (experimental in 45), files are served without a JavaScript handler, so the page keeps loading
 * scripts and worker entries while a demo blocks the main process on purpose. Otherwise, or with
 * UNFREEZE_APP_PROTOCOL=handler, a `protocol.handle` handler does the same job on the main thread.
 */
export function serveAppFiles(rendererDir: string): void {
  if (typeof protocol.registerSource === 'function' && process.env.UNFREEZE_APP_PROTOCOL !== 'handler') {
    protocol.registerSource(APP_SCHEME, appProtocolSource(rendererDir));
    return;
  }
  protocol.handle(APP_SCHEME, (request) => respond(rendererDir, request));
}

async function respond(rendererDir: string, request: Request): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return plain(405, `${request.method} is not allowed`);
  }
  const target = resolveAppFile(rendererDir, request.url);
  if (!target.ok) return plain(target.status, target.reason);

  let file: Response;
  try {
    // net.fetch reads file: URLs inside app.asar too, and streams instead of buffering.
    file = await net.fetch(pathToFileURL(target.filePath).toString());
  } catch {
    return plain(404, 'not found');
  }
  if (!file.ok) return plain(404, 'not found');
  return new Response(request.method === 'HEAD' ? null : file.body, {
    status: 200,
    headers: { ...APP_RESPONSE_HEADERS, 'Content-Type': target.mimeType },
  });
}

function plain(status: number, message: string): Response {
  return new Response(message, {
    status,
    headers: { ...APP_RESPONSE_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' },
  });
}
