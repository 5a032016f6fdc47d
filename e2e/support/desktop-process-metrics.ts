import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { MainMetrics } from '../../shared/host/main-metrics';

type ProcessView = MainMetrics['processes'][number];

/** A process the stand-in reports: Electron's type ('Browser', 'Utility') and name for it. */
export interface ListedProcess {
  readonly pid: number;
  readonly type: string;
  readonly name: string;
}

/** Linux's clock ticks per second for /proc/<pid>/stat (USER_HZ, 100 on every mainstream build). */
const TICKS_PER_SECOND = 100;

function cpuTicks(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start at field 3; utime, stime are 14, 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null;
  }
}

function residentKB(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/**
 * The stand-in for app.getAppMetrics() (app-metrics.ts): one entry per real OS process the
 * main side knows — itself as 'Browser' and each live utility-process stand-in (a child
 * process) as 'Utility' under the serviceName the app gives it — with CPU since the previous
 * call (percent of one core, like Electron's percentCPUUsage) and resident memory in KB, read
 * from /proc. Worker threads are not processes, so, as in Electron, they are not listed; the
 * pools' lanes show them. Chromium's own processes are not listed either (the harness does not
 * own them). Where /proc is missing the figures are 0 and the rows are still real.
 */
export function createProcessMeter(list: () => readonly ListedProcess[]): () => ProcessView[] {
  const previous = new Map<number, { ticks: number; at: number }>();
  return () => {
    const at = performance.now();
    const seen = new Set<number>();
    const views = list().map((p): ProcessView => {
      seen.add(p.pid);
      const ticks = cpuTicks(p.pid);
      const before = previous.get(p.pid);
      let cpuPercent = 0;
      if (ticks !== null) {
        if (before && at > before.at) {
          cpuPercent = ((ticks - before.ticks) / TICKS_PER_SECOND / ((at - before.at) / 1000)) * 100;
        }
        previous.set(p.pid, { ticks, at });
      }
      return {
        pid: p.pid,
        type: p.type,
        name: p.name,
        cpuPercent: Math.max(0, cpuPercent),
        memoryKB: residentKB(p.pid),
      };
    });
    for (const pid of previous.keys()) if (!seen.has(pid)) previous.delete(pid);
    return views;
  };
}
