import type { PoolWorker, PoolWorkerEvents } from '../../../shared/pool/worker-pool';

/**
 * A pool worker that also says when its thread or process has really gone, so the task host
 * can wait for every one of them on dispose (and tests can prove nothing leaked).
 */
export interface HostWorker extends PoolWorker {
  /** Resolves once the thread or process has exited, for whatever reason. */
  readonly exited: Promise<void>;
  hasExited(): boolean;
  /** The OS process id (processes) or thread id (worker threads), for logs and tests. */
  readonly id: number | undefined;
}

/**
 * What the task host accepts: the shared SpawnWorker, optionally returning a HostWorker. A
 * plain PoolWorker (no `exited`) is fine too; dispose then cannot wait for it.
 */
export type SpawnHostWorker = (
  lane: number,
  events: PoolWorkerEvents,
) => PoolWorker & Partial<Pick<HostWorker, 'exited'>>;
