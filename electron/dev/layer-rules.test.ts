import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The layer rules of eslint.config.js, run on small pieces of code placed (virtually) in each
 * layer: what may import `electron`, raw ipcMain / ipcRenderer, and the shell. So a change to the
 * config that opens a layer, or closes one the app needs, fails here and not in review.
 */
const eslint = new ESLint({ cwd: fileURLToPath(new URL('../..', import.meta.url)) });

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\n`, { filePath });
  return (result?.messages ?? []).map((message) => `${message.ruleId ?? 'parse'}: ${message.message}`);
}

const IMPORT_APP = "import { app } from 'electron';\nexport const a = app;";
const IMPORT_IPC_MAIN = "import { ipcMain } from 'electron';\nexport const a = ipcMain;";
const IMPORT_IPC_RENDERER = "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;";
const importFrom = (path: string) => `import { a } from '${path}';\nexport const b = a;`;

describe('the layer rules (eslint.config.js)', () => {
  it.each([
    'electron/main/index.ts',
    'electron/main/shell/window.ts',
    'electron/main/shell/new-glue.ts',
    'electron/preload/index.ts',
  ])('lets the shell import electron: %s', async (file) => {
    expect(await problems(file, IMPORT_APP)).toEqual([]);
  });

  it.each([
    'electron/main/task-host/spawn-utility-process.ts',
    'electron/main/ipc-dispatch.ts',
    'electron/main/lab/lab-runner.ts',
    'electron/workers/process-entry.ts',
    'electron/audience/audience-server.ts',
    'electron/main/shell/window.test.ts',
  ])('keeps electron out of plain-Node code and of tests: %s', async (file) => {
    expect(await problems(file, IMPORT_APP)).toEqual([
      expect.stringMatching(/^@typescript-eslint\/no-restricted-imports: .*Only the shell/),
    ]);
  });

  it('allows raw ipcMain only in the shell’s wrapper, raw ipcRenderer only in the preload’s', async () => {
    expect(await problems('electron/main/shell/ipc-main.ts', IMPORT_IPC_MAIN)).toEqual([]);
    expect(await problems('electron/preload/ipc-renderer.ts', IMPORT_IPC_RENDERER)).toEqual([]);
    for (const file of ['electron/main/index.ts', 'electron/main/shell/window.ts', 'electron/preload/ipc-renderer.ts'])
      expect(await problems(file, IMPORT_IPC_MAIN), file).toEqual([expect.stringMatching(/Raw ipcMain lives only in/)]);
    for (const file of ['electron/preload/index.ts', 'electron/main/shell/ipc-main.ts', 'electron/main/index.ts'])
      expect(await problems(file, IMPORT_IPC_RENDERER), file).toEqual([
        expect.stringMatching(/Raw ipcRenderer lives only/),
      ]);
  });

  it('keeps the node layer from importing the shell, which imports it', async () => {
    expect(await problems('electron/main/index.ts', importFrom('./shell/window'))).toEqual([]);
    expect(await problems('electron/main/shell/compare-window.ts', importFrom('./window'))).toEqual([]);
    expect(await problems('electron/main/task-ipc.ts', importFrom('./shell/ipc-main'))).toEqual([
      expect.stringMatching(/The node layer never imports the shell/),
    ]);
    expect(await problems('electron/main/task-host/task-host.ts', importFrom('../shell/window'))).toHaveLength(1);
  });

  it('keeps worker entries and the preload to shared/ and their own folder', async () => {
    expect(await problems('electron/workers/thread-entry.ts', importFrom('../../shared/run/task-server'))).toEqual([]);
    expect(await problems('electron/workers/thread-entry.ts', importFrom('../main/task-host/pool-size'))).toHaveLength(
      1,
    );
    expect(await problems('electron/preload/index.ts', importFrom('../main/ipc-dispatch'))).toHaveLength(1);
  });

  it('keeps the audience server in plain Node: shared/ and the node layer, never the shell or a worker', async () => {
    expect(await problems('electron/audience/serve-file.ts', importFrom('../main/app-files'))).toEqual([]);
    expect(await problems('electron/audience/cli.ts', importFrom('../../shared/audience/room'))).toEqual([]);
    expect(await problems('electron/audience/cli.ts', importFrom('../main/shell/window'))).toEqual([
      expect.stringMatching(/The node layer never imports the shell/),
    ]);
    expect(await problems('electron/audience/cli.ts', importFrom('../workers/thread-entry'))).toEqual([
      expect.stringMatching(/The audience server imports shared\//),
    ]);
    expect(await problems('electron/audience/cli.ts', importFrom('../../renderer/src/app'))).toEqual([
      expect.stringMatching(/electron\/ never imports renderer/),
    ]);
  });

  it('keeps raw webContents.send in the shell’s ipc wrapper', async () => {
    const send = "declare const contents: { send(channel: string): void };\ncontents.send('metrics');";
    expect(await problems('electron/main/shell/ipc-main.ts', send)).toEqual([]);
    expect(await problems('electron/main/shell/window.ts', send)).toEqual([
      expect.stringMatching(/^no-restricted-syntax: Events to the page go through sendEvent/),
    ]);
  });
});
