import { isAbsolute, resolve } from 'node:path';
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
  'data-echo-entry': 'electron/workers/data-echo-entry.ts',
} as const;

interface WorkerBundle {
  readonly fileName: string;
  readonly code: string;
}

/** One entry as one self-contained ES module, in memory; with the source files it was made of. */
async function bundleEntry(root: string, name: string, source: string) {
  const result = await build({
    configFile: false,
    root,
    logLevel: 'warn',
    // Everything bundled (node: built-ins stay imports): nothing to resolve from node_modules,
    // which sits inside app.asar where the unpacked file cannot reach it.
    ssr: { noExternal: true, target: 'node' },
    build: {
      ssr: true,
      write: false,
      target: 'node22',
      minify: false,
      copyPublicDir: false,
      rollupOptions: {
        input: { [name]: resolve(root, source) },
        output: { format: 'es', entryFileNames: '[name].js', codeSplitting: false },
      },
    },
  });
  if (!Array.isArray(result) && !('output' in result)) throw new Error(`bundling ${source} started a watcher`);
  const chunks = (Array.isArray(result) ? result : [result]).flatMap((output) => output.output);
  const bundles: WorkerBundle[] = [];
  const sources: string[] = [];
  for (const chunk of chunks) {
    if (chunk.type !== 'chunk') throw new Error(`bundling ${source} emitted an asset (${chunk.fileName})`);
    bundles.push({ fileName: `workers/${chunk.fileName}`, code: chunk.code });
    sources.push(...chunk.moduleIds.filter((id) => isAbsolute(id) && !id.includes('node_modules')));
  }
  if (bundles.length !== 1) throw new Error(`${source} was split into ${bundles.length} files; it must be one`);
  return { bundles, sources };
}

/**
 * Builds every worker entry as one self-contained ES module, in a bundle of its own, and adds
 * them to the main build's output as out/main/workers/<name>.js.
 *
 * Why not extra inputs of the main build: Rollup then moves code that index.js and a worker share
 * (zod, the protocol schemas, the IPC validation) into shared chunks. Those chunks would have to
 * sit beside the workers, unpacked, and the main process would load them from outside app.asar,
 * out of reach of ASAR integrity. One bundle per entry repeats a few hundred kB on disk and keeps
 * every file index.js loads inside the archive (electron/dev/installer-contents.test.ts).
 */
export function workerBundles(root: string): Plugin {
  let bundles: WorkerBundle[] = [];
  return {
    name: 'unfreeze-worker-bundles',
    apply: 'build',
    async buildStart() {
      bundles = [];
      for (const [name, source] of Object.entries(WORKER_ENTRIES)) {
        const entry = await bundleEntry(root, name, source);
        bundles.push(...entry.bundles);
        // `npm start` rebuilds (and restarts Electron) when a worker's own sources change too.
        for (const file of entry.sources) this.addWatchFile(file);
      }
    },
    generateBundle() {
      for (const { fileName, code } of bundles) this.emitFile({ type: 'asset', fileName, source: code });
      // Unpacked, the workers are outside the app's package.json: say they are ES modules.
      this.emitFile({ type: 'asset', fileName: 'workers/package.json', source: '{ "type": "module" }\n' });
    },
  };
}
