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

/** /proc's stat counts in clock ticks of 10 ms (USER_HZ = 100); schedstat in nanoseconds. */
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

/** One thread of the bench's process tree, and which kind it counts as. */
interface ThreadRef {
  readonly dir: string;
  readonly kind: ThreadKind;
}

/**
 * CPU milliseconds so far of one thread (`/proc/<pid>/task/<tid>`), or null once it has ended.
 * schedstat's first field is exact (nanoseconds); stat's ticks are the fallback where the kernel
 * has no schedstat (too coarse for round trips of 0.1 ms: e2e/round-trip-profile.ts needs the ns).
 */
export function cpuMs(dir: string): number | null {
  const ns = Number(read(`${dir}/schedstat`).split(' ')[0]);
  if (Number.isFinite(ns) && ns > 0) return ns / 1e6;
  const stat = read(`${dir}/stat`);
  const close = stat.lastIndexOf(')');
  if (close < 0) return null;
  // Fields 14 and 15 of stat (utime, stime), counted from the state after the name.
  const fields = stat.slice(close + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}

/** Every thread of `root` (this Node process) and of every process under it, by kind. */
function threadsOf(root: number): ThreadRef[] {
  const found: ThreadRef[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift() ?? 0;
    const tids = list(`/proc/${pid}/task`);
    const names = tids.map((tid) => {
      const stat = read(`/proc/${pid}/task/${tid}/stat`);
      return stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    });
    // A renderer is the process whose threads include a Compositor; its main thread is the page's.
    const renderer = names.includes('Compositor');
    tids.forEach((tid, i) => {
      const name = names[i] ?? '';
      const kind: ThreadKind =
        pid === root
          ? 'bench (Node)'
          : renderer && tid === String(pid)
            ? 'page thread'
            : name.startsWith('DedicatedWorker')
              ? 'Web Workers'
              : DRAWING.test(name)
                ? 'drawing'
                : 'other Chromium';
      found.push({ dir: `/proc/${pid}/task/${tid}`, kind });
      queue.push(...read(`/proc/${pid}/task/${tid}/children`).split(/\s+/).filter(Boolean).map(Number));
    });
  }
  return found;
}

function sum(threads: readonly ThreadRef[], ms: (t: ThreadRef) => number): CpuSnapshot {
  const total: Record<ThreadKind, number> = Object.fromEntries(THREAD_KINDS.map((k) => [k, 0])) as never;
  for (const t of threads) total[t.kind] += ms(t);
  return total;
}

/** CPU milliseconds so far of `root` (this Node process) and every process under it, by kind. */
export function cpuByThread(root: number = process.pid): CpuSnapshot {
  return sum(threadsOf(root), (t) => cpuMs(t.dir) ?? 0);
}

/**
 * The same reading, made to compare over a run: cheap enough to take every 100 ms (the threads are
 * listed once, then each read is one small file per thread), and steady when processes come and
 * go. A thread that ends keeps its last reading, so a snapshot never goes down when a closed
 * page's renderer exits meanwhile; `relist` looks for threads started since (a worker spawned
 * during the run), whose CPU is all the run's.
 */
export function cpuSampler(root: number = process.pid): (relist?: boolean) => CpuSnapshot {
  const threads = new Map(threadsOf(root).map((t) => [t.dir, t]));
  const last = new Map<string, number>();
  return (relist = false) => {
    if (relist) {
      for (const t of threadsOf(root)) {
        if (threads.has(t.dir)) continue;
        threads.set(t.dir, t);
        last.set(t.dir, 0);
      }
    }
    return sum([...threads.values()], (t) => {
      const ms = cpuMs(t.dir) ?? last.get(t.dir) ?? 0;
      last.set(t.dir, ms);
      return ms;
    });
  };
}

/** CPU used between two snapshots, by kind. */
export function cpuBetween(before: CpuSnapshot, after: CpuSnapshot): CpuSnapshot {
  return Object.fromEntries(THREAD_KINDS.map((k) => [k, after[k] - before[k]])) as Record<ThreadKind, number>;
}

/** A snapshot and when the bench took it (epoch ms, the clock of the app's own spans). */
export interface CpuSample {
  readonly atMs: number;
  readonly cpu: CpuSnapshot;
}

/**
 * The CPU used between the first and the last sample taken inside [fromMs, toMs], and the time
 * between them: what a run cost while it ran, without the page's work before and after it (its
 * "starting" frames, the results, the trace) that a window from the click to the status counts.
 */
export function cpuInside(
  samples: readonly CpuSample[],
  fromMs: number,
  toMs: number,
): { readonly cpu: CpuSnapshot; readonly ms: number } | null {
  const inside = samples.filter((s) => s.atMs >= fromMs && s.atMs <= toMs);
  const first = inside[0];
  const last = inside[inside.length - 1];
  if (!first || !last || last.atMs - first.atMs <= 0) return null;
  return { cpu: cpuBetween(first.cpu, last.cpu), ms: last.atMs - first.atMs };
}

/** Cores busy, by kind, between two samples: CPU ÷ the time between them. */
export function coresOf(inside: { readonly cpu: CpuSnapshot; readonly ms: number }): CpuSnapshot {
  return Object.fromEntries(THREAD_KINDS.map((k) => [k, inside.cpu[k] / inside.ms])) as Record<ThreadKind, number>;
}

/** Cores busy with everything but the Web Workers: the page's thread, drawing, the rest of Chromium, the bench. */
export function restCores(cores: CpuSnapshot): number {
  return THREAD_KINDS.reduce((sum, k) => sum + cores[k], 0) - cores['Web Workers'];
}

/**
 * What a run looked like while it ran: its wall time as the app timed it, the cores each kind of
 * thread kept busy (`cpuInside`), and for a pool run each worker's idle ends (support/run-spans.ts).
 */
export interface RunInside {
  readonly wallMs: number;
  readonly cores: CpuSnapshot;
  readonly idle: readonly {
    readonly jobs: number;
    readonly startIdleMs: number;
    readonly betweenMs: number;
    readonly tailIdleMs: number;
  }[];
}

/**
 * The CPU the blocking run's work took on the page's thread: the cores that thread had while the
 * run went on, times its wall time. On a quiet machine that is the wall time itself (the thread
 * has a core to itself); under load it is what the work needed, not what the wait added. Unlike
 * the thread's CPU from the click to the status, it leaves out the page's work around the run.
 */
export function pageWorkMs(run: { readonly elapsedMs: number; readonly inside: RunInside | null }): number {
  return run.inside ? run.inside.cores['page thread'] * run.elapsedMs : Number.NaN;
}

/**
 * The Web Worker speedup this machine allows: the blocking run's work (`pageWorkMs`) ÷ the least
 * wall time the workers' CPU can take on the cores they can have, min(workers, cores − what everything
 * else kept busy while the pool ran). That rest is a rate a quiet machine pays too: on 2 cores a
 * page drawing 60 frames a second in software (headless, no GPU) takes a third to a half of a core.
 */
export function speedupCeiling(
  blockingWorkMs: number,
  workersCpuMs: number,
  rest: number,
  workers: number,
  cores: number,
): number {
  const threads = Math.max(0.1, Math.min(workers, cores - rest));
  return blockingWorkMs / (workersCpuMs / threads);
}

export function printCpuTable(
  cpu: Readonly<Record<string, CpuSnapshot>>,
  o: {
    readonly workers: number;
    readonly cores: number;
    readonly ceiling: number;
    readonly blockingWorkMs: number;
    readonly pool: RunInside | null;
  },
): void {
  console.log(
    '\nWhere the CPU went during each run (ms of CPU, any load): Web Workers should need the page ' +
      "thread's CPU for the same work; what the page and drawing take is taken from the workers\n",
  );
  console.log(`| place | ${THREAD_KINDS.join(' | ')} |`);
  console.log(`|---|${THREAD_KINDS.map(() => '---').join('|')}|`);
  for (const [place, row] of Object.entries(cpu))
    console.log(`| ${place} | ${THREAD_KINDS.map((k) => row[k].toFixed(0)).join(' | ')} |`);
  const workers = cpu['web-worker']?.['Web Workers'] ?? Number.NaN;
  console.log(
    `\nWeb Workers' CPU ÷ the page thread's for the same work (${o.blockingWorkMs.toFixed(0)} ms while ` +
      `the blocking run ran): ${(workers / o.blockingWorkMs).toFixed(2)}.`,
  );
  if (!o.pool) {
    console.log('(No reading inside the pool run: no ceiling.)\n');
    return;
  }
  const { wallMs, idle } = o.pool;
  const rest = restCores(o.pool.cores);
  const restKinds = THREAD_KINDS.filter((k) => k !== 'Web Workers')
    .map((k) => `${k} ${(o.pool?.cores[k] ?? 0).toFixed(2)}`)
    .join(', ');
  const cores = Math.min(o.workers, o.cores - rest);
  const used = workers / (wallMs * o.workers);
  const idleText = idle
    .map(
      (w, i) =>
        `worker ${i + 1}: ${w.jobs} jobs, ${w.startIdleMs.toFixed(0)} ms at the start, ` +
        `${w.betweenMs.toFixed(0)} between jobs, ${w.tailIdleMs.toFixed(0)} at the end`,
    )
    .join('; ');
  console.log(
    `This machine allows ${o.ceiling.toFixed(2)}×: while the pool ran, everything else kept ${rest.toFixed(2)} of a ` +
      `core busy (${restKinds}), leaving the ${o.workers} workers ${cores.toFixed(2)} of the ${o.cores} logical ` +
      `processors, on which their ${workers.toFixed(0)} ms of CPU take at least ${(workers / cores).toFixed(0)} ms, ` +
      `against the blocking run's ${o.blockingWorkMs.toFixed(0)} ms on the page's thread. Their CPU filled ` +
      `${(used * 100).toFixed(0)} % of the ${wallMs.toFixed(0)} ms run × ${o.workers} (idle: ${idleText}).\n`,
  );
}
