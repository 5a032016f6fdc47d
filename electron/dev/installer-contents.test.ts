import { fork } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { extractFile } from '@electron/asar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPrime } from '../../shared/workloads/primes';
import { createLabRunner } from '../main/lab/lab-runner';
import { labThreadSpawner } from '../main/lab/lab-thread-spawner';
import { importClosure } from './module-imports';
import { packWithStandIn, type StandInPackage } from './stand-in-package';
import { WORKER_ENTRIES } from './worker-bundles';

/**
 * What the installers carry, proven on the real packaging step: electron-builder, this project's
 * electron-builder.yml, this project's build — only Electron itself is a stand-in (see
 * stand-in-package.ts; its fuses are the one step that cannot run here).
 */
const projectDir = fileURLToPath(new URL('../..', import.meta.url));
const workDir = mkdtempSync(path.join(tmpdir(), 'unfreeze-installer-'));
let pkg: StandInPackage;

beforeAll(async () => {
  pkg = await packWithStandIn(projectDir, workDir);
  console.log(`app.asar: ${(statSync(pkg.asarPath).size / 1024).toFixed(0)} KiB, ${pkg.entries.size} entries`);
}, 120_000);
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

const readPacked = (file: string) => {
  if (pkg.entries.get(file) !== 'packed') throw new Error(`${file} is not inside app.asar (${pkg.entries.get(file)})`);
  return extractFile(pkg.asarPath, file).toString('utf8');
};
const files = (state: 'packed' | 'unpacked') => [...pkg.entries].filter(([, s]) => s === state).map(([f]) => f);
const packageJson = () => JSON.parse(readPacked('package.json')) as { main: string; type?: string };

/** The answer of a worker thread or child process to one task message, or a timeout. */
function firstResult(
  on: (listener: (message: unknown) => void) => void,
  send: (message: unknown) => void,
): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no answer within 20 s')), 20_000);
    on((message) => {
      const type = (message as { type?: string }).type;
      if (type === 'result' || type === 'error') {
        clearTimeout(timer);
        resolve(message);
      }
    });
    send({
      type: 'start',
      taskId: 'pack',
      workload: 'primes',
      params: { limit: LIMIT },
      shard: { index: 0, count: 1 },
    });
  });
}
const LIMIT = 20_000;
const expectedPrimes = () => Array.from({ length: LIMIT + 1 }, (_, n) => n).filter(isPrime).length;

describe('the packaged app (electron-builder dir target, stand-in Electron)', () => {
  it('names a main that is inside app.asar', () => {
    const { main } = packageJson();
    expect(main).toBe('./out/main/index.js');
    expect(pkg.entries.get(path.posix.normalize(main))).toBe('packed');
  });

  it('keeps every file the main process and the preload load inside app.asar, and needs no node_modules', () => {
    for (const entry of ['out/main/index.js', 'out/preload/index.cjs']) {
      const closure = importClosure(entry, readPacked);
      expect(closure.files.length).toBeGreaterThan(0);
      for (const file of closure.files) expect(pkg.entries.get(file), file).toBe('packed');
      // Only Node's built-ins and Electron: zod and everything else is bundled in.
      for (const bare of closure.bare) expect(bare, `${entry} imports ${bare}`).toMatch(/^(node:|electron$)/);
    }
    expect(files('packed').filter((f) => f.startsWith('node_modules/'))).toEqual([]);
  });

  it('carries the whole renderer build inside app.asar', () => {
    const built = path.join(workDir, 'project', 'out', 'renderer');
    const rendererFiles = readdirSync(built, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) => path.relative(path.join(workDir, 'project'), path.join(d.parentPath, d.name)).replaceAll('\\', '/'));
    expect(rendererFiles).toContain('out/renderer/index.html');
    expect(rendererFiles.some((f) => f.startsWith('out/renderer/assets/'))).toBe(true);
    for (const file of rendererFiles) expect(pkg.entries.get(file), file).toBe('packed');
    // index.html's scripts and styles are among them.
    const html = readPacked('out/renderer/index.html');
    for (const [, ref] of html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+)"/g)) {
      expect(pkg.entries.get(`out/renderer/${ref}`), ref).toBe('packed');
    }
  });

  it('unpacks the worker entries and nothing else (their package.json says they are ES modules)', () => {
    const expected = Object.keys(WORKER_ENTRIES).map((name) => `out/main/workers/${name}.js`);
    expect(files('unpacked').sort()).toEqual([...expected, 'out/main/workers/package.json'].sort());
    // Each is one self-contained file: it imports nothing but Node's built-ins.
    for (const file of expected) {
      const closure = importClosure(path.basename(file), (f) =>
        extractFile(pkg.asarPath, `out/main/workers/${f}`).toString('utf8'),
      );
      expect(closure.files).toEqual([path.basename(file)]);
      for (const bare of closure.bare) expect(bare, `${file} imports ${bare}`).toMatch(/^node:/);
    }
  });

  it('starts thread-entry from app.asar.unpacked as a worker thread, and it answers a job', async () => {
    const worker = new Worker(path.join(pkg.unpackedDir, 'out/main/workers/thread-entry.js'));
    try {
      const answer = await firstResult(
        (listener) => worker.on('message', listener),
        (message) => worker.postMessage(message),
      );
      expect(answer).toMatchObject({ type: 'result', taskId: 'pack', part: expectedPrimes() });
    } finally {
      await worker.terminate();
    }
  });

  it('starts process-entry from app.asar.unpacked as a child process, and it answers a job', async () => {
    const child = fork(path.join(pkg.unpackedDir, 'out/main/workers/process-entry.js'), [], {
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    try {
      const answer = await firstResult(
        (listener) => child.on('message', listener),
        (message) => child.send(message as object),
      );
      expect(answer).toMatchObject({ type: 'result', taskId: 'pack', part: expectedPrimes() });
    } finally {
      child.kill();
    }
  });

  it('starts lab-thread-entry from app.asar.unpacked as worker threads, and the lab run is exact', async () => {
    const threads = labThreadSpawner(path.join(pkg.unpackedDir, 'out/main/workers/lab-thread-entry.js'));
    const runner = createLabRunner(threads.spawn);
    try {
      const answer = await runner.run({ scenario: 'race', params: { mode: 'atomic', increments: 500 } });
      expect(answer).toMatchObject({ status: 'done', asExpected: true });
    } finally {
      runner.dispose();
      await threads.allExited();
    }
  });
});
