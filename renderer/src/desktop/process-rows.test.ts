import { describe, expect, it } from 'vitest';
import { processRows, processTotals, summarizePool } from './process-rows';

const p = (pid: number, type: string, name: string, cpuPercent = 0, memoryKB = 1024) => ({
  pid,
  type,
  name,
  cpuPercent,
  memoryKB,
});

describe('processRows', () => {
  it('puts the main process first, then renderers, utility processes, GPU and the rest, steadily', () => {
    const rows = processRows([
      p(40, 'GPU', 'GPU'),
      p(31, 'Utility', 'Unfreeze task worker 2', 97),
      p(12, 'Zygote', ''),
      p(30, 'Utility', 'Unfreeze task worker 1', 3),
      p(20, 'Tab', ''),
      p(10, 'Browser', 'Browser', 5, 204_800),
      p(29, 'Utility', 'Network Service'),
    ]);
    expect(rows.map((r) => r.pid)).toEqual([10, 20, 29, 30, 31, 40, 12]);
    expect(rows[0]).toEqual({ pid: 10, kind: 'Main process', name: '', cpuPercent: 5, memoryMB: 200 });
    expect(rows[3]?.kind).toBe('Utility process');
    expect(rows[3]?.name).toBe('Unfreeze task worker 1');
    expect(rows[6]?.kind).toBe('Zygote');
  });

  it('keeps an unknown type as Electron names it', () => {
    expect(processRows([p(1, 'Pepper Plugin', 'x')])[0]?.kind).toBe('Pepper Plugin');
  });

  it('adds up CPU and memory', () => {
    const totals = processTotals(processRows([p(1, 'Browser', '', 10, 2048), p(2, 'Tab', '', 90.5, 1024)]));
    expect(totals).toEqual({ count: 2, cpuPercent: 100.5, memoryMB: 3 });
  });
});

describe('summarizePool', () => {
  it('counts busy lanes and replacements, not first starts', () => {
    const summary = summarizePool({
      size: 4,
      queued: 2,
      lanes: [
        { lane: 0, busy: true, spawned: 3 },
        { lane: 1, busy: false, spawned: 1 },
        { lane: 2, busy: true, spawned: 2 },
        { lane: 3, busy: false, spawned: 0 },
      ],
    });
    expect(summary).toEqual({ size: 4, queued: 2, busy: 2, replacements: 3 });
  });
});
