import { describe, expect, it } from 'vitest';
import { flood } from './fixtures/flood';
import { createSenderQuota, MAX_TASKS_PER_WINDOW } from './sender-quota';

/**
 * One window floods the worker-thread pool (real threads) with 64-share tasks, then closes. Before
 * the cap and the O(1) queue removal, 2,000 such tasks held the main loop for 9 s on senderGone
 * and 5,000 for 129 s (indexOf + splice per job): see ARCHITECTURE.md, "Limits".
 */
describe('a window flooding the task host', () => {
  it('is refused past its cap, with the cap in the message', async () => {
    const figures = await flood(200);
    expect(figures.accepted).toBe(MAX_TASKS_PER_WINDOW);
    expect(figures.refused).toBe(200 - MAX_TASKS_PER_WINDOW);
    expect(figures.firstRefusal).toContain(`at most ${MAX_TASKS_PER_WINDOW} per window`);
    expect(figures.senderGoneMs).toBeLessThan(200);
  }, 60_000);

  it('closing with 128,000 jobs queued blocks the main loop well under a second (linear cancel)', async () => {
    const figures = await flood(2_000, { quota: createSenderQuota(Infinity) });
    expect(figures.accepted).toBe(2_000);
    expect(figures.queuedJobs).toBeGreaterThan(127_000);
    // 9,114 ms before; about 100 ms now, on a loaded two-core machine.
    expect(figures.senderGoneMs).toBeLessThan(1_500);
  }, 60_000);
});
