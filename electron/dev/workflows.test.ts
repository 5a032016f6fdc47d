import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { validateWorkflow } from '@action-validator/core';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/**
 * The GitHub Actions workflows, checked here because they only run on GitHub: against the
 * workflow schema (action-validator's, bundled in the package: no network), then for what they
 * promise — three platforms, the Electron suites under a display on Linux, unsigned installers
 * kept as artifacts, and a release only from a version tag.
 */
const workflowsDir = fileURLToPath(new URL('../../.github/workflows/', import.meta.url));
const read = (name: string) => readFileSync(`${workflowsDir}${name}`, 'utf8');

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
}
interface Job {
  'runs-on'?: string;
  uses?: string;
  needs?: string | string[];
  strategy?: { matrix: { include: { name: string; os: string; installers: string }[] } };
  steps?: Step[];
  permissions?: Record<string, string>;
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
}

describe('GitHub Actions workflows', () => {
  const files = readdirSync(workflowsDir).filter((name) => /\.ya?ml$/.test(name));

  it('are there: CI and release', () => {
    expect(files.sort()).toEqual(['ci.yml', 'release.yml']);
  });

  it.each(files)('%s passes the workflow schema', (name) => {
    expect(validateWorkflow(read(name)).errors).toEqual([]);
  });

  it('the schema check can fail: a misspelt key is reported', () => {
    const broken = 'name: x\non: push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    stepz: []\n';
    expect(validateWorkflow(broken).errors.length).toBeGreaterThan(0);
  });

  it('CI tests, runs the Electron suites and builds every installer on Linux, Windows and macOS', () => {
    const ci = parse(read('ci.yml')) as Workflow;
    expect(Object.keys(ci.on).sort()).toEqual(['pull_request', 'push', 'workflow_call']);
    expect(ci.permissions).toEqual({ contents: 'read' });
    const job = ci.jobs['desktop'];
    const platforms = job?.strategy?.matrix.include ?? [];
    expect(platforms.map((p) => p.os)).toEqual(['ubuntu-24.04', 'windows-latest', 'macos-latest']);
    expect(platforms.map((p) => p.installers.trim().split('\n'))).toEqual([
      ['dist/*.AppImage', 'dist/*.deb'],
      ['dist/*.exe'],
      ['dist/*.dmg'],
    ]);

    const runs = (job?.steps ?? []).map((step) => step.run ?? step.uses ?? '');
    const at = (command: string) => runs.findIndex((run) => run.includes(command));
    // In order: install, test, fetch Electron, its suites, installers, upload.
    const order = [
      'npm ci',
      'npm test',
      'electron/install.js',
      'e2e/electron.e2e.test.ts',
      'npm run dist',
      'upload-artifact',
    ];
    const positions = order.map(at);
    expect(
      positions.every((p) => p >= 0),
      order.join(', '),
    ).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(runs.some((run) => run.includes('npm run dist -- --publish never'))).toBe(true);

    const electronSuites = (job?.steps ?? []).filter((step) => step.run?.includes('e2e/electron.e2e.test.ts'));
    for (const step of electronSuites) expect(step.run).toContain('e2e/compare.e2e.test.ts');
    expect(electronSuites.find((step) => step.if === "runner.os == 'Linux'")?.run).toMatch(/^xvfb-run /);
    expect(electronSuites.find((step) => step.if === "runner.os != 'Linux'")?.run).not.toContain('xvfb-run');
  });

  it('release runs only for version tags, reuses CI, and alone may write to the repository', () => {
    const release = parse(read('release.yml')) as Workflow;
    expect(release.on).toEqual({ push: { tags: ['v*.*.*'] } });
    expect(release.permissions).toEqual({ contents: 'read' });
    expect(release.jobs['build']?.uses).toBe('./.github/workflows/ci.yml');
    const publish = release.jobs['publish'];
    expect(publish?.needs).toBe('build');
    expect(publish?.permissions).toEqual({ contents: 'write' });
    expect(publish?.steps?.some((step) => step.run?.includes('gh release create'))).toBe(true);
  });
});
