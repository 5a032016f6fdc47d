import { pathToFileURL } from 'node:url';
import { net, protocol } from 'electron';
import { APP_RESPONSE_HEADERS, appProtocolSource, resolveAppFile } from '../app-files';
import { chooseAppProtocol, type AppProtocolMode } from '../app-protocol-mode';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES } from '../app-url';
import { messageOf } from '../../../shared/errors/message-of';

/** Must run before the app's `ready` event: Chromium fixes scheme privileges at startup. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }]);
}

/**
 * Serves the built renderer on `unfreeze://app/` — through `protocol.registerSource` where it
 * works, else through a `protocol.handle` handler (see app-protocol-mode.ts for why, and for
 * UNFREEZE_APP_PROTOCOL). An experimental API that throws must not stop the app from starting.
 * Returns the way it serves, for the log.
 */
export function serveAppFiles(rendererDir: string): AppProtocolMode {
  const choice = chooseAppProtocol(process.env.UNFREEZE_APP_PROTOCOL, typeof protocol.registerSource === 'function');
  if (choice.first === 'source') {
    try {
      protocol.registerSource(APP_SCHEME, appProtocolSource(rendererDir));
      return 'source';
    } catch (error) {
      if (!choice.mayFallBack) throw error;
      console.warn(`[protocol] registerSource failed (${messageOf(error)}); serving with protocol.handle instead`);
    }
  }
  protocol.handle(APP_SCHEME, (request) => respond(rendererDir, request));
  return 'handler';
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
