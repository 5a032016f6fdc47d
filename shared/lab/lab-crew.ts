import type { PoolWorkerEvents, Timers } from '../pool/worker-pool';
import { parseLabParams } from './lab-params';
import { createLabMemory, type LabMemory } from './lab-memory';
import { parseFromLabWorker, type ToLabWorker } from './lab-messages';
import type { ScenarioVerdict } from './scenario';
import { getScenario, type ScenarioName } from './scenarios';
import { formatInSeconds } from '../format/format-duration';

/** One lab worker as the crew sees it: a Web Worker or a worker thread. */
export interface LabWorker {
  post(message: ToLabWorker): void;
  terminate(): void;
}
export type SpawnLabWorker = (lane: number, events: PoolWorkerEvents) => LabWorker;

export type CrewOutcome =
  | {
      readonly status: 'done';
      readonly results: readonly unknown[];
      readonly verdict: ScenarioVerdict;
      readonly elapsedMs: number;
    }
  | { readonly status: 'failed' | 'timed-out' | 'cancelled'; readonly message: string; readonly elapsedMs: number };

export interface CrewRun {
  /** The run's shared memory: the page draws the lanes from `memory.board`. */
  readonly memory: LabMemory;
  readonly lanes: number;
  readonly done: Promise<CrewOutcome>;
  cancel(): void;
}

interface Member {
  worker: LabWorker;
  onMessage(data: unknown): void;
  onFailed(reason: string): void;
}

/**
 * The lab's workers. Why not the WorkerPool: a pool runs one job per worker and queues the
 * rest, while a lab scenario needs all its workers running *at the same moment* on one shared
 * buffer — and a worker stuck in a deadlock cannot be cancelled by a message, only terminated.
 *
 * So a crew starts one worker per lane, keeps them between runs (twenty bank rounds do not pay
 * twenty start-ups), and terminates every worker of a run that fails, times out or is
 * cancelled. One run at a time.
 */
export class LabCrew {
  private readonly members: (Member | null)[] = [];
  private nextRun = 1;
  private active = false;
  private disposed = false;

  constructor(
    private readonly spawn: SpawnLabWorker,
    private readonly timers: Timers,
    private readonly now: () => number,
  ) {}

  /** Workers alive now (started and not terminated). */
  live(): number {
    return this.members.filter((m) => m !== null).length;
  }

  /**
   * Starts a run. Throws a ParamsError for bad params, and an Error while another run is on.
   * `timeoutMs` is the watchdog: past it every worker of the run is terminated.
   */
  run(name: ScenarioName, input: unknown, timeoutMs: number): CrewRun {
    if (this.disposed) throw new Error('The lab’s workers have been shut down');
    if (this.active) throw new Error('A lab run is already under way');
    const scenario = getScenario(name);
    const params = parseLabParams(scenario.params, input, name);
    const lanes = scenario.lanes(params);
    const memory = createLabMemory(lanes, scenario.dataCells(params));
    scenario.prepare(memory.data, params);
    const runId = this.nextRun++;
    const started = this.now();
    const results: unknown[] = new Array<unknown>(lanes);
    let reported = 0;
    let settled = false;
    let resolve!: (outcome: CrewOutcome) => void;
    const done = new Promise<CrewOutcome>((r) => (resolve = r));
    this.active = true;

    const settle = (outcome: CrewOutcome, stopWorkers: boolean) => {
      if (settled) return;
      settled = true;
      this.active = false;
      this.timers.clear(timer);
      // Workers of a run that did not finish may be blocked for ever: end them, start fresh next time.
      if (stopWorkers) for (let lane = 0; lane < lanes; lane++) this.retire(lane);
      for (let lane = 0; lane < lanes; lane++) {
        const member = this.members[lane];
        if (member) member.onMessage = member.onFailed = () => {};
      }
      resolve(outcome);
    };
    const fail = (status: 'failed' | 'timed-out' | 'cancelled', message: string) =>
      settle({ status, message, elapsedMs: this.now() - started }, true);
    const timer = this.timers.set(
      () =>
        fail(
          'timed-out',
          `The run did not finish within ${formatInSeconds(timeoutMs, 1)}; its workers were terminated`,
        ),
      timeoutMs,
    );

    for (let lane = 0; lane < lanes; lane++) {
      let member: Member;
      try {
        member = this.member(lane);
      } catch (error) {
        fail('failed', `Could not start worker ${lane + 1}: ${String(error)}`);
        return { memory, lanes, done, cancel: () => {} };
      }
      member.onFailed = (reason) => fail('failed', reason);
      member.onMessage = (data) => {
        const parsed = parseFromLabWorker(data);
        if (!parsed.ok) return fail('failed', `Worker ${lane + 1} sent an invalid message: ${parsed.error}`);
        const msg = parsed.message;
        if (msg.runId !== runId || msg.lane !== lane) return; // late news from an earlier run
        if (msg.type === 'error') return fail('failed', `Worker ${lane + 1}: ${msg.message}`);
        const result = scenario.laneResult.safeParse(msg.result);
        if (!result.success)
          return fail('failed', `Worker ${lane + 1} returned a result that does not fit the ${name} scenario`);
        if (results[lane] === undefined) reported++;
        results[lane] = result.data;
        if (reported === lanes) {
          settle(
            {
              status: 'done',
              results,
              verdict: scenario.verdict(params, memory.data, results),
              elapsedMs: this.now() - started,
            },
            false,
          );
        }
      };
    }
    for (let lane = 0; lane < lanes && !settled; lane++) {
      try {
        this.members[lane]?.worker.post({
          type: 'run',
          runId,
          scenario: name,
          lane,
          lanes,
          buffer: memory.buffer,
          params: input,
        });
      } catch (error) {
        fail('failed', `Could not send the run to worker ${lane + 1}: ${String(error)}`);
      }
    }
    return { memory, lanes, done, cancel: () => fail('cancelled', 'Cancelled; the workers were terminated') };
  }

  /** Terminates every worker; the crew cannot run again. */
  dispose(): void {
    this.disposed = true;
    for (let lane = 0; lane < this.members.length; lane++) {
      this.members[lane]?.onFailed('The lab’s workers were shut down');
      this.retire(lane);
    }
  }

  private member(lane: number): Member {
    const existing = this.members[lane];
    if (existing) return existing;
    const member: Member = { worker: null as unknown as LabWorker, onMessage: () => {}, onFailed: () => {} };
    member.worker = this.spawn(lane, {
      message: (data) => member.onMessage(data),
      failed: (reason) => {
        if (this.members[lane] === member) this.members[lane] = null;
        member.onFailed(reason);
      },
    });
    this.members[lane] = member;
    return member;
  }

  private retire(lane: number): void {
    const member = this.members[lane];
    this.members[lane] = null;
    if (!member) return;
    try {
      member.worker.terminate();
    } catch {
      // Already gone.
    }
  }
}
