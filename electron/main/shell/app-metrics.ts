import { app, type ProcessMetric } from 'electron';
import type { MainMetrics } from '../../../shared/host/main-metrics';

type ProcessView = MainMetrics['processes'][number];

/**
 * One Electron process as the meters show it. `name` is what `utilityProcess.fork`'s
 * `serviceName` option sets (e.g. "Unfreeze worker 2"), so it comes first; `serviceName` is
 * Chromium's non-localized service id (e.g. "node.mojom.NodeService" for every utility process),
 * only a fallback. CPU is the average since the previous getAppMetrics() call, memory in KB.
 */
export function processView(metric: ProcessMetric): ProcessView {
  return {
    pid: metric.pid,
    type: metric.type,
    name: metric.name || metric.serviceName || metric.type,
    cpuPercent: metric.cpu.percentCPUUsage,
    memoryKB: metric.memory.workingSetSize,
  };
}

/** Every process of the app: browser (main), renderers, GPU, utility processes. */
export function appProcessMetrics(): ProcessView[] {
  return app.getAppMetrics().map(processView);
}
