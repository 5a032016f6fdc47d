/**
 * Where a warm task round trip's time goes, as a CPU profile: `trips` tiny tasks (the bench's
 * primes to 100, split over a pool of 2) one after another through the real task host, with real
 * worker threads or child processes, all bundled as the app ships them (host-worker-entries.ts).
 *
 *   npx tsx e2e/round-trip-profile.ts [trips=10000] [place=worker-thread] [warm-up=20] [profile.cpuprofile]
 *
 * Prints the median round trip of every 200 (the JIT's warm-up shows as a falling line; the host
 * bench's median is of the first 200) and the CPU time per trip of each thread of this process,
 * from /proc (nanoseconds on the CPU): unlike the wall time, it does not grow when other work
 * takes the cores. With a file name, the main thread's profile is written
 * there (open it in Chrome's DevTools); `node --cpu-prof --import tsx` instead also profiles the
 * worker threads. `node --no-opt --import tsx` keeps every function unoptimised: the first runs of
 * a session, for as long as you like.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { performance } from 'node:perf_hooks';
import { POOL_PLACES, type PoolPlace } from '../shared/host/host-places';
import { cpuMs } from './support/cpu-by-thread';
import { hostWorkerEntries } from './support/host-worker-entries';

const [tripsArg = '10000', placeArg = 'worker-thread', warmUpArg = '20', profileFile] = process.argv.slice(2);
const trips = Number(tripsArg);
const warmUp = Number(warmUpArg);
const place = POOL_PLACES.find((p) => p === placeArg);
if (!place || !(trips >= 1) || !(warmUp >= 0)) {
  throw new Error(`usage: round-trip-profile [trips ≥ 1] [${POOL_PLACES.join('|')}] [warm-up ≥ 0] [file]`);
}

/** CPU milliseconds so far of each thread of this process, by thread id. */
function cpuByThread(): Map<string, number> {
  const cpu = new Map<string, number>();
  for (const tid of readdirSync(`/proc/${process.pid}/task`)) {
    const ms = threadCpuMs(tid);
    if (ms !== undefined) cpu.set(tid, ms);
  }
  return cpu;
}

/** One thread of this process's CPU milliseconds so far (undefined once it has ended). */
const threadCpuMs = (tid: string): number | undefined => cpuMs(`/proc/${process.pid}/task/${tid}`) ?? undefined;

/** Trips per window of the report: the host bench's median is of 200 (e2e/support/host-bench.ts). */
const WINDOW = 200;

async function main(at: PoolPlace): Promise<void> {
  const entries = await hostWorkerEntries();
  const { createTaskHost, workerThreadSpawner, childProcessSpawner } = entries.kit;
  // Threads that start after this are the pool's (worker threads; a child process is not counted here).
  const before = new Set(cpuByThread().keys());
  const host = createTaskHost({
    workerThreads: { size: 2, spawn: workerThreadSpawner(entries.thread) },
    utility: { size: 2, spawn: childProcessSpawner(entries.process, { execArgv: entries.processExecArgv }) },
  });
  let id = 0;
  const trip = () =>
    new Promise<void>((resolve, reject) =>
      host.start(`profile-${id++}`, at, { workload: 'primes', params: { limit: 100 } }, (event) => {
        if (event.type !== 'end') return;
        if (event.outcome.status === 'done') resolve();
        else reject(new Error(`a tiny task ended "${event.outcome.status}": ${JSON.stringify(event.outcome)}`));
      }),
    );
  try {
    for (let i = 0; i < warmUp; i++) await trip();
    const session = new Session();
    if (profileFile) {
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.setSamplingInterval', { interval: 50 });
      await session.post('Profiler.start');
    }
    const main = String(process.pid);
    const start = cpuByThread();
    const times: number[] = [];
    // The main thread's CPU as each window starts (one small read, outside the timed trips).
    const mainCpuAt: number[] = [];
    for (let i = 0; i < trips; i++) {
      if (i % WINDOW === 0) mainCpuAt.push(threadCpuMs(main) ?? Number.NaN);
      const started = performance.now();
      await trip();
      times.push(performance.now() - started);
    }
    const after = cpuByThread();
    if (profileFile) {
      const { profile } = await session.post('Profiler.stop');
      writeFileSync(profileFile, JSON.stringify(profile));
      session.disconnect();
    }
    const medianOf = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] ?? Number.NaN;
    const windows: string[] = [];
    const windowCpu: string[] = [];
    mainCpuAt.push(after.get(main) ?? Number.NaN);
    for (let w = 0; w < trips; w += WINDOW) {
      const slice = times.slice(w, w + WINDOW);
      windows.push(medianOf(slice).toFixed(3));
      const cpuMs = (mainCpuAt[w / WINDOW + 1] ?? Number.NaN) - (mainCpuAt[w / WINDOW] ?? Number.NaN);
      windowCpu.push(((1000 * cpuMs) / slice.length).toFixed(0));
    }
    const perTrip = (tid: string) => (1000 * ((after.get(tid) ?? 0) - (start.get(tid) ?? 0))) / trips;
    const list = (tids: string[]) =>
      tids
        .map(perTrip)
        .filter((us) => us > 0)
        .map((us) => us.toFixed(1))
        .join(' ');
    const pool = [...after.keys()].filter((tid) => !before.has(tid));
    const others = [...after.keys()].filter((tid) => tid !== main && before.has(tid));
    console.log(`${at}: median round trip of each ${WINDOW}, ms: ${windows.join(' ')}`);
    console.log(`main thread's CPU per trip in each ${WINDOW}, µs: ${windowCpu.join(' ')}`);
    console.log(
      `CPU per trip: main thread ${perTrip(main).toFixed(1)} µs, threads started with the pool ` +
        `${list(pool) || '—'} µs, other threads ${list(others) || '—'} µs`,
    );
  } finally {
    await host.dispose();
    entries.cleanup();
  }
}

await main(place);
