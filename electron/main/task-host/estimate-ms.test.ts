import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { runHere } from '../../../shared/run/run-here';
import type { TaskRequest } from '../../../shared/run/task-request';
import { DOWNLOAD_LIMITS, downloadParams, type DownloadParamsInput } from '../../../shared/workloads/download/download';
import { mandelbrotParams } from '../../../shared/workloads/mandelbrot';
import { ParamsError } from '../../../shared/workloads/params-error';
import {
  createEstimateMs,
  downloadMs,
  ESTIMATE_TOLERANCE,
  MAIN_PROCESS_BUDGET_MS,
  mainProcessRefusal,
} from './estimate-ms';
import { nodeThreadHooks } from './node-thread';
import { createTaskHost } from './task-host';

const estimate = createEstimateMs(() => performance.now());
const KiB = 1024;

const files = (count: number, size: number) => Array.from({ length: count }, (_, id) => ({ id, name: `f${id}`, size }));
const download = (p: DownloadParamsInput) => downloadParams.parse(p);

/**
 * Runs the request here, blocking: the CPU time it took, and the wall time. On a machine shared with
 * other work the two differ, and so may the estimate's short probes: it must fall between them, give or take.
 */
function measured(request: TaskRequest): { cpuMs: number; wallMs: number } {
  const before = process.cpuUsage();
  const t = performance.now();
  void runHere(request, { onProgress: () => {} }, { style: 'blocking' }, nodeThreadHooks);
  const wallMs = performance.now() - t;
  const used = process.cpuUsage(before);
  return { cpuMs: (used.user + used.system) / 1000, wallMs };
}

describe('downloadMs', () => {
  it('is the simulated network’s time: latency and bytes ÷ bandwidth, `concurrency` files at a time', () => {
    const base = { files: files(4, 100 * KiB), bandwidth: 100 * KiB, latencyMs: 50 };
    expect(downloadMs(download({ ...base, concurrency: 1 }))).toBeCloseTo(4 * 1050);
    expect(downloadMs(download({ ...base, concurrency: 2 }))).toBeCloseTo(2 * 1050);
    expect(downloadMs(download({ ...base, concurrency: 1000 }))).toBeCloseTo(1050);
    // Injected failures add their expected reconnects and backoffs.
    expect(downloadMs(download({ ...base, concurrency: 1, failureRate: 0.5 }))).toBeGreaterThan(4 * 1050 + 4 * 125);
  });

  it('puts the schema’s slowest download at days', () => {
    const size = DOWNLOAD_LIMITS.maxFileSeconds * KiB;
    const count = Math.floor(DOWNLOAD_LIMITS.maxTotalBytes / size);
    const slowest = download({ files: files(count, size), bandwidth: KiB, concurrency: 1, latencyMs: 10_000 });
    expect(downloadMs(slowest) / 3_600_000).toBeGreaterThan(72);
  });
});

describe('mainProcessRefusal', () => {
  it('lets work up to the ceiling (with its tolerance) run, and names the ceiling past it', () => {
    expect(mainProcessRefusal(null, 'Primes')).toBeNull();
    expect(mainProcessRefusal(MAIN_PROCESS_BUDGET_MS * ESTIMATE_TOLERANCE, 'Primes')).toBeNull();
    const refusal = mainProcessRefusal(7_200_000, 'Primes');
    expect(refusal).toContain('Primes would block the main process for about 7,200 s');
    expect(refusal).toContain('at most 60 s of work');
  });
});

describe('createEstimateMs, against real runs on this thread', () => {
  // Within a factor of four either way: enough to tell a minute from hours, on a loaded machine too
  // (here, shared by seven engineers on two cores, short probes and long runs disagree up to 3.4×).
  const close = (estimated: number, actual: { cpuMs: number; wallMs: number }) => {
    expect(estimated).toBeGreaterThan(actual.cpuMs / 4);
    expect(estimated).toBeLessThan(actual.wallMs * 4);
  };

  it('estimates Mandelbrot from the request’s own view, inside the set as well as the presets’ view', () => {
    for (const view of [
      { centerRe: -0.65, centerIm: 0, span: 3.1, maxIterations: 4000 },
      { centerRe: -0.2, centerIm: 0, span: 0.2, maxIterations: 3000 },
      { centerRe: 0.6, centerIm: 0.6, span: 0.5, maxIterations: 100_000 },
    ]) {
      const request = {
        workload: 'mandelbrot',
        params: mandelbrotParams.parse({ width: 300, height: 200, ...view }),
      } as const;
      measured(request); // warm the JIT
      close(estimate(request) ?? 0, measured(request));
    }
  });

  it('estimates primes and tiny tasks from their counts', () => {
    for (const request of [
      { workload: 'primes', params: { limit: 3_000_000 } },
      { workload: 'tiny-tasks', params: { tasks: 20_000, iterations: 2_000, first: 0 } },
    ] as const) {
      measured(request);
      close(estimate(request) ?? 0, measured(request));
    }
  });
});

describe('the task host’s main-process place', () => {
  const host = createTaskHost({
    workerThreads: {
      size: 1,
      spawn: () => {
        throw new Error('no pool in this test');
      },
    },
    utility: {
      size: 1,
      spawn: () => {
        throw new Error('no pool in this test');
      },
    },
  });
  const maxima: TaskRequest[] = [
    { workload: 'tiny-tasks', params: { tasks: 1_000_000, iterations: 1_000_000 } },
    {
      workload: 'mandelbrot',
      params: { width: 4096, height: 4096, maxIterations: 100_000, centerRe: -0.2, centerIm: 0, span: 0.1 },
    },
    {
      workload: 'download',
      params: { files: files(400, 600 * KiB), bandwidth: KiB, concurrency: 1 },
    },
  ];

  it.each(maxima)('refuses $workload at the schema’s limits, naming the ceiling, and starts nothing', (request) => {
    const emitted: unknown[] = [];
    expect(() => host.start(`max-${request.workload}`, 'main-process', request, (e) => emitted.push(e))).toThrow(
      ParamsError,
    );
    expect(() => host.start(`max-${request.workload}`, 'main-process', request, () => {})).toThrow(
      /would block the main process for about [\d,]+ s .* at most 60 s of work/,
    );
    expect(emitted).toEqual([]);
  });
});
