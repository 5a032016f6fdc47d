import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { PROCESS_ENTRY_TS, THREAD_ENTRY_VIA_TSX } from '../../electron/main/task-host/fixtures/source-entries';

const ROOT = resolve(import.meta.dirname, '../..');

export interface HostWorkerEntries {
  /** 'built': bundled JS as the app ships it; 'tsx': TypeScript compiled on load (slower to start). */
  readonly kind: 'built' | 'tsx';
  readonly thread: string | URL;
  readonly process: string;
  /** Node options a child process needs for this entry. */
  readonly processExecArgv: string[];
  cleanup(): void;
}

/**
 * The background entries for the bench, bundled the way electron.vite.config.ts bundles them
 * (self-contained ES modules, zod included) into a temporary folder, so start-up times are
 * those of the shipped JS and not of tsx compiling TypeScript. Falls back to the sources.
 */
export async function hostWorkerEntries(): Promise<HostWorkerEntries> {
  const dir = mkdtempSync(join(tmpdir(), 'unfreeze-bench-workers-'));
  try {
    await build({
      configFile: false,
      root: ROOT,
      logLevel: 'silent',
      ssr: { noExternal: true },
      build: {
        ssr: true,
        outDir: dir,
        emptyOutDir: false,
        minify: false,
        rollupOptions: {
          input: {
            'thread-entry': resolve(ROOT, 'electron/workers/thread-entry.ts'),
            'process-entry': resolve(ROOT, 'electron/workers/process-entry.ts'),
          },
          output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
        },
      },
    });
    writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
    return {
      kind: 'built',
      thread: join(dir, 'thread-entry.js'),
      process: join(dir, 'process-entry.js'),
      processExecArgv: [],
      cleanup: () => rmSync(dir, { recursive: true, force: true }),
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    console.error(
      `host bench: could not bundle the worker entries (${String(error)}); running them from source with tsx`,
    );
    return {
      kind: 'tsx',
      thread: THREAD_ENTRY_VIA_TSX,
      process: fileURLToPath(PROCESS_ENTRY_TS),
      processExecArgv: ['--import', 'tsx'],
      cleanup: () => {},
    };
  }
}
