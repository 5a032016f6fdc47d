import type { MainMetrics, PoolStateView } from '../../../shared/host/main-metrics';

type ProcessMetric = MainMetrics['processes'][number];

export interface ProcessRow {
  readonly pid: number;
  /** What kind of process, in the audience's words. */
  readonly kind: string;
  /** Electron's name for it (a utility process's serviceName); empty when it has none. */
  readonly name: string;
  readonly cpuPercent: number;
  readonly memoryMB: number;
}

/** Electron's process types (app.getAppMetrics) in plainer words. */
const KIND: Readonly<Record<string, string>> = {
  Browser: 'Main process',
  Tab: 'Renderer',
  Utility: 'Utility process',
  GPU: 'GPU',
  Zygote: 'Zygote',
  'Sandbox helper': 'Sandbox helper',
};

/** The order a presenter talks about them: main, renderers, our utility processes, then the rest. */
const RANK: Readonly<Record<string, number>> = { Browser: 0, Tab: 1, Utility: 2, GPU: 3 };

/**
 * Rows for the process table. Sorted by kind, then name and pid — not by CPU, so rows stay put
 * while the figures change a few times a second and a projector audience can follow one.
 */
export function processRows(processes: readonly ProcessMetric[]): ProcessRow[] {
  return [...processes]
    .sort((a, b) => rank(a.type) - rank(b.type) || a.name.localeCompare(b.name) || a.pid - b.pid)
    .map((p) => ({
      pid: p.pid,
      kind: KIND[p.type] ?? p.type,
      // Electron names some processes after their type; saying it twice adds nothing.
      name: p.name === p.type ? '' : p.name,
      cpuPercent: p.cpuPercent,
      memoryMB: p.memoryKB / 1024,
    }));
}

function rank(type: string): number {
  return RANK[type] ?? 4;
}

export interface ProcessTotals {
  readonly count: number;
  readonly cpuPercent: number;
  readonly memoryMB: number;
}

export function processTotals(rows: readonly ProcessRow[]): ProcessTotals {
  return {
    count: rows.length,
    cpuPercent: rows.reduce((sum, r) => sum + r.cpuPercent, 0),
    memoryMB: rows.reduce((sum, r) => sum + r.memoryMB, 0),
  };
}

export interface PoolSummary {
  readonly size: number;
  readonly queued: number;
  readonly busy: number;
  /** Workers started to replace one that failed, hung or crashed: `spawned - 1` per lane. */
  readonly replacements: number;
}

export function summarizePool(pool: PoolStateView): PoolSummary {
  return {
    size: pool.size,
    queued: pool.queued,
    busy: pool.lanes.filter((l) => l.busy).length,
    replacements: pool.lanes.reduce((sum, l) => sum + Math.max(0, l.spawned - 1), 0),
  };
}
