import { LabCrew, type SpawnLabWorker } from '../../../shared/lab/lab-crew';
import type { LabRunAnswer, LabRunRequest } from '../../../shared/lab/lab-ipc';
import type { Timers } from '../../../shared/pool/worker-pool';
import { messageOf } from '../../../shared/errors/message-of';
import { printableLine } from '../../../shared/ipc/result';

/** The watchdog for one run in the main process: past it, the run's threads are terminated. */
export const LAB_RUN_TIMEOUT_MS = 30_000;

const nodeTimers: Timers = {
  set: (callback, ms) => setTimeout(callback, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface LabRunner {
  run(request: LabRunRequest): Promise<LabRunAnswer>;
  /** Worker threads alive in the crew now. */
  live(): number;
  dispose(): void;
}

/**
 * The desktop app's lab runner: the same scenarios as the page's Web Workers, in worker threads
 * of the main process (one crew, one run at a time). A blocked thread blocks only itself: the
 * main process's event loop never waits on a lock, and a deadlocked run is ended by the
 * scenario's acquire timeouts or, failing that, by the watchdog.
 */
export function createLabRunner(
  spawn: SpawnLabWorker,
  timeoutMs = LAB_RUN_TIMEOUT_MS,
  timers: Timers = nodeTimers,
): LabRunner {
  const crew = new LabCrew(spawn, timers, () => performance.now());
  return {
    async run(request) {
      let run;
      try {
        run = crew.run(request.scenario, request.params, timeoutMs);
      } catch (error) {
        const message = printableLine(messageOf(error));
        return { status: 'failed', message, asExpected: false, figures: {}, elapsedMs: 0, threads: crew.live() };
      }
      const outcome = await run.done;
      if (outcome.status !== 'done') {
        return {
          status: outcome.status,
          // A worker's own words: as untrusted as a page's, so cut and escaped like them.
          message: printableLine(outcome.message),
          asExpected: false,
          figures: {},
          elapsedMs: outcome.elapsedMs,
          threads: run.lanes,
        };
      }
      const { verdict } = outcome;
      return {
        status: 'done',
        message: printableLine(verdict.measured),
        asExpected: verdict.asExpected,
        figures: { ...verdict.figures },
        elapsedMs: outcome.elapsedMs,
        threads: run.lanes,
      };
    },
    live: () => crew.live(),
    dispose: () => crew.dispose(),
  };
}
