import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const entry = fileURLToPath(new URL('./thread-entry.ts', import.meta.url));

describe('thread-entry', () => {
  // Serving through it is covered by the task host's tests (electron/main/task-host).
  it('refuses to run outside a worker thread', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', entry], { encoding: 'utf8', timeout: 20_000 });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('thread-entry must run as a worker thread');
  });
});
