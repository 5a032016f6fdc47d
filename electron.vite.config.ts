import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { workerBundles } from './electron/dev/worker-bundles';
import { rendererConfig } from './renderer/vite.config';

const here = import.meta.dirname;

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        // Only the main process here: the worker entries are built one by one, self-contained,
        // by workerBundles (see there why), so nothing index.js imports lives outside app.asar.
        // zod is bundled in too: electron-vite leaves only `dependencies` external, and the
        // package has none, so the app ships no node_modules at all.
        input: { index: resolve(here, 'electron/main/index.ts') },
      },
    },
    plugins: [workerBundles(here)],
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
