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
  const dir = mkdtempSync(join(tmpdir(), 'unfreeze-desktop-workers-'));
  try {
    await build({
      entryPoints: {
        'thread-entry': resolve(ROOT, 'electron/workers/thread-entry.ts'),
        'process-entry': resolve(ROOT, 'electron/workers/process-entry.ts'),
        'lab-thread-entry': resolve(ROOT, 'electron/workers/lab-thread-entry.ts'),
      },
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
    return {
      thread: join(dir, 'thread-entry.js'),
      process: join(dir, 'process-entry.js'),
      labThread: join(dir, 'lab-thread-entry.js'),
      cleanup: () => rmSync(dir, { recursive: true, force: true }),
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
