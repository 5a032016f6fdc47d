// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The layer rules of ARCHITECTURE.md ("Layers"), enforced:
 *   shared/   — pure: no DOM, Node, Electron, React, and no imports from the other layers;
 *   renderer/ — shared/ and only *types* from electron/preload;
 *   electron/ — shared/, never renderer/; inside it, layers by folder (ELECTRON_LAYERS below);
 *   raw ipcMain / ipcRenderer (and webContents.send) in one wrapper file each.
 */
const NODE_BUILTINS = [
  'node:*',
  'fs',
  'path',
  'os',
  'child_process',
  'worker_threads',
  'perf_hooks',
  'crypto',
  'url',
  'util',
  'events',
  'stream',
  'http',
  'net',
];

/**
 * Layers inside electron/ by folder, after VS Code's `common / node / electron-main`:
 *   shared/                        common — pure TypeScript, any process (its own rules above);
 *   electron/main/**, workers/**   node — plain Node: tests load it without Electron, which
 *                                  cannot even be imported here; Electron's pieces come in as
 *                                  parameters (utilityProcess.fork, app.getAppMetrics, …);
 *   electron/main/shell/**         electron-main — the thin files that touch Electron's API
 *                                  (windows, protocol, security, the ipcMain wrapper, metrics);
 *   electron/main/index.ts         the entry: wires the shell to the node layer (electron-vite
 *                                  expects it here);
 *   electron/preload/**            the sandboxed preload, with its ipcRenderer wrapper;
 *   electron/audience/**           node — the audience session server (plain Node, started by
 *                                  the entry's glue or by `npm run audience`).
 * Only the shell, the entry and the preload may import `electron`; the node layer never imports
 * the shell; a worker entry imports only shared/ and its own folder.
 */
const ELECTRON_SHELL = ['electron/main/index.ts', 'electron/main/shell/**/*.ts', 'electron/preload/**/*.ts'];
const IPC_MAIN_WRAPPER = 'electron/main/shell/ipc-main.ts';
const IPC_RENDERER_WRAPPER = 'electron/preload/ipc-renderer.ts';
const TESTS = ['**/*.test.ts'];

const restrict = (patterns, paths = []) => ['error', { patterns, paths }];

/** `webContents.send(…)` outside the wrapper would skip sendEvent's channel types and its clone-failure report. */
const RAW_WEB_CONTENTS_SEND = [
  'error',
  {
    selector:
      "CallExpression[callee.property.name='send'][callee.object.property.name='webContents'], " +
      "CallExpression[callee.property.name='send'][callee.object.name=/^(web)?[cC]ontents$/]",
    message: `Events to the page go through sendEvent in ${IPC_MAIN_WRAPPER}, typed by the channel map.`,
  },
];

const NOT_RENDERER = { group: ['**/renderer/**'], message: 'electron/ never imports renderer/.' };
const NO_ELECTRON = {
  name: 'electron',
  message: `Only the shell imports electron (${ELECTRON_SHELL.join(', ')}): the rest runs in plain Node.`,
};
const NOT_THE_SHELL = {
  group: ['**/shell/**', '**/shell'],
  message:
    'The node layer never imports the shell: the shell imports it, and passes in the pieces of Electron it needs.',
};
const RAW_IPC_MAIN = {
  name: 'electron',
  importNames: ['ipcMain'],
  message: `Raw ipcMain lives only in ${IPC_MAIN_WRAPPER}.`,
};
const RAW_IPC_RENDERER = {
  name: 'electron',
  importNames: ['ipcRenderer'],
  message: `Raw ipcRenderer lives only in ${IPC_RENDERER_WRAPPER}.`,
};
/** One block's import rules in electron/ (a later block replaces an earlier one's, so each says all). */
const electronImports = (patterns, paths) => ({
  '@typescript-eslint/no-restricted-imports': restrict([NOT_RENDERER, ...patterns], paths),
});

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '**/*.d.mts', 'shared/pool/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // Prettier wraps code at 120 but leaves strings and class lists whole: this catches those.
      'max-len': ['error', { code: 140, ignoreUrls: true }],
    },
  },

  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': restrict([
        {
          group: ['electron', 'react', 'react-dom', ...NODE_BUILTINS],
          message: 'shared/ is pure: no Electron, Node, DOM or React.',
        },
        {
          group: ['**/renderer/**', '**/electron/**'],
          message: 'shared/ is the inner layer: it imports nothing from renderer/ or electron/.',
        },
      ]),
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'process',
        'require',
        'navigator',
        'self',
        'performance',
        'setTimeout',
        'setInterval',
      ],
    },
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-hooks/refs': 'off',
      '@typescript-eslint/no-restricted-imports': restrict([
        {
          group: ['electron', ...NODE_BUILTINS],
          message: 'The renderer is sandboxed: it talks to Electron only through window.unfreeze.',
        },
        {
          group: ['**/electron/main/**', '**/electron/workers/**', '**/electron/dev/**'],
          message: 'renderer/ may not import the main process.',
        },
        {
          group: ['**/electron/preload/**'],
          allowTypeImports: true,
          message: 'renderer/ may import only types from electron/preload.',
        },
      ]),
    },
  },
  {
    files: ['electron/**/*.{ts,mts}'],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-restricted-syntax': RAW_WEB_CONTENTS_SEND, ...electronImports([], [NO_ELECTRON]) },
  },
  {
    files: ['electron/main/**/*.ts'],
    ignores: [...ELECTRON_SHELL, ...TESTS],
    rules: electronImports([NOT_THE_SHELL], [NO_ELECTRON]),
  },
  {
    // The audience server: plain Node (the desktop app starts it through its glue, `npm run audience` from tsx).
    files: ['electron/audience/**/*.ts'],
    ignores: TESTS,
    rules: electronImports(
      [
        NOT_THE_SHELL,
        {
          group: ['**/preload/**', '**/workers/**', '**/main/index'],
          message: 'The audience server imports shared/, Node and the node layer of electron/main only.',
        },
      ],
      [NO_ELECTRON],
    ),
  },
  {
    files: ['electron/workers/**/*.ts'],
    ignores: TESTS,
    rules: electronImports(
      [
        {
          group: ['**/main/**', '**/preload/**'],
          message: 'A worker entry runs alone in its thread or process: it imports shared/ and its own folder only.',
        },
      ],
      [NO_ELECTRON],
    ),
  },
  {
    files: ['electron/preload/**/*.ts'],
    ignores: TESTS,
    rules: electronImports(
      [
        {
          group: ['**/main/**', '**/workers/**'],
          message: 'The preload runs sandboxed in the page’s process: it imports shared/ and its own folder only.',
        },
      ],
      [RAW_IPC_MAIN, RAW_IPC_RENDERER],
    ),
  },
  {
    files: ELECTRON_SHELL,
    ignores: ['electron/preload/**', ...TESTS],
    rules: electronImports([], [RAW_IPC_MAIN, RAW_IPC_RENDERER]),
  },
  {
    files: [IPC_MAIN_WRAPPER],
    rules: { 'no-restricted-syntax': 'off', ...electronImports([], [RAW_IPC_RENDERER]) },
  },
  {
    files: [IPC_RENDERER_WRAPPER],
    rules: {
      'no-restricted-syntax': 'off',
      ...electronImports(
        [{ group: ['**/main/**', '**/workers/**'], message: 'The preload imports shared/ only.' }],
        [RAW_IPC_MAIN],
      ),
    },
  },
  {
    files: ['*.{ts,js,mjs}', 'e2e/**/*.ts', 'electron/dev/**/*.mjs', 'electron/**/fixtures/**/*.mjs', '**/*.test.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
);
