import { createReadStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { resolveAppFile } from '../main/app-files';
import { APP_ORIGIN } from '../main/app-url';

/**
 * Answers a plain HTTP request with a file of the built renderer (`root`, out/web) and nothing
 * else: the path is resolved by the app's own tested resolver (electron/main/app-files.ts), which
 * refuses `..`, encoded `%2e%2e`, backslashes, NUL and links leading out of the folder. Only GET
 * and HEAD; every answer carries `headers` (the CSP among them), refusals too.
 */
export function serveFile(
  root: string,
  headers: Readonly<Record<string, string>>,
  request: IncomingMessage,
  response: ServerResponse,
): void {
  const refuse = (status: number, reason: string) => {
    response.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
    response.end(`${reason}\n`);
  };
  if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405, 'Only GET and HEAD are served.');
  const target = request.url ?? '';
  // Origin-form only ("/path?query"): an absolute URL or "*" is not a file of ours.
  if (!target.startsWith('/')) return refuse(400, 'Bad request target.');
  const file = resolveAppFile(root, `${APP_ORIGIN}${target}`);
  if (!file.ok) return refuse(file.status, `Not served: ${file.reason}.`);
  response.writeHead(200, { ...headers, 'Content-Type': file.mimeType });
  if (request.method === 'HEAD') return void response.end();
  createReadStream(file.filePath)
    .on('error', () => response.destroy())
    .pipe(response);
}
