// `npm start`: run the desktop app in development (electron-vite dev), or explain in one
// paragraph why it cannot run here instead of failing inside Electron's download step.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { findElectronBinary } from './electron-binary.mjs';
import { probeLinuxSandbox, sandboxAdvice } from './linux-sandbox.mjs';

const require = createRequire(import.meta.url);

/** Electron 42+ fetches its binary on first use: let its own installer try once, quietly. */
function downloadElectron() {
  const installer = path.join(path.dirname(require.resolve('electron/package.json')), 'install.js');
  console.log("Downloading Electron's binary (first start only)…");
  const result = spawnSync(process.execPath, [installer], {
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    timeout: 600_000,
  });
  return result.status === 0 ? '' : (result.stderr.split('\n').find((line) => /error/i.test(line)) ?? '').trim();
}

let binary = findElectronBinary();
let downloadError = '';
if (!binary.found && !process.env.ELECTRON_OVERRIDE_DIST_PATH && !process.env.ELECTRON_EXEC_PATH) {
  downloadError = downloadElectron();
  binary = findElectronBinary();
}

if (!binary.found) {
  console.error(
    `Unfreeze cannot start the desktop app on this machine: Electron's own binary is missing. ${binary.reason} ` +
      "npm install only fetches the electron package; the binary itself is downloaded from Electron's release server " +
      `the first time the app starts, and that download failed${downloadError ? ` (${downloadError})` : ''}. ` +
      'The web edition runs the same renderer in a browser: npm run web. If you have an Electron 45 binary, set ' +
      'ELECTRON_OVERRIDE_DIST_PATH to the folder that contains it.',
  );
  process.exit(1);
}

// Ubuntu 24.04+: Electron would abort in its sandbox check before a window opens.
if (!process.env.UNFREEZE_SKIP_SANDBOX_CHECK) {
  const advice = sandboxAdvice(probeLinuxSandbox(binary.path));
  if (!advice.ok) {
    console.error(advice.message);
    process.exit(1);
  }
}

const electronVitePackage = require.resolve('electron-vite/package.json');
const electronViteBin = path.join(path.dirname(electronVitePackage), require(electronVitePackage).bin['electron-vite']);

// Run the bin through Node rather than node_modules/.bin, which is a .cmd shim on Windows.
// ELECTRON_EXEC_PATH makes electron-vite launch the very binary found above (it does not read
// ELECTRON_OVERRIDE_DIST_PATH itself).
const child = spawn(process.execPath, [electronViteBin, 'dev', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, ELECTRON_EXEC_PATH: binary.path },
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  // Stay alive until the child has shut Electron down, so the exit code below is the real one.
  process.on(signal, () => child.kill(signal));
}
child.on('error', (error) => {
  console.error(`Could not run electron-vite: ${error.message}`);
  process.exit(1);
});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
