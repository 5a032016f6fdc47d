import { describe, expect, it } from 'vitest';
import type { DownloadParamsInput } from '../../../shared/workloads/download/download';
import { nodeRunEnvironment } from '../run/fixtures/node-run-environment';
import { DownloadBatch } from './download-batch';

const KB = 1000;

/** Three files of 60 kB at 200 kB/s, all at once: about 0.3 s of real (simulated-network) waiting. */
const queue = (extra: Partial<DownloadParamsInput> = {}): DownloadParamsInput => ({
  files: [1, 2, 3].map((id) => ({ id, name: `file-${id}.bin`, size: 60 * KB })),
  bandwidth: 200 * KB,
  concurrency: 3,
  ...extra,
});

/** A real download batch, the workload running sliced on this thread as in the page. */
const batchOf = (input: DownloadParamsInput = queue()) => {
  const env = nodeRunEnvironment();
  return { batch: new DownloadBatch(input, 'renderer-sliced', env), env };
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('DownloadBatch driving real tasks (sliced, on this thread)', () => {
  it('downloads and verifies every file, and rests when done', async () => {
    const { batch } = batchOf();
    await batch.start();
    const s = batch.getSnapshot();
    expect(s.status).toBe('done');
    expect(s.busy).toBe(false);
    expect(s.files.every((f) => f.result?.status === 'done' && f.result.sha256 === f.result.expectedSha256)).toBe(true);
    expect(s.receivedBytes).toBe(s.totalBytes);
    expect(s.files.flatMap((f) => f.segments).every((seg) => seg.to !== null)).toBe(true);
  });

  it('start(); cancel() ends cancelled, and no task ever starts', async () => {
    const { batch, env } = batchOf();
    const ended = batch.start();
    batch.cancel();
    await ended;
    expect(batch.getSnapshot().status).toBe('cancelled');
    expect(env.tasks()).toBe(0);
    expect(batch.getSnapshot().files.every((f) => f.result === null)).toBe(true);
  });

  it('start(); pause() pauses at once; resume() then finishes every file', async () => {
    const { batch, env } = batchOf();
    const paused = batch.start();
    batch.pause();
    expect(batch.getSnapshot().status).toBe('pausing');
    await paused;
    expect(batch.getSnapshot().status).toBe('paused');
    expect(env.tasks()).toBe(0);
    await batch.resume();
    const s = batch.getSnapshot();
    expect(s.status).toBe('done');
    expect(s.files.every((f) => f.result?.status === 'done')).toBe(true);
  });

  it('start(); cancelFile(3) never fetches file 3 nor counts its bytes', async () => {
    const { batch } = batchOf();
    const ended = batch.start();
    batch.cancelFile(3);
    await ended;
    const s = batch.getSnapshot();
    expect(s.status).toBe('done');
    expect(s.files[2]).toMatchObject({ result: null, last: null, stopped: 'cancelled', segments: [] });
    expect([s.receivedBytes, s.totalBytes]).toEqual([120 * KB, 120 * KB]);
  });

  it('pauses part-way and resumes each file from its bytes, checksums intact', async () => {
    const { batch } = batchOf();
    const paused = batch.start();
    await sleep(150);
    batch.pause();
    await paused;
    const mid = batch.getSnapshot();
    expect(mid.status).toBe('paused');
    expect(mid.receivedBytes).toBeGreaterThan(0);
    expect(mid.receivedBytes).toBeLessThan(mid.totalBytes);
    await batch.resume();
    const s = batch.getSnapshot();
    expect(s.status).toBe('done');
    expect(s.files.every((f) => f.result?.sha256 === f.result?.expectedSha256)).toBe(true);
    expect(s.activeMs).toBeLessThan((s.endedAt ?? 0) - (s.startedAt ?? 0));
  });

  it('cancels one file part-way while the others go on from where they were', async () => {
    const { batch } = batchOf();
    const ended = batch.start();
    await sleep(120);
    batch.cancelFile(2);
    await ended;
    const s = batch.getSnapshot();
    expect(s.status).toBe('done');
    expect(s.files.map((f) => f.result?.status ?? f.stopped)).toEqual(['done', 'cancelled', 'done']);
    expect(s.receivedBytes).toBe(s.totalBytes);
    expect(s.files[1]?.segments.every((seg) => seg.to !== null)).toBe(true);
  });

  it('keeps the retry budget across pauses: no file makes more than 1 + retries attempts', async () => {
    const { batch } = batchOf(queue({ failureRate: 0.7, retries: 1, backoffMs: 10, seed: 3 }));
    let rest = batch.start();
    let pauses = 0;
    for (; pauses < 4 && batch.getSnapshot().busy; pauses++) {
      await sleep(60);
      batch.pause();
      await rest;
      rest = batch.resume();
    }
    await rest;
    expect(pauses).toBeGreaterThan(1);
    const s = batch.getSnapshot();
    expect(['done', 'failed']).toContain(s.status);
    const attempts = s.files.map((f) => f.result?.attempts ?? f.last?.attempt ?? 0);
    for (const a of attempts) expect(a).toBeLessThanOrEqual(2);
    // The budget was used, and used up: the bound was reached, not just never tested.
    expect(s.files.some((f) => f.result?.status === 'failed')).toBe(true);
  });
});
