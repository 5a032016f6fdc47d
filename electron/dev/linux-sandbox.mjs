// Ubuntu 24.04 and later restrict unprivileged user namespaces through AppArmor
// (kernel.apparmor_restrict_unprivileged_userns = 1). Chromium's sandbox then needs its SUID
// helper, chrome-sandbox, owned by root with the setuid bit — which an npm install never sets —
// and Electron aborts at once with "The SUID sandbox helper binary was found, but is not
// configured correctly" (electron/electron#41066). `npm start` checks first and says what to do.
// Plain ESM so `npm start` runs it with bare Node.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * The facts that decide it, gathered by probeLinuxSandbox; pure from here on, for tests.
 * @param {{
 *   platform: string,
 *   restrictUserns?: string,
 *   usernsClone?: string,
 *   helperPath: string,
 *   helper?: { uid: number, mode: number },
 * }} facts
 * @returns {{ ok: true } | { ok: false, message: string }}
 */
export function sandboxAdvice({ platform, restrictUserns, usernsClone, helperPath, helper }) {
  if (platform !== 'linux') return { ok: true };
  const restricted = restrictUserns?.trim() === '1';
  // Older Debian kernels switch unprivileged user namespaces off altogether.
  const disabled = usernsClone?.trim() === '0';
  if (!restricted && !disabled) return { ok: true };
  // A root-owned setuid helper is the sandbox Chromium falls back to: then all is well.
  if (helper && helper.uid === 0 && (helper.mode & 0o4000) !== 0) return { ok: true };

  const cause = restricted
    ? 'this system restricts unprivileged user namespaces through AppArmor (kernel.apparmor_restrict_unprivileged_userns = 1, ' +
      'the default since Ubuntu 24.04)'
    : 'this system has unprivileged user namespaces switched off (kernel.unprivileged_userns_clone = 0)';
  const helperState = helper
    ? `is not owned by root with the setuid bit (owner uid ${helper.uid}, mode ${(helper.mode & 0o7777).toString(8)})`
    : 'is missing';
  return {
    ok: false,
    message: [
      `Electron's sandbox cannot start: ${cause}, and the development binary's sandbox helper ${helperPath} ${helperState}.`,
      'Electron would abort at once (electron/electron#41066). Do one of these, then run npm start again:',
      `  1. Make the helper setuid root (again after every npm ci):`,
      `       sudo chown root:root "${helperPath}" && sudo chmod 4755 "${helperPath}"`,
      '  2. Or allow user namespaces for this Electron with an AppArmor profile',
      '     (https://github.com/electron/electron/issues/41066 shows one).',
      '  3. Or, until the next reboot and for the whole system:',
      '       sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0',
      'Never turn the sandbox off (--no-sandbox) for this app: its pages run sandboxed on purpose.',
      'Installed packages are not affected: the .deb installs chrome-sandbox setuid root.',
      'To skip this check (e.g. with your own AppArmor profile), set UNFREEZE_SKIP_SANDBOX_CHECK=1.',
    ].join('\n'),
  };
}

function readOptional(file) {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Gathers the facts for sandboxAdvice on this machine. `binaryPath` is Electron's executable;
 * chrome-sandbox sits beside it.
 * @param {string} binaryPath
 */
export function probeLinuxSandbox(binaryPath, platform = process.platform) {
  const helperPath = path.join(path.dirname(binaryPath), 'chrome-sandbox');
  let helper;
  try {
    const stats = statSync(helperPath);
    helper = { uid: stats.uid, mode: stats.mode };
  } catch {
    helper = undefined;
  }
  return {
    platform,
    restrictUserns: readOptional('/proc/sys/kernel/apparmor_restrict_unprivileged_userns'),
    usernsClone: readOptional('/proc/sys/kernel/unprivileged_userns_clone'),
    helperPath,
    helper,
  };
}
