/**
 * Where a warm task round trip's time goes, as a CPU profile: `trips` tiny tasks (the bench's
 * primes to 100, split over a pool of 2) one after another through the real task host, with real
 * worker threads or child processes, all bundled as the app ships them (host-worker-entries.ts).
 *
 *   npx tsx e2e/round-trip-profile.ts [trips=10000] [place=worker-thread] [warm-up=20] [profile.cpuprofile]
 *
 * Prints the median round trip of every 500 (the JIT's warm-up shows as a falling line) and the
 * CPU time per trip of each thread of this process, from /proc: unlike the wall time, it does not
 * grow when other work takes the cores. With a file name, the main thread's profile is written
 * there (open it in Chrome's DevTools); `node --cpu-prof --import tsx` instead also profiles the
 * worker threads. `node --no-opt --import tsx` keeps every function unoptimised: the first runs of
 * a session, for as long as you like.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { performance } from 'node:perf_hooks';
import { POOL_PLACES, type PoolPlace } from '../shared/host/host-places';
import { hostWorkerEntries } from './support/host-worker-entries';

const [tripsArg = '10000', placeArg = 'worker-thread', warmUpArg = '20', profileFile] = process.argv.slice(2);
const trips = Number(tripsArg);
const warmUp = Number(warmUpArg);
const place = POOL_PLACES.find((p) => p === placeArg);
if (!place || !(trips >= 1) || !(warmUp >= 0)) {
  throw new Error(`usage: round-trip-profile [trips ≥ 1] [${POOL_PLACES.join('|')}] [warm-up ≥ 0] [file]`);
}

/** CPU milliseconds so far of each thread of this process, by thread id (/proc counts 10 ms ticks). */
function cpuByThread(): Map<string, number> {
  return new Map(
    readdirSync(`/proc/${process.pid}/task`).map((tid) => {
      const stat = readFileSync(`/proc/${process.pid}/task/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return [tid, (Number(fields[11]) + Number(fields[12])) * 10] as const;
    }),
  );
}

async function main(at: PoolPlace): Promise<void> {
  const entries = await hostWorkerEntries();
  const { createTaskHost, workerThreadSpawner, childProcessSpawner } = entries.kit;
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
        else reject(new Error(`a tiny task ended "${event.outcome.status}"`));
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
    const before = cpuByThread();
    const times: number[] = [];
    for (let i = 0; i < trips; i++) {
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
    for (let w = 0; w < trips; w += 500) windows.push(medianOf(times.slice(w, w + 500)).toFixed(3));
    const perTrip = (tid: string) => (1000 * ((after.get(tid) ?? 0) - (before.get(tid) ?? 0))) / trips;
    const others = [...after.keys()].filter((tid) => tid !== String(process.pid)).map(perTrip);
    console.log(`${at}: median round trip of each 500, ms: ${windows.join(' ')}`);
    console.log(
      `CPU per trip: main thread ${perTrip(String(process.pid)).toFixed(1)} µs, other threads ` +
        `${others
          .filter((us) => us > 0)
          .map((us) => us.toFixed(1))
          .join(' ')} µs`,
    );
  } finally {
    await host.dispose();
    entries.cleanup();
  }
}

await main(place);
