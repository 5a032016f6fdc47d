import type { PoolPlace } from '../../shared/host/host-places';
import type { TaskEvent } from '../../shared/host/task-event';
import { CRASH_MODES, type CrashMode } from '../../shared/protocol/messages';
import type { HostWorker } from '../../electron/main/task-host/host-worker';
import { sourceProcessSpawner, sourceThreadSpawner } from '../../electron/main/task-host/fixtures/source-entries';
import { withTimeout } from '../../electron/main/task-host/fixtures/task-runs';
import { createTaskHost, type TaskHost } from '../../electron/main/task-host/task-host';

/**
 * Faults injected into real worker threads and child processes (the stand-in for utility
 * processes) while a bystander task runs on the pool's other lane: the victim must end (failed or
 * cancelled), the bystander must get its exact result, and the pool must heal (the next task runs).
 */
export type FaultKind = 'SIGKILL' | 'SIGSTOP' | 'terminate' | 'deadline' | CrashMode;
export const FAULTS_BY_PLACE: Readonly<Record<PoolPlace, readonly FaultKind[]>> = {
  'worker-thread': ['terminate', 'deadline', ...CRASH_MODES],
  'utility-process': ['SIGKILL', 'SIGSTOP', 'terminate', 'deadline', ...CRASH_MODES],
};

/** A pool job's deadline in this harness: the victims of 'deadline' and 'SIGSTOP' meet it. */
const DEADLINE_MS = 1000;
/** Busy for far longer than the deadline: the victim of every signal and termination. */
const LONG = { workload: 'primes', params: { limit: 100_000_000 } } as const;
/** 17,984 primes up to 200,000: what the bystander must report, every time. */
const BYSTANDER = { workload: 'primes', params: { limit: 200_000 } } as const;

interface Lane {
  worker: HostWorker | null;
}

interface Run {
  readonly events: TaskEvent[];
  readonly end: Promise<Extract<TaskEvent, { type: 'end' }>['outcome']>;
}

export interface FaultHarness {
  inject(place: PoolPlace, fault: FaultKind, n: number): Promise<string[]>;
  dispose(): Promise<void>;
}

export function faultHarness(): FaultHarness {
  const lanes: Record<PoolPlace, Lane[]> = { 'worker-thread': [], 'utility-process': [] };
  const tracked = (place: PoolPlace, spawn: (lane: number, events: never) => HostWorker) =>
    ((lane, events) => {
      const worker = spawn(lane, events as never);
      lanes[place][lane] = { worker };
      return worker;
    }) as Parameters<typeof createTaskHost>[0]['workerThreads']['spawn'];
  const host: TaskHost = createTaskHost({
    workerThreads: { size: 2, spawn: tracked('worker-thread', sourceThreadSpawner()) },
    utility: { size: 2, spawn: tracked('utility-process', sourceProcessSpawner()) },
    jobDeadlineMs: DEADLINE_MS,
    estimateMs: () => null,
  });

  const run = (start: (emit: (e: TaskEvent) => void) => void): Run => {
    const events: TaskEvent[] = [];
    let resolve!: (o: Extract<TaskEvent, { type: 'end' }>['outcome']) => void;
    const end = new Promise<Extract<TaskEvent, { type: 'end' }>['outcome']>((r) => (resolve = r));
    start((e) => {
      events.push(e);
      if (e.type === 'end') resolve(e.outcome);
    });
    return { events, end };
  };
  const laneOf = async (r: Run) => {
    for (;;) {
      const lanesEvent = r.events.find((e) => e.type === 'lanes');
      const lane = lanesEvent?.type === 'lanes' ? lanesEvent.lanes[0]?.lane : undefined;
      if (lane !== undefined && lane >= 0) return lane;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  };

  return {
    async inject(place, fault, n) {
      const problems: string[] = [];
      const id = `${place}-${fault}-${n}`;
      const crash = (CRASH_MODES as readonly string[]).includes(fault);
      const victim = crash
        ? run((emit) => host.startCrash(`victim-${id}`, place, fault as CrashMode, emit))
        : run((emit) => host.start(`victim-${id}`, place, LONG, emit, 1));
      const lane = await withTimeout(laneOf(victim), 20_000, `${id}: the victim starts`);
      const bystander = run((emit) => host.start(`bystander-${id}`, place, BYSTANDER, emit, 1));
      const worker = lanes[place][lane]?.worker;
      if (!worker) return [`${id}: no worker on lane ${lane}`];
      switch (fault) {
        case 'SIGKILL':
        case 'SIGSTOP':
          if (worker.id !== undefined) process.kill(worker.id, fault);
          else problems.push(`${id}: the process has no pid`);
          break;
        case 'terminate':
          worker.terminate();
          break;
        case 'hang':
          // The crash lab's hang stays a hang (no deadline) until the user cancels it.
          await new Promise((resolve) => setTimeout(resolve, 50));
          host.cancel(`victim-${id}`);
          break;
        default:
          break; // 'deadline': the victim just runs past it; throw, exit, crash break on their own.
      }
      const [victimEnd, bystanderEnd] = await withTimeout(
        Promise.all([victim.end, bystander.end]),
        30_000,
        `${id}: both tasks end`,
      );
      const expected = fault === 'hang' ? 'cancelled' : 'failed';
      if (victimEnd.status !== expected) problems.push(`${id}: the victim ended ${victimEnd.status}, not ${expected}`);
      if (bystanderEnd.status !== 'done' || JSON.stringify(bystanderEnd.result) !== '{"limit":200000,"count":17984}')
        problems.push(`${id}: the bystander lost its result: ${JSON.stringify(bystanderEnd).slice(0, 200)}`);
      const next = run((emit) =>
        host.start(`next-${id}`, place, { workload: 'primes', params: { limit: 1000 } }, emit, 2),
      );
      const nextEnd = await withTimeout(next.end, 30_000, `${id}: the pool heals`);
      if (nextEnd.status !== 'done')
        problems.push(`${id}: the pool did not heal: ${JSON.stringify(nextEnd).slice(0, 300)}`);
      const pool = host.pools()[place];
      if (pool.queued !== 0 || pool.lanes.some((l) => l.busy)) problems.push(`${id}: the pool is not idle afterwards`);
      return problems;
    },
    dispose: () => host.dispose(),
  };
}
