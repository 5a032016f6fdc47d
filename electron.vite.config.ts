import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { rendererConfig } from './renderer/vite.config';

const here = import.meta.dirname;

export default defineConfig({
  main: {
    build: {
      // The worker entries run from app.asar.unpacked (electron-builder.yml), where Node cannot
      // resolve node_modules inside app.asar: bundle zod rather than import it.
      externalizeDeps: { exclude: ['zod'] },
      rollupOptions: {
        input: {
          index: resolve(here, 'electron/main/index.ts'),
          // The background entries: out/main/workers/*.js, started by file path (see builtEntry).
          'workers/thread-entry': resolve(here, 'electron/workers/thread-entry.ts'),
          'workers/process-entry': resolve(here, 'electron/workers/process-entry.ts'),
          'workers/lab-thread-entry': resolve(here, 'electron/workers/lab-thread-entry.ts'),
        },
        // Code shared by index.js and the workers goes beside the workers, so it is unpacked
        // with them; index.js reads it through Electron's asar layer, which follows unpacked files.
        output: { chunkFileNames: 'workers/chunks/[name]-[hash].js' },
      },
    },
    plugins: [
      {
        // Unpacked, the workers are outside the app's package.json: say they are ES modules.
        name: 'unfreeze-workers-package-json',
        generateBundle() {
          this.emitFile({ type: 'asset', fileName: 'workers/package.json', source: '{ "type": "module" }\n' });
        },
      },
    ],
  },
  preload: {
    build: {
      rollupOptions: {
        input: { index: resolve(here, 'electron/preload/index.ts') },
        // A sandboxed preload cannot load ES modules: emit CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    ...rendererConfig,
    build: {
      ...rendererConfig.build,
      rollupOptions: { input: resolve(here, 'renderer/index.html') },
    },
  },
});
