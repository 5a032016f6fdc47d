import { fork, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const entry = fileURLToPath(new URL('./process-entry.ts', import.meta.url));

describe('process-entry', () => {
  it('refuses to run without a parent to talk to', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', entry], { encoding: 'utf8', timeout: 20_000 });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('process-entry must be started by utilityProcess.fork or child_process.fork');
  });

  it('exits on its own when its parent goes away, so no orphan keeps running', async () => {
    const child = fork(entry, [], { execArgv: ['--import', 'tsx'], serialization: 'advanced', stdio: 'ignore' });
    const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    // Prove it is serving first, then drop the channel as a dying parent would.
    const answer = new Promise<unknown>((resolve) => child.once('message', resolve));
    child.send({
      type: 'start',
      taskId: 't',
      workload: 'primes',
      params: { limit: 100 },
      shard: { index: 0, count: 1 },
    });
    await expect(answer).resolves.toMatchObject({ taskId: 't' });
    child.disconnect();
    await expect(exit).resolves.toBe(0);
  });
});
