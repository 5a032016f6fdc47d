import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time by kind of thread, for the bench's process tree (Linux /proc): where a run's work
 * went, which a wall clock on a shared machine cannot say. CPU time does not grow when other
 * processes take the cores, so "the workers needed 1.3× the page thread's CPU for the same work"
 * holds at any load, while "the workers were 1.1× faster" does not.
 */
export const THREAD_KINDS = ['page thread', 'Web Workers', 'drawing', 'other Chromium', 'bench (Node)'] as const;
export type ThreadKind = (typeof THREAD_KINDS)[number];
export type CpuSnapshot = Readonly<Record<ThreadKind, number>>;

/** /proc counts in clock ticks of 10 ms (USER_HZ = 100). */
const TICK_MS = 10;
/** Chromium's names (at most 15 characters) of the threads that draw frames. */
const DRAWING = /^(Compositor|CompositorTileW|VizCompositorTh|CrGpuMain|GpuMemoryThread|Chrome_InProcGp)/;

function read(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return ''; // The thread or process has ended: it no longer counts.
  }
}

function list(path: string): string[] {
  try {
    return readdirSync(path);
  } catch {
    return [];
  }
}

function thread(pid: number, tid: string): { name: string; ms: number } | null {
  const stat = read(`/proc/${pid}/task/${tid}/stat`);
  const close = stat.lastIndexOf(')');
  if (close < 0) return null;
  const fields = stat.slice(close + 2).split(' ');
  // Fields 14 and 15 of stat (utime, stime), counted from the state after the name.
  return { name: stat.slice(stat.indexOf('(') + 1, close), ms: (Number(fields[11]) + Number(fields[12])) * TICK_MS };
}

/** CPU milliseconds so far of `root` (this Node process) and every process under it, by kind. */
export function cpuByThread(root: number = process.pid): CpuSnapshot {
  const total: Record<ThreadKind, number> = Object.fromEntries(THREAD_KINDS.map((k) => [k, 0])) as never;
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift() ?? 0;
    const tids = list(`/proc/${pid}/task`);
    const threads = tids.map((tid) => ({ tid, t: thread(pid, tid) }));
    // A renderer is the process whose threads include a Compositor; its main thread is the page's.
    const renderer = threads.some(({ t }) => t?.name === 'Compositor');
    for (const { tid, t } of threads) {
      if (!t) continue;
      const kind: ThreadKind =
        pid === root
          ? 'bench (Node)'
          : renderer && tid === String(pid)
            ? 'page thread'
            : t.name.startsWith('DedicatedWorker')
              ? 'Web Workers'
              : DRAWING.test(t.name)
                ? 'drawing'
                : 'other Chromium';
      total[kind] += t.ms;
    }
    for (const tid of tids)
      queue.push(...read(`/proc/${pid}/task/${tid}/children`).split(/\s+/).filter(Boolean).map(Number));
  }
  return total;
}

/** CPU used between two snapshots, by kind. */
export function cpuBetween(before: CpuSnapshot, after: CpuSnapshot): CpuSnapshot {
  return Object.fromEntries(THREAD_KINDS.map((k) => [k, after[k] - before[k]])) as Record<ThreadKind, number>;
}

/**
 * The Web Worker speedup this machine allows, from CPU alone, at no load but the bench's own.
 * Everything else the pool run used (the page's thread, drawing, the rest of Chromium, the bench's
 * clicks) is a rate, cores busy per second of the run, that a quiet machine pays too; the workers
 * get what the cores have left: wall ≥ workers' CPU ÷ min(workers, cores − rate). On 2 cores, a
 * page drawing 60 frames a second in software (headless, no GPU) takes about half a core.
 */
export function speedupCeiling(
  blockingMs: number,
  pool: CpuSnapshot,
  poolWallMs: number,
  workers: number,
  cores: number,
): number {
  const others = THREAD_KINDS.reduce((sum, k) => sum + pool[k], 0) - pool['Web Workers'];
  const rate = others / Math.max(1, poolWallMs);
  const threads = Math.max(0.1, Math.min(workers, cores - rate));
  return blockingMs / (pool['Web Workers'] / threads);
}

export function printCpuTable(
  cpu: Readonly<Record<string, CpuSnapshot>>,
  o: { readonly workers: number; readonly cores: number; readonly ceiling: number; readonly poolWallMs: number },
): void {
  console.log(
    '\nWhere the CPU went during each run (ms of CPU, any load): Web Workers should need the page ' +
      "thread's CPU for the same work; what the page and drawing take is taken from the workers\n",
  );
  console.log(`| place | ${THREAD_KINDS.join(' | ')} |`);
  console.log(`|---|${THREAD_KINDS.map(() => '---').join('|')}|`);
  for (const [place, row] of Object.entries(cpu))
    console.log(`| ${place} | ${THREAD_KINDS.map((k) => row[k].toFixed(0)).join(' | ')} |`);
  const main = cpu['renderer-main']?.['page thread'] ?? Number.NaN;
  const pool = cpu['web-worker'];
  const workers = pool?.['Web Workers'] ?? Number.NaN;
  const others = pool ? THREAD_KINDS.reduce((sum, k) => sum + pool[k], 0) - workers : Number.NaN;
  console.log(
    `\nWeb Workers' CPU ÷ the page thread's for the same work: ${(workers / main).toFixed(2)}. ` +
      `During the pool run the rest took ${(others / o.poolWallMs).toFixed(2)} of a core; ` +
      `so ${o.workers} workers on ${o.cores} logical processors allow at most ${o.ceiling.toFixed(2)}×.\n`,
  );
}
