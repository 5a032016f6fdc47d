import { performance } from 'node:perf_hooks';
import { afterAll, describe, expect, it } from 'vitest';
import { WorkerPool, type SpawnWorker } from '../../../shared/pool/worker-pool';
import { runInPool } from '../../../shared/run/run-in-pool';
import { traceClock } from '../../../shared/trace/trace-clock';
import type { WireTrace } from '../../../shared/trace/wire-trace';
import { sourceProcessSpawner, sourceThreadSpawner } from '../task-host/fixtures/source-entries';
import { nodeTimers } from '../task-host/node-thread';

/**
 * One clock across Node's main thread, worker threads and child processes (the stand-ins for
 * utility processes): every span a worker reports, on its own `timeOrigin + now()`, must lie
 * inside the requester's own start and end of that task, read on the requester's clock, and
 * every message must arrive after it was sent. Real threads and processes, real workloads.
 */
const clock = traceClock(performance);
const pools: WorkerPool[] = [];
afterAll(() => pools.forEach((p) => p.dispose()));

async function tracedRun(spawn: SpawnWorker) {
  const pool = new WorkerPool(2, spawn, nodeTimers);
  pools.push(pool);
  // A warm-up run first: a worker's boot is not part of the task being timed.
  await runInPool(pool, { workload: 'primes', params: { limit: 1000 } }, { onProgress: () => {} }, clock).outcome;
  const arrivals: { trace: WireTrace; receivedMs: number; lane: number }[] = [];
  const startMs = clock();
  const task = runInPool(
    pool,
    {
      workload: 'mandelbrot',
      params: { width: 320, height: 200, maxIterations: 300, centerRe: -0.5, centerIm: 0, span: 3 },
    },
    { onProgress: () => {}, onTrace: (trace, lane) => arrivals.push({ trace, receivedMs: clock(), lane }) },
    clock,
  );
  const outcome = await task.outcome;
  const endMs = clock();
  return { outcome, startMs, endMs, arrivals };
}

describe.each([
  ['worker threads', sourceThreadSpawner],
  ['child processes', () => sourceProcessSpawner()],
])('the trace clock in %s', (_label, spawner) => {
  it("puts every job span inside the requester's start..end, and every message after its sending", async () => {
    const { outcome, startMs, endMs, arrivals } = await tracedRun(spawner());
    expect(outcome.status).toBe('done');
    const spans = arrivals.flatMap((a) => a.trace.spans);
    const jobs = spans.filter((s) => s.name.startsWith('job '));
    expect(jobs.map((j) => j.name).sort()).toEqual(['job 1/2', 'job 2/2']);
    expect(spans.filter((s) => s.name === 'chunk').length).toBeGreaterThan(0);
    for (const s of spans) {
      expect(s.startMs).toBeGreaterThanOrEqual(startMs);
      expect(s.endMs).toBeLessThanOrEqual(endMs);
    }
    // A message arrives after it was sent: the two clocks agree to well under a millisecond.
    for (const a of arrivals) expect(a.receivedMs - a.trace.sentMs).toBeGreaterThanOrEqual(-0.5);
    expect(new Set(arrivals.map((a) => a.lane))).toEqual(new Set([0, 1]));
  }, 30_000);
});
