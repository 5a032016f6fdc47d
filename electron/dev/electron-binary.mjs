// Finds Electron's executable the way the `electron` package would, but without importing it:
// its index.js starts a download when the binary is missing, which cannot succeed on machines
// that cannot reach Electron's release server. Plain ESM so `npm start` runs it with bare Node.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** The executable's path inside the dist folder, as Electron's install.js writes it to path.txt. */
export function platformExecutable(platform = process.platform) {
  if (platform === 'darwin' || platform === 'mas') return 'Electron.app/Contents/MacOS/Electron';
  if (platform === 'win32') return 'electron.exe';
  return 'electron';
}

function defaultElectronDir() {
  try {
    return path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return undefined;
  }
}

function readPathTxt(electronDir) {
  try {
    return readFileSync(path.join(electronDir, 'path.txt'), 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * @param {{ env?: Record<string, string | undefined>, electronDir?: string, platform?: string }} [options]
 * @returns {{ found: true, path: string } | { found: false, reason: string }}
 */
export function findElectronBinary({
  env = process.env,
  electronDir = defaultElectronDir(),
  platform = process.platform,
} = {}) {
  const check = (candidate, what) =>
    existsSync(candidate)
      ? { found: true, path: candidate }
      : { found: false, reason: `${what} (${candidate}) does not exist.` };

  // electron-vite's own override: it launches exactly this file when it is set.
  if (env.ELECTRON_EXEC_PATH) return check(env.ELECTRON_EXEC_PATH, 'ELECTRON_EXEC_PATH');

  if (!electronDir) return { found: false, reason: 'The electron package is not installed in node_modules.' };
  const executable = readPathTxt(electronDir);

  // Same rule as the electron package: the override names the folder that holds the executable.
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    return check(
      path.join(env.ELECTRON_OVERRIDE_DIST_PATH, executable ?? platformExecutable(platform)),
      'The Electron executable under ELECTRON_OVERRIDE_DIST_PATH',
    );
  }
  if (!executable) {
    return {
      found: false,
      reason: `Electron's binary has never been downloaded: ${path.join(electronDir, 'path.txt')} is missing.`,
    };
  }
  return check(path.join(electronDir, 'dist', executable), "Electron's binary");
}
