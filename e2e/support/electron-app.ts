import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';

/**
 * Builds main, preload and renderer exactly as `npm run dist` would (so a test sees current
 * code), starts the built app under the Electron binary at `executablePath`, and waits for its
 * first window's document. The caller closes `app`.
 */
export async function buildAndLaunchElectron(
  root: string,
  executablePath: string,
): Promise<{ app: ElectronApplication; page: Page }> {
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
