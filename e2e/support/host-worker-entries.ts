import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'vite';
import type * as TaskHostModule from '../../electron/main/task-host/task-host';
import type * as WorkerPoolModule from '../../shared/pool/worker-pool';
import { PROCESS_ENTRY_TS, THREAD_ENTRY_VIA_TSX } from '../../electron/main/task-host/fixtures/source-entries';

const ROOT = resolve(import.meta.dirname, '../..');

/** The main process's side of the host places, as the bench drives it. */
export type HostKit = typeof TaskHostModule & Pick<typeof WorkerPoolModule, 'WorkerPool'>;

export interface HostWorkerEntries {
  /** 'built': bundled JS as the app ships it; 'tsx': TypeScript compiled on load (slower to start). */
  readonly kind: 'built' | 'tsx';
  readonly thread: string | URL;
  readonly process: string;
  /** Node options a child process needs for this entry. */
  readonly processExecArgv: string[];
  /**
   * The task host and the pool, bundled like the app's main process (electron.vite.config.ts)
   * when `kind` is 'built'. tsx compiles with esbuild's keepNames, which wraps every function in
   * a naming call: on the round trip's not-yet-optimised code that was ~10 % of its time.
   */
  readonly kit: HostKit;
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
            'task-host': resolve(ROOT, 'electron/main/task-host/task-host.ts'),
            'worker-pool': resolve(ROOT, 'shared/pool/worker-pool.ts'),
          },
          output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
        },
      },
    });
    writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
    const load = (name: string) => import(pathToFileURL(join(dir, `${name}.js`)).href);
    const kit = { ...(await load('task-host')), WorkerPool: (await load('worker-pool')).WorkerPool } as HostKit;
    return {
      kind: 'built',
      thread: join(dir, 'thread-entry.js'),
      process: join(dir, 'process-entry.js'),
      processExecArgv: [],
      kit,
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
      kit: {
        ...(await import('../../electron/main/task-host/task-host')),
        WorkerPool: (await import('../../shared/pool/worker-pool')).WorkerPool,
      },
      cleanup: () => {},
    };
  }
}
