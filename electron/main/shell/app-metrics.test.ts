import { describe, expect, it, vi } from 'vitest';
import { mainMetricsSchema } from '../../../shared/host/main-metrics';

/** app.getAppMetrics() as Electron 45 returns it (structures/process-metric), mapped for the meters. */

const metrics = vi.hoisted(() => [
  {
    pid: 100,
    type: 'Browser',
    creationTime: 1,
    cpu: { percentCPUUsage: 12.5, idleWakeupsPerSecond: 3 },
    memory: { workingSetSize: 150_000, peakWorkingSetSize: 160_000 },
  },
  {
    pid: 101,
    type: 'Tab',
    creationTime: 1,
    cpu: { percentCPUUsage: 3, idleWakeupsPerSecond: 0 },
    memory: { workingSetSize: 90_000, peakWorkingSetSize: 95_000 },
  },
  {
    pid: 102,
    type: 'Utility',
    name: 'Unfreeze worker 1',
    serviceName: 'node.mojom.NodeService',
    creationTime: 1,
    cpu: { percentCPUUsage: 99.8, idleWakeupsPerSecond: 1 },
    memory: { workingSetSize: 40_000, peakWorkingSetSize: 41_000 },
  },
  {
    pid: 103,
    type: 'Utility',
    name: '',
    serviceName: 'network.mojom.NetworkService',
    creationTime: 1,
    cpu: { percentCPUUsage: 0, idleWakeupsPerSecond: 0 },
    memory: { workingSetSize: 20_000, peakWorkingSetSize: 21_000 },
  },
]);

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
