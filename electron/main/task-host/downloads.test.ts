import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taskEventSchema } from '../../../shared/host/task-event';
import type { DownloadEvent, DownloadResult } from '../../../shared/workloads/download/download';
import { fileBytes } from '../../../shared/workloads/download/file-bytes';
import { recording, sourceProcessSpawner, sourceThreadSpawner } from './fixtures/source-entries';
import { startTask, withTimeout } from './fixtures/task-runs';
import type { HostWorker } from './host-worker';
import { createTaskHost, type TaskHost } from './task-host';

/**
 * The download manager in the desktop app's background place: real child processes (the
 * stand-in for Electron's utility processes) running the real entry from source.
 */
let host: TaskHost;
let processes: HostWorker[];

beforeAll(() => {
  const spawned = recording(sourceProcessSpawner());
  processes = spawned.workers;
  // One process is all a download queue needs (it is one task), and the lightest load on a
  // machine whose other tests measure event-loop delay at the same time.
  host = createTaskHost({
    workerThreads: { size: 1, spawn: sourceThreadSpawner() },
    utility: { size: 1, spawn: spawned.spawn },
  });
});

afterAll(async () => {
  await withTimeout(host.dispose(), 10_000, 'dispose');
  expect(processes.filter((p) => !p.hasExited())).toEqual([]);
});

const KB = 1000;
const pair = (concurrency: number) => ({
  workload: 'download' as const,
  params: {
    files: [
      { id: 1, name: 'data.csv', size: 200 * KB },
      { id: 2, name: 'image.jpg', size: 300 * KB },
    ],
    // 0.2 s and 0.3 s: the tutorial's 2 s and 3 s, ten times faster.
    bandwidth: 1000 * KB,
    concurrency,
    seed: 4,
  },
});

describe('downloads in a utility process (child-process stand-in)', () => {
  beforeAll(async () => {
    // Starting a process with tsx takes about a second: not part of any download's time.
    const warm = startTask(host, 'dl-warm', 'utility-process', {
      workload: 'download',
      params: { files: [{ id: 1, name: 'w', size: 10 }], bandwidth: 1024, concurrency: 1 },
    });
    expect((await withTimeout(warm.end, 20_000, 'warm-up')).status).toBe('done');
  });

  it('runs the whole queue as one task on one process, concurrently, with verified checksums', async () => {
    const run = startTask(host, 'dl-concurrent', 'utility-process', pair(2));
    const outcome = await withTimeout(run.end, 20_000, 'the downloads end');
    expect(outcome.status).toBe('done');
    if (outcome.status !== 'done') return;
    const result = outcome.result as DownloadResult;
    for (const f of result.files) {
      const size = f.id === 1 ? 200 * KB : 300 * KB;
      expect(f.sha256).toBe(
        createHash('sha256')
          .update(fileBytes(4, f.id, 0, size))
          .digest('hex'),
      );
      expect(f.status).toBe('done');
    }
    // Both files were on the wire at once: image.jpg started before data.csv ended.
    const events = run.events.flatMap((e) => (e.type === 'progress' ? (e.chunks as DownloadEvent[]) : []));
    const firstImage = events.find((e) => e.id === 2);
    const dataDone = events.find((e) => e.id === 1 && e.state === 'done');
    expect(firstImage?.at).toBeLessThan(dataDone?.at ?? 0);
    // Real time: the schedule says 0.3 s; a loaded machine gets a generous margin, but not the sum.
    expect(outcome.elapsedMs).toBeGreaterThanOrEqual(295);
    expect(outcome.elapsedMs).toBeLessThan(480);
    for (const e of run.events) expect(taskEventSchema.safeParse(e).success).toBe(true);
  });

  it('takes the sum with a concurrency of 1', async () => {
    const outcome = await withTimeout(
      startTask(host, 'dl-sequential', 'utility-process', pair(1)).end,
      20_000,
      'the downloads end',
    );
    expect(outcome.status).toBe('done');
    expect(outcome.elapsedMs).toBeGreaterThanOrEqual(495);
  });

  it('cancels within a moment, which is how the UI pauses', async () => {
    const run = startTask(host, 'dl-cancel', 'utility-process', {
      ...pair(2),
      params: { ...pair(2).params, bandwidth: 100 * KB },
    });
    await new Promise((r) => setTimeout(r, 400));
    const asked = performance.now();
    expect(host.cancel('dl-cancel')).toBe(true);
    const outcome = await withTimeout(run.end, 5_000, 'the cancel');
    expect(outcome.status).toBe('cancelled');
    expect(performance.now() - asked).toBeLessThan(300);
    // What arrived before the pause says how far each file got: where a resume starts.
    const events = run.events.flatMap((e) => (e.type === 'progress' ? (e.chunks as DownloadEvent[]) : []));
    expect(events.filter((e) => e.id === 2).at(-1)?.bytes).toBeGreaterThan(0);
  });

  it('refuses bad parameters before anything starts', () => {
    expect(() =>
      startTask(host, 'dl-bad', 'utility-process', { ...pair(1), params: { ...pair(1).params, concurrency: 5000 } }),
    ).toThrow(/concurrency must be a whole number from 1 to 1,000/);
  });
});
