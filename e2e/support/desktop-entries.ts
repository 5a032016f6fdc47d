import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

const ROOT = resolve(import.meta.dirname, '../..');

/** The main side's three background entries, as files a Worker or fork() can start. */
export interface DesktopEntries {
  readonly thread: string;
  readonly process: string;
  readonly labThread: string;
  cleanup(): void;
}

/**
 * The background entries the app ships as out/main/workers/*.js (electron.vite.config.ts), bundled
 * the same way — self-contained ES modules, zod included, chunks shared — but with esbuild into a
 * temporary folder: a fraction of a second, so each thread and process starts on plain JS instead
 * of compiling TypeScript with tsx on every start.
 */
export async function buildDesktopEntries(): Promise<DesktopEntries> {
  const bundle = await bundleForNode('unfreeze-desktop-workers-', {
    'thread-entry': resolve(ROOT, 'electron/workers/thread-entry.ts'),
    'process-entry': resolve(ROOT, 'electron/workers/process-entry.ts'),
    'lab-thread-entry': resolve(ROOT, 'electron/workers/lab-thread-entry.ts'),
  });
  return {
    thread: bundle.file('thread-entry'),
    process: bundle.file('process-entry'),
    labThread: bundle.file('lab-thread-entry'),
    cleanup: bundle.cleanup,
  };
}

/** Entries bundled into a temporary folder as ES modules plain Node can start. */
export interface NodeBundle {
  /** The path of the bundled entry of that name. */
  file(name: string): string;
  cleanup(): void;
}

/**
 * Bundles `entryPoints` (name → source) into a new temporary folder, self-contained ES modules with
 * shared chunks, as electron-vite builds the app's entries; the folder is removed if the build fails.
 */
export async function bundleForNode(prefix: string, entryPoints: Record<string, string>): Promise<NodeBundle> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  try {
    await build({
      entryPoints,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      outdir: dir,
      logLevel: 'silent',
    });
    // Outside the repository's package.json: say they are ES modules, as the app does.
    writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
    return { file: (name) => join(dir, `${name}.js`), cleanup };
  } catch (error) {
    cleanup();
    throw error;
  }
}
