import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { probeLinuxSandbox, sandboxAdvice } from './linux-sandbox.mjs';

const helperPath = '/repo/node_modules/electron/dist/chrome-sandbox';
const asInstalledByNpm = { uid: 1000, mode: 0o100755 };
const setuidRoot = { uid: 0, mode: 0o104755 };

describe('sandboxAdvice', () => {
  it('stops npm start on Ubuntu 24.04+ when the helper is not setuid root, and says what to do', () => {
    const advice = sandboxAdvice({ platform: 'linux', restrictUserns: '1\n', helperPath, helper: asInstalledByNpm });
    expect(advice.ok).toBe(false);
    if (advice.ok) return;
    expect(advice.message).toContain('kernel.apparmor_restrict_unprivileged_userns = 1');
    expect(advice.message).toContain(`sudo chown root:root "${helperPath}" && sudo chmod 4755 "${helperPath}"`);
    expect(advice.message).toContain('sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0');
    expect(advice.message).toContain('owner uid 1000, mode 755');
    expect(advice.message).toContain('UNFREEZE_SKIP_SANDBOX_CHECK');
  });

  it('also catches user namespaces switched off altogether, and a missing helper', () => {
    const advice = sandboxAdvice({ platform: 'linux', usernsClone: '0', helperPath });
    expect(advice.ok).toBe(false);
    if (!advice.ok) expect(advice.message).toMatch(/unprivileged_userns_clone = 0.*is missing/s);
  });

  it('lets Electron start where the sandbox can work', () => {
    expect(sandboxAdvice({ platform: 'linux', restrictUserns: '1', helperPath, helper: setuidRoot })).toEqual({
      ok: true,
    });
    expect(sandboxAdvice({ platform: 'linux', restrictUserns: '0', helperPath, helper: asInstalledByNpm })).toEqual({
      ok: true,
    });
    // Kernels without the AppArmor switch (older Ubuntu, other distributions).
    expect(sandboxAdvice({ platform: 'linux', helperPath, helper: asInstalledByNpm })).toEqual({ ok: true });
    expect(sandboxAdvice({ platform: 'darwin', restrictUserns: '1', helperPath })).toEqual({ ok: true });
  });
});

describe('probeLinuxSandbox', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'unfreeze-sandbox-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finds chrome-sandbox beside the binary and reads its owner and mode', () => {
    writeFileSync(path.join(dir, 'chrome-sandbox'), '', { mode: 0o755 });
    const facts = probeLinuxSandbox(path.join(dir, 'electron'), 'linux');
    expect(facts.helperPath).toBe(path.join(dir, 'chrome-sandbox'));
    expect(facts.helper?.uid).toBeTypeOf('number');
    expect((facts.helper?.mode ?? 0) & 0o777).toBe(0o755);
    expect(probeLinuxSandbox(path.join(dir, 'nested', 'electron'), 'linux').helper).toBeUndefined();
  });
});
