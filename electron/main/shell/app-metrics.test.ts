import { describe, expect, it, vi } from 'vitest';
import { mainMetricsSchema } from '../../../shared/host/main-metrics';

/** app.getAppMetrics() as Electron 45 returns it (structures/process-metric), mapped for the meters. */

const metrics = vi.hoisted(() => {
  /** One entry of getAppMetrics(): the fields the mapping reads, plausible values for the rest. */
  const metric = (
    pid: number,
    type: string,
    percentCPUUsage: number,
    workingSetSize: number,
    names: { name?: string; serviceName?: string } = {},
  ) => ({
    pid,
    type,
    ...names,
    creationTime: 1,
    cpu: { percentCPUUsage, idleWakeupsPerSecond: 0 },
    memory: { workingSetSize, peakWorkingSetSize: workingSetSize + 1_000 },
  });
  return [
    metric(100, 'Browser', 12.5, 150_000),
    metric(101, 'Tab', 3, 90_000),
    metric(102, 'Utility', 99.8, 40_000, { name: 'Unfreeze worker 1', serviceName: 'node.mojom.NodeService' }),
    metric(103, 'Utility', 0, 20_000, { name: '', serviceName: 'network.mojom.NetworkService' }),
  ];
});

vi.mock('electron', () => {
  const app = { getAppMetrics: () => metrics };
  return { app, default: { app } };
});

const { appProcessMetrics } = await import('./app-metrics');

describe('appProcessMetrics', () => {
  it('lists every process with its CPU and working set, utility processes by the name we gave them', () => {
    expect(appProcessMetrics()).toEqual([
      { pid: 100, type: 'Browser', name: 'Browser', cpuPercent: 12.5, memoryKB: 150_000 },
      { pid: 101, type: 'Tab', name: 'Tab', cpuPercent: 3, memoryKB: 90_000 },
      { pid: 102, type: 'Utility', name: 'Unfreeze worker 1', cpuPercent: 99.8, memoryKB: 40_000 },
      { pid: 103, type: 'Utility', name: 'network.mojom.NetworkService', cpuPercent: 0, memoryKB: 20_000 },
    ]);
  });

  it('fits the metrics schema', () => {
    const processes = appProcessMetrics();
    const pool = { size: 1, queued: 0, lanes: [] };
    expect(
      mainMetricsSchema.safeParse({
        at: 0,
        eventLoop: { p50: 0, p99: 0, max: 0 },
        pools: { 'worker-thread': pool, 'utility-process': pool },
        processes,
      }).success,
    ).toBe(true);
  });
});
