import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { listPackage } from '@electron/asar';

/**
 * `npm run dist` without Electron's binary: electron-builder's `dir` target, for Linux, run on
 * this very project's build, with a stand-in Electron distribution (`electronDist`: a folder of
 * placeholder files, since the real one is downloaded outside the package registries). What
 * electron-builder does with the app — which files, asar or unpacked, package.json — does not
 * depend on the binary, so the resulting app.asar is the one the installers would carry.
 *
 * Not covered: Electron's fuses (electronFuses), which @electron/fuses flips inside the real
 * binary — a placeholder has no fuse wire, so that one step is switched off here.
 */

export interface StandInPackage {
  /** resources/ of the packaged app: app.asar and app.asar.unpacked. */
  readonly resourcesDir: string;
  readonly asarPath: string;
  readonly unpackedDir: string;
  /** Every file in the archive ('/'-separated, no leading slash), and whether it is unpacked. */
  readonly entries: ReadonlyMap<string, 'packed' | 'unpacked'>;
}

/** A folder shaped like Electron's Linux zip: the executable and a locale, all placeholders. */
export function writeStandInElectron(dir: string): void {
  mkdirSync(path.join(dir, 'locales'), { recursive: true });
  mkdirSync(path.join(dir, 'resources'), { recursive: true });
  writeFileSync(path.join(dir, 'electron'), '#!/bin/sh\necho "stand-in for Electron"\n', { mode: 0o755 });
  writeFileSync(path.join(dir, 'locales', 'en-US.pak'), '');
  writeFileSync(path.join(dir, 'version'), 'stand-in');
}

/** The project's main, preload and renderer, built by electron-vite into `outDir` (not the repo's out/). */
export function buildApp(projectDir: string, outDir: string): void {
  const electronVite = path.join(projectDir, 'node_modules/electron-vite/bin/electron-vite.js');
  const run = spawnSync(process.execPath, [electronVite, 'build', '--outDir', outDir, '--logLevel', 'warn'], {
    cwd: projectDir,
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (run.status !== 0) throw new Error(`electron-vite build failed:\n${run.stdout}\n${run.stderr}`);
}

function listEntries(asarPath: string): Map<string, 'packed' | 'unpacked'> {
  const entries = new Map<string, 'packed' | 'unpacked'>();
  for (const line of listPackage(asarPath, { isPack: true })) {
    const match = /^(pack|unpack)\s*:\s*(.+)$/.exec(line);
    if (!match?.[1] || !match[2]) continue;
    entries.set(match[2].replaceAll('\\', '/').replace(/^\//, ''), match[1] === 'pack' ? 'packed' : 'unpacked');
  }
  return entries;
}

/**
 * Packs the project into `workDir`: a scratch copy of the project (package.json, the build,
 * resources/) so nothing in the repository changes, then electron-builder with the project's own
 * electron-builder.yml and only these overrides: the stand-in Electron, no fuses, no rebuild of
 * native modules (there are none), output inside `workDir`.
 */
export async function packWithStandIn(projectDir: string, workDir: string): Promise<StandInPackage> {
  const stageDir = path.join(workDir, 'project');
  const electronDist = path.join(workDir, 'electron-dist');
  mkdirSync(stageDir, { recursive: true });
  cpSync(path.join(projectDir, 'package.json'), path.join(stageDir, 'package.json'));
  symlinkSync(path.join(projectDir, 'resources'), path.join(stageDir, 'resources'), 'junction');
  buildApp(projectDir, path.join(stageDir, 'out'));
  writeStandInElectron(electronDist);

  const { getConfig } = await import('app-builder-lib/out/util/config/config.js');
  const { build, Platform, Arch } = await import('electron-builder');
  const projectConfig = await getConfig(projectDir, null, null);
  const electron = JSON.parse(readFileSync(path.join(projectDir, 'node_modules/electron/package.json'), 'utf8')) as {
    version: string;
  };
  await build({
    projectDir: stageDir,
    targets: Platform.LINUX.createTarget('dir', Arch.x64),
    publish: 'never',
    config: {
      ...projectConfig,
      electronVersion: electron.version,
      electronDist,
      electronFuses: null,
      npmRebuild: false,
      directories: { ...projectConfig.directories, output: path.join(workDir, 'dist') },
    },
  });
  const resourcesDir = path.join(workDir, 'dist', 'linux-unpacked', 'resources');
  const asarPath = path.join(resourcesDir, 'app.asar');
  return { resourcesDir, asarPath, unpackedDir: `${asarPath}.unpacked`, entries: listEntries(asarPath) };
}
