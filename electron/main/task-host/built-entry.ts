import { fileURLToPath } from 'node:url';

export type WorkerEntryName = 'thread-entry' | 'process-entry' | 'lab-thread-entry' | 'data-echo-entry';

/**
 * The file path of a background entry in the built app: out/main/workers/<name>.js beside
 * out/main/index.js (electron.vite.config.ts builds them there). Inside a packaged app the
 * path points into app.asar, which Node's worker_threads and a utility process cannot start
 * a script from; electron-builder.yml unpacks out/main/workers/** to app.asar.unpacked.
 *
 * `base` is the URL of the built main bundle: this module's own URL once bundled into
 * out/main/index.js (the default), or whatever a test passes.
 */
export function builtEntry(name: WorkerEntryName, base: string = import.meta.url): string {
  // `base` is a variable on purpose: bundlers rewrite `new URL('…', import.meta.url)` literals.
  const path = fileURLToPath(new URL(`./workers/${name}.js`, base));
  return path.replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2');
}
