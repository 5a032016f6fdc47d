import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { driveSliced } from '../../run/drive';
import { ParamsError, parseParams } from '../params-error';
import { WHOLE } from '../workload';
import { download, downloadParams, type DownloadEvent, type DownloadParamsInput, type DownloadPart } from './download';
import { fileBytes } from './file-bytes';
import { CHUNK_MS } from './file-transfer';
import { filesToResume } from './resume';

const KB = 1000;

/** Runs a batch on a simulated clock: every wait just moves the clock. Returns events with their times. */
function simulate(input: DownloadParamsInput) {
  const params = parseParams(download.params, input, 'download');
  const work = download.run(params, WHOLE);
  const events: DownloadEvent[] = [];
  const progress: number[] = [];
  let clock = 0;
  let waits = 0;
  for (let step = work.next(); ; step = work.next()) {
    if (step.done) return { part: step.value, events, progress, clock, waits };
    if (step.value.kind === 'wait') {
      expect(step.value.ms).toBeGreaterThan(0);
      clock += step.value.ms;
      waits++;
    } else {
      progress.push(step.value.done);
      if (step.value.chunk) events.push(step.value.chunk);
    }
  }
}

/** data.csv 2 s and image.jpg 3 s at 100 kB/s: the tutorial's start-and-join pair. */
const pair = (concurrency: number, extra: Partial<DownloadParamsInput> = {}): DownloadParamsInput => ({
  files: [
    { id: 1, name: 'data.csv', size: 200 * KB },
    { id: 2, name: 'image.jpg', size: 300 * KB },
  ],
  bandwidth: 100 * KB,
  concurrency,
  ...extra,
});

/** One 100 KB file (id 4) over a line that breaks nine connections in ten, one at a time: 1 s of bytes on the wire. */
const flaky = (extra: Partial<DownloadParamsInput>): DownloadParamsInput => ({
  files: [{ id: 4, name: 'flaky.bin', size: 100 * KB }],
  bandwidth: 100 * KB,
  failureRate: 0.9,
  concurrency: 1,
  ...extra,
});
const byId = (part: DownloadPart, id: number) => defined(part.files.find((f) => f.id === id));

function defined<T>(value: T | undefined | null): T {
  if (value === undefined || value === null) throw new Error('expected a value');
  return value;
}

describe('download: the timing model', () => {
  it('takes the sum one after another and the longest concurrently', () => {
    const sequential = simulate(pair(1));
    const concurrent = simulate(pair(2));
    expect(sequential.part.elapsedMs).toBeCloseTo(5000, 6);
    expect(concurrent.part.elapsedMs).toBeCloseTo(3000, 6);
    // Sequential: image.jpg starts exactly when data.csv ends.
    expect(byId(sequential.part, 2).startedAt).toBeCloseTo(byId(sequential.part, 1).endedAt, 6);
    expect(byId(concurrent.part, 2).startedAt).toBe(0);
  });

  it('gives three files of 1, 2 and 3 s about 3 s together, and queues beyond the limit', () => {
    const files = [1, 2, 3].map((s) => ({ id: s, name: `file${s}.txt`, size: s * 50 * KB }));
    expect(simulate({ files, bandwidth: 50 * KB, concurrency: 3 }).part.elapsedMs).toBeCloseTo(3000, 6);
    // Two at a time: file3 waits for file1's slot (1 s), then takes 3 s.
    expect(simulate({ files, bandwidth: 50 * KB, concurrency: 2 }).part.elapsedMs).toBeCloseTo(4000, 6);
  });

  it('adds the latency once per connection', () => {
    expect(simulate(pair(1, { latencyMs: 150 })).part.elapsedMs).toBeCloseTo(5300, 6);
    expect(simulate(pair(2, { latencyMs: 150 })).part.elapsedMs).toBeCloseTo(3150, 6);
  });

  it('honours the bandwidth within ±5% however large the jitter', () => {
    for (const [bandwidth, jitter] of [
      [10 * KB, 0],
      [64 * KB, 0.3],
      [1_000 * KB, 0.9],
      [3_333, 0.5],
    ] as const) {
      const size = bandwidth * 20;
      const { part } = simulate({
        files: [{ id: 9, name: 'big.bin', size }],
        bandwidth,
        jitter,
        concurrency: 1,
        seed: 3,
      });
      const rate = (size / part.elapsedMs) * 1000;
      expect(Math.abs(rate / bandwidth - 1), `${bandwidth} B/s, jitter ${jitter}`).toBeLessThan(0.05);
    }
  });

  it('keeps the UI to about 1,000 file updates a second, however many files run at once', () => {
    for (const count of [100, 1000]) {
      const files = Array.from({ length: count }, (_, i) => ({ id: i, name: `f${i}`, size: (1 + (i % 3)) * 2 * KB }));
      const run = simulate({ files, bandwidth: 2 * KB, concurrency: count });
      expect(run.part.elapsedMs).toBeCloseTo(3000, 6);
      expect(run.part.files.every((f) => f.status === 'done')).toBe(true);
      // Progress reports (state changes aside) over 3 s: at most ~1,000 a second, plus one per file per second of slack.
      const reports = run.events.filter((e) => e.state === 'transferring').length;
      expect(reports, `${count} files`).toBeLessThanOrEqual(3 * 1000 + 2 * count);
      expect(reports).toBeGreaterThanOrEqual(count);
    }
  });

  it('reports bytes that only grow, up to the total', () => {
    const run = simulate(pair(2, { jitter: 0.4, failureRate: 0.5, seed: 5, backoffMs: 10 }));
    for (let i = 1; i < run.progress.length; i++)
      expect(run.progress[i]).toBeGreaterThanOrEqual(defined(run.progress[i - 1]));
    expect(run.progress.at(-1)).toBe(500 * KB);
  });
});

describe('download: deterministic bytes and checksums', () => {
  it('verifies each file against the SHA-256 of its bytes, as node:crypto computes it', () => {
    const { part } = simulate(pair(2, { seed: 77 }));
    for (const f of part.files) {
      const size = f.id === 1 ? 200 * KB : 300 * KB;
      const expected = createHash('sha256')
        .update(fileBytes(77, f.id, 0, size))
        .digest('hex');
      expect(f).toMatchObject({ status: 'done', bytes: size, sha256: expected, expectedSha256: expected });
    }
  });

  it('repeats the same schedule and bytes for the same seed, and differs for another', () => {
    const input = pair(2, { seed: 12, jitter: 0.5, failureRate: 0.4, backoffMs: 20 });
    const a = simulate(input);
    expect(simulate(input)).toEqual(a);
    const b = simulate({ ...input, seed: 13 });
    expect(b.part.files.map((f) => f.sha256)).not.toEqual(a.part.files.map((f) => f.sha256));
    expect(b.events.map((e) => e.at)).not.toEqual(a.events.map((e) => e.at));
  });

  it('fails a file whose bytes do not match the published checksum', () => {
    const { part } = simulate({
      files: [{ id: 1, name: 'x', size: 1000, sha256: '0'.repeat(64) }],
      bandwidth: 10 * KB,
      concurrency: 1,
    });
    expect(part.files[0]).toMatchObject({ status: 'failed', message: expect.stringMatching(/checksum mismatch/) });
  });
});

describe('download: failures, retries, resume', () => {
  it('retries injected failures with a doubling backoff and still delivers the right bytes', () => {
    const run = simulate(flaky({ retries: 10, backoffMs: 100, seed: 8 }));
    const f = defined(run.part.files[0]);
    expect(f.status).toBe('done');
    expect(f.attempts).toBeGreaterThan(1);
    expect(f.sha256).toBe(
      createHash('sha256')
        .update(fileBytes(8, 4, 0, 100 * KB))
        .digest('hex'),
    );
    const retries = run.events.filter((e) => e.state === 'retrying');
    expect(retries).toHaveLength(f.attempts - 1);
    // The bytes on the wire still take 1 s; the rest is backoff: 100, 200, 400 … ms, plus a chunk's rounding per break.
    const backoff = retries.reduce((sum, _, i) => sum + 100 * 2 ** i, 0);
    expect(f.endedAt).toBeGreaterThanOrEqual(1000 + backoff - 1);
    expect(f.endedAt).toBeLessThan(1000 + backoff + retries.length * CHUNK_MS + 1);
    // Each new connection resumes where the last one broke off.
    const connects = run.events.filter((e) => e.state === 'connecting');
    for (let i = 1; i < connects.length; i++) expect(defined(connects[i]).bytes).toBe(defined(retries[i - 1]).bytes);
  });

  it('gives up after the allowed retries, with a message saying why', () => {
    const run = simulate(flaky({ retries: 0, seed: 2 }));
    const f = defined(run.part.files[0]);
    expect(f.status).toBe('failed');
    expect(f.attempts).toBe(1);
    expect(f.message).toMatch(/injected failure.*gave up after 1 attempts/);
  });

  it('resumes a paused file from its bytes and verifies the whole file', () => {
    const input = pair(2, { seed: 21 });
    const whole = simulate(input);
    // "Pause" half way through: the latest event of each file, then resume from there.
    const latest = new Map<number, DownloadEvent>();
    for (const e of whole.events) if (e.at <= 1500) latest.set(e.id, e);
    const params = parseParams(download.params, input, 'download');
    const rest = filesToResume(params.files, latest);
    expect(rest.map((f) => f.offset)).toEqual([defined(latest.get(1)).bytes, defined(latest.get(2)).bytes]);
    expect(defined(rest[0]).offset).toBeGreaterThan(0);
    const resumed = simulate({ ...input, files: rest });
    expect(resumed.part.files.map((f) => f.sha256)).toEqual(whole.part.files.map((f) => f.sha256));
    expect(resumed.part.elapsedMs).toBeLessThan(whole.part.elapsedMs);
  });
});

describe('download: parameters', () => {
  const bad = (input: unknown) => {
    try {
      parseParams(downloadParams, input, 'download');
    } catch (error) {
      expect(error).toBeInstanceOf(ParamsError);
      return (error as Error).message;
    }
    throw new Error('expected a ParamsError');
  };

  it('names the allowed range of whatever is out of it', () => {
    expect(bad(pair(0))).toMatch(/concurrency must be a whole number from 1 to 1,000/);
    expect(bad({ ...pair(1), bandwidth: 10 })).toMatch(
      /bandwidth \(bytes\/s\) must be a whole number from 1,024 to 1,073,741,824/,
    );
    expect(bad({ ...pair(1), files: [{ id: 1, name: 'a', size: 0 }] })).toMatch(
      /size \(bytes\) must be a whole number from 1 to 67,108,864/,
    );
    expect(bad({ ...pair(1), files: [] })).toMatch(/give from 1 to 1,000 files/);
    const many = Array.from({ length: 1001 }, (_, i) => ({ id: i, name: `f${i}`, size: 1 }));
    expect(bad({ ...pair(1), files: many })).toMatch(/give from 1 to 1,000 files/);
    expect(bad({ ...pair(1), failureRate: 1 })).toMatch(/failure rate must be a number from 0 to 0.9/);
    expect(bad({ ...pair(1), latencyMs: -1 })).toMatch(/latency \(ms\) must be a whole number from 0 to 10,000/);
  });

  it('refuses batches that could not finish sensibly', () => {
    expect(
      bad({
        ...pair(1),
        files: [
          { id: 1, name: 'a', size: 1 },
          { id: 1, name: 'b', size: 1 },
        ],
      }),
    ).toMatch(/file id 1 appears twice/);
    expect(bad({ ...pair(1), bandwidth: 1024, files: [{ id: 1, name: 'slow.iso', size: 1024 * 1024 }] })).toMatch(
      /“slow.iso” would take 1,024 s.*at most 600 s/,
    );
    const heavy = Array.from({ length: 5 }, (_, i) => ({ id: i, name: `f${i}`, size: 60 * 1024 * 1024 }));
    expect(bad({ ...pair(1), bandwidth: 1024 * 1024 * 1024, files: heavy })).toMatch(
      /all files together must be at most 256 MiB/,
    );
    expect(bad({ ...pair(1), files: [{ id: 1, name: 'a', size: 10, offset: 11 }] })).toMatch(
      /offset must be at most the size/,
    );
  });
});

describe('download: on a real event loop', () => {
  const now = () => performance.now();
  /** driveSliced on Node's own loop and timers, in 10 ms slices. */
  const realLoop = (isCancelled: () => boolean) => ({
    sliceMs: 10,
    now,
    yieldToLoop: () => new Promise<void>((r) => setImmediate(r)),
    sleep: (ms: number) => new Promise<void>((r) => setTimeout(r, ms)),
    isCancelled,
    onProgress: () => {},
  });
  const run = async (concurrency: number) => {
    const params = parseParams(download.params, { ...pair(concurrency), bandwidth: 1000 * KB }, 'download');
    const started = now();
    const part = await driveSliced(
      download.run(params, WHOLE),
      realLoop(() => false),
    );
    return { part, wallMs: now() - started };
  };

  it('overlaps the waits of concurrent files with real timers (0.2 s + 0.3 s)', async () => {
    const concurrent = await run(2);
    const sequential = await run(1);
    expect(concurrent.part.files.every((f) => f.status === 'done')).toBe(true);
    // Generous margins: the machine is shared. The schedule says 300 ms and 500 ms.
    expect(concurrent.wallMs).toBeGreaterThanOrEqual(295);
    expect(concurrent.wallMs).toBeLessThan(450);
    expect(sequential.wallMs).toBeGreaterThanOrEqual(495);
  });

  it('stops between steps when cancelled', async () => {
    const params = parseParams(download.params, pair(2), 'download');
    let cancelled = false;
    setTimeout(() => (cancelled = true), 100);
    const started = now();
    await expect(
      driveSliced(
        download.run(params, WHOLE),
        realLoop(() => cancelled),
      ),
    ).rejects.toThrow(/cancelled/);
    expect(now() - started).toBeLessThan(400);
  });
});
