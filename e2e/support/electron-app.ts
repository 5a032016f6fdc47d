import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe } from 'vitest';
import { findElectronBinary } from '../../electron/dev/electron-binary.mjs';

/** The repository root: what electron-vite builds and Electron starts. */
const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * Builds main, preload and renderer exactly as `npm run dist` would (so a test sees current
 * code), starts the built app under the Electron binary at `executablePath`, and waits for its
 * first window's document. The caller closes `app`.
 */
export async function buildAndLaunchElectron(executablePath: string, root = ROOT): Promise<LaunchedElectron> {
  const build = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'],
    {
      cwd: root,
      encoding: 'utf8',
      timeout: 300_000,
    },
  );
  if (build.status !== 0) throw new Error(`electron-vite build failed:\n${build.stdout}\n${build.stderr}`);

  const app = await _electron.launch({
    executablePath,
    // The repository root: Electron runs package.json's main, out/main/index.js.
    // Chromium refuses to start as root unless its OS sandbox is off (CI runs as root).
    args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), root],
    cwd: root,
    // Without the dev server's URL the app loads its built files from unfreeze://app.
    env: Object.fromEntries(
      Object.entries(process.env).filter(
        (entry): entry is [string, string] => entry[0] !== 'ELECTRON_RENDERER_URL' && entry[1] !== undefined,
      ),
    ),
    timeout: 60_000,
  });
  const page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  return { app, page };
}

/** The app under Electron, for the tests of a `describeUnderElectron` block. */
export interface LaunchedElectron {
  readonly app: ElectronApplication;
  /** The app's first window. */
  readonly page: Page;
}

/**
 * A describe block run against the built app under real Electron: built and started once before
 * its tests, closed after them. Where Electron's binary cannot be had (it is downloaded outside the
 * package registries), the block is reported skipped, the reason in its title and in the log, and
 * never counts as passed. Every Electron e2e file starts here, so the skip reads the same in each.
 * `body` reads `electron.app` and `electron.page` inside its tests and hooks (they throw before
 * the launch); `onLaunched` runs once the window is up, to bring it to the screen under test.
 */
export function describeUnderElectron(
  title: string,
  body: (electron: LaunchedElectron) => void,
  onLaunched: (electron: LaunchedElectron) => Promise<void> = async () => {},
): void {
  const binary = findElectronBinary();
  const skipReason = binary.found ? '' : `Electron end-to-end tests skipped: ${binary.reason}`;
  if (!binary.found) console.warn(`${title}: ${skipReason}`);
  let launched: LaunchedElectron | undefined;
  const started = (): LaunchedElectron => {
    if (!launched) throw new Error('Electron was not started (its beforeAll failed or has not run)');
    return launched;
  };
  const electron: LaunchedElectron = {
    get app() {
      return started().app;
    },
    get page() {
      return started().page;
    },
  };
  describe.skipIf(!binary.found)(`${title}${binary.found ? '' : ` (skipped: ${skipReason})`}`, () => {
    beforeAll(async () => {
      if (!binary.found) return;
      launched = await buildAndLaunchElectron(binary.path);
      await onLaunched(launched);
    }, 360_000);
    afterAll(async () => {
      await launched?.app.close();
    });
    body(electron);
  });
}
