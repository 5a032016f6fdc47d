import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, it, expect } from 'vitest';
import { findElectronBinary, platformExecutable } from './electron-binary.mjs';

const scratch = mkdtempSync(path.join(tmpdir(), 'unfreeze-electron-binary-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A fake node_modules/electron folder; `binary` creates dist/<path.txt>. */
function fakeElectron(name: string, { pathTxt, binary }: { pathTxt?: string; binary?: boolean }): string {
  const dir = path.join(scratch, name);
  mkdirSync(path.join(dir, 'dist'), { recursive: true });
  if (pathTxt !== undefined) writeFileSync(path.join(dir, 'path.txt'), pathTxt);
  if (binary && pathTxt) writeFileSync(path.join(dir, 'dist', pathTxt), '');
  return dir;
}

describe('findElectronBinary', () => {
  it('finds dist/<path.txt> when it was downloaded', () => {
    const electronDir = fakeElectron('installed', { pathTxt: 'electron', binary: true });
    expect(findElectronBinary({ env: {}, electronDir })).toEqual({
      found: true,
      path: path.join(electronDir, 'dist', 'electron'),
    });
  });

  it('explains a missing path.txt (the download never happened)', () => {
    const electronDir = fakeElectron('never-downloaded', {});
    const result = findElectronBinary({ env: {}, electronDir });
    expect(result.found).toBe(false);
    if (!result.found) expect(result.reason).toMatch(/never been downloaded: .*path\.txt is missing/);
  });

  it('explains a path.txt whose binary is gone', () => {
    const electronDir = fakeElectron('deleted', { pathTxt: 'electron' });
    const result = findElectronBinary({ env: {}, electronDir });
    expect(result).toEqual({
      found: false,
      reason: `Electron's binary (${path.join(electronDir, 'dist', 'electron')}) does not exist.`,
    });
  });

  it('looks in ELECTRON_OVERRIDE_DIST_PATH, even without path.txt', () => {
    const electronDir = fakeElectron('override-pkg', {});
    const distDir = path.join(scratch, 'override-dist');
    mkdirSync(distDir);
    writeFileSync(path.join(distDir, 'electron'), '');
    const env = { ELECTRON_OVERRIDE_DIST_PATH: distDir };
    expect(findElectronBinary({ env, electronDir, platform: 'linux' })).toEqual({
      found: true,
      path: path.join(distDir, 'electron'),
    });
    const result = findElectronBinary({ env, electronDir, platform: 'win32' });
    expect(result.found).toBe(false);
    if (!result.found) expect(result.reason).toContain('ELECTRON_OVERRIDE_DIST_PATH');
  });

  it('prefers ELECTRON_EXEC_PATH, which electron-vite itself honours', () => {
    const exec = path.join(scratch, 'my-electron');
    writeFileSync(exec, '');
    const electronDir = fakeElectron('exec-pkg', {});
    expect(findElectronBinary({ env: { ELECTRON_EXEC_PATH: exec }, electronDir })).toEqual({ found: true, path: exec });
  });

  it('knows each platform executable name', () => {
    expect(platformExecutable('linux')).toBe('electron');
    expect(platformExecutable('win32')).toBe('electron.exe');
    expect(platformExecutable('darwin')).toBe('Electron.app/Contents/MacOS/Electron');
  });
});

describe('npm start without a binary', () => {
  it('prints one paragraph pointing at the web edition and exits 1', () => {
    const emptyDist = mkdtempSync(path.join(scratch, 'empty-'));
    const env: NodeJS.ProcessEnv = { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: emptyDist };
    delete env.ELECTRON_EXEC_PATH;
    const run = spawnSync(process.execPath, [path.join(import.meta.dirname, 'start.mjs')], {
      env,
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    const message = run.stderr.trim();
    expect(message.split('\n')).toHaveLength(1);
    expect(message).toContain("Electron's release server");
    expect(message).toContain('npm run web');
  });
});
