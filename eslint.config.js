// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The layer rules of DESIGN.md, enforced:
 *   shared/   — pure: no DOM, Node, Electron, React, and no imports from the other layers;
 *   renderer/ — shared/ and only *types* from electron/preload;
 *   electron/ — shared/, never renderer/; `electron` itself only in thin glue files;
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

/** The only files that may import `electron` (it cannot even be imported in plain Node here). */
const ELECTRON_GLUE = [
  'electron/main/index.ts',
  'electron/main/window.ts',
  'electron/main/app-protocol.ts',
  'electron/main/security.ts',
  'electron/main/ipc-main.ts',
  'electron/main/utility-spawner.ts',
  'electron/main/app-metrics.ts',
  'electron/main/compare-window.ts',
  'electron/preload/index.ts',
  'electron/preload/ipc-renderer.ts',
];
const IPC_MAIN_WRAPPER = 'electron/main/ipc-main.ts';
const IPC_RENDERER_WRAPPER = 'electron/preload/ipc-renderer.ts';

const restrict = (patterns, paths = []) => ['error', { patterns, paths }];

/** `webContents.send(…)` outside the wrapper would skip sendEvent's channel types and its clone-failure report. */
const RAW_WEB_CONTENTS_SEND = [
  'error',
  {
    selector:
      "CallExpression[callee.property.name='send'][callee.object.property.name='webContents'], CallExpression[callee.property.name='send'][callee.object.name=/^(web)?[cC]ontents$/]",
    message: `Events to the page go through sendEvent in ${IPC_MAIN_WRAPPER}, typed by the channel map.`,
  },
];

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
    rules: {
      'no-restricted-syntax': RAW_WEB_CONTENTS_SEND,
      '@typescript-eslint/no-restricted-imports': restrict(
        [{ group: ['**/renderer/**'], message: 'electron/ never imports renderer/.' }],
        [
          {
            name: 'electron',
            message: `Only thin glue files import electron (${ELECTRON_GLUE.join(', ')}), so the rest runs in plain Node.`,
          },
        ],
      ),
    },
  },
  {
    files: ELECTRON_GLUE,
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict(
        [{ group: ['**/renderer/**'], message: 'electron/ never imports renderer/.' }],
        [
          { name: 'electron', importNames: ['ipcMain'], message: `Raw ipcMain lives only in ${IPC_MAIN_WRAPPER}.` },
          {
            name: 'electron',
            importNames: ['ipcRenderer'],
            message: `Raw ipcRenderer lives only in ${IPC_RENDERER_WRAPPER}.`,
          },
        ],
      ),
    },
  },
  {
    files: [IPC_MAIN_WRAPPER, IPC_RENDERER_WRAPPER],
    rules: {
      'no-restricted-syntax': 'off',
      '@typescript-eslint/no-restricted-imports': restrict([
        { group: ['**/renderer/**'], message: 'electron/ never imports renderer/.' },
      ]),
    },
  },
  {
    files: ['*.{ts,js,mjs}', 'e2e/**/*.ts', 'electron/dev/**/*.mjs', '**/*.test.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
);
