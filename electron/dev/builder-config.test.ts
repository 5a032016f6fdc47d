import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Packaging cannot run on machines without Electron's binary, so at least the configuration is
// checked here, with electron-builder's own loader and schema.
const projectDir = fileURLToPath(new URL('../..', import.meta.url));

async function loadConfig() {
  const { getConfig, validateConfiguration } = await import('app-builder-lib/out/util/config/config.js');
  const { DebugLogger } = await import('builder-util');
  const config = await getConfig(projectDir, null, null);
  return { config, validate: () => validateConfiguration(config, new DebugLogger(false)) };
}

describe('electron-builder.yml', () => {
  it('passes electron-builder’s schema', async () => {
    const { validate } = await loadConfig();
    await expect(validate()).resolves.toBeUndefined();
  });

  it('ships the worker entries outside app.asar, and switches off the fuses this app never uses', async () => {
    const { config } = await loadConfig();
    expect(config.asarUnpack).toContain('out/main/workers/**');
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      // An unsigned Apple Silicon build must still carry a valid (ad-hoc) signature to start.
      resetAdHocDarwinSignature: true,
    });
  });
});
