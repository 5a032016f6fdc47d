import { join, resolve } from 'node:path';
import { build, type Plugin } from 'vite';

/**
 * The background entries, each started by file path (see electron/main/task-host/built-entry.ts):
 * worker_threads and utility processes cannot start a script inside app.asar, so these files,
 * and only these, are shipped unpacked (electron-builder.yml: asarUnpack).
 */
export const WORKER_ENTRIES = {
  'thread-entry': 'electron/workers/thread-entry.ts',
  'process-entry': 'electron/workers/process-entry.ts',
  'lab-thread-entry': 'electron/workers/lab-thread-entry.ts',
} as const;

/**
 * Builds every worker entry as one self-contained ES module, in a bundle of its own.
 *
 * Why not extra inputs of the main build: Rollup then moves code that index.js and a worker share
 * (zod, the protocol schemas, the IPC validation) into shared chunks. Those chunks would have to
 * sit beside the workers, unpacked, and the main process would load them from outside app.asar,
 * out of reach of ASAR integrity. One bundle per entry duplicates a few hundred kB on disk and
 * keeps every file index.js loads inside the archive.
 */
export function workerBundles(root: string): Plugin {
  // The main build's own folder (out/main, or wherever --outDir puts it): workers/ goes inside.
  let mainOutDir = resolve(root, 'out/main');
  return {
    name: 'unfreeze-worker-bundles',
    apply: 'build',
    configResolved(config) {
      mainOutDir = resolve(root, config.build.outDir);
    },
    // After the main bundle is written: electron-vite empties out/main before it writes.
    async closeBundle() {
      for (const [name, source] of Object.entries(WORKER_ENTRIES)) {
        await build({
          configFile: false,
          root,
          logLevel: 'warn',
          // Everything bundled (node: built-ins stay imports): nothing to resolve from node_modules,
          // which sits inside app.asar where the unpacked file cannot reach it.
          ssr: { noExternal: true, target: 'node' },
          build: {
            ssr: true,
            target: 'node22',
            outDir: join(mainOutDir, 'workers'),
            emptyOutDir: false,
            minify: false,
            copyPublicDir: false,
            rollupOptions: {
              input: { [name]: resolve(root, source) },
              output: { format: 'es', entryFileNames: '[name].js', codeSplitting: false },
            },
          },
        });
      }
    },
    // Unpacked, the workers are outside the app's package.json: say they are ES modules.
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'workers/package.json', source: '{ "type": "module" }\n' });
    },
  };
}
