import type { PoolWorkerEvents } from '../../../shared/pool/worker-pool';
import type { HostWorker } from './host-worker';
import { StderrTail } from './stderr-tail';
import { workerLife } from './worker-life';

/**
 * The members of Electron's UtilityProcess that this spawner uses, and nothing more. Typed by
 * shape, so this file never imports `electron` (which cannot load in plain Node): the app passes
 * Electron's `utilityProcess.fork`, the tests an adapter over child_process.fork of the same shape.
 */
export interface UtilityProcessLike {
  /** Known only once the process has spawned. */
  readonly pid: number | undefined;
  readonly stdout: NodeJS.ReadableStream | null;
  readonly stderr: NodeJS.ReadableStream | null;
  /** Electron: "a non continuable error from V8"; 'exit' follows. */
  on(event: 'error', listener: (type: string, location: string, report: string) => void): this;
  on(event: 'exit', listener: (code: number) => void): this;
  on(event: 'message', listener: (message: unknown) => void): this;
  postMessage(message: unknown): void;
  kill(): boolean;
}

/** What this spawner asks of `fork`: the options it passes, typed as it passes them. */
export interface UtilityForkOptions {
  readonly serviceName: string;
  readonly stdio: 'pipe';
}

/** Electron's `utilityProcess.fork`, as far as this spawner uses it. */
export type ForkUtilityProcess = (
  modulePath: string,
  args: string[],
  options: UtilityForkOptions,
) => UtilityProcessLike;

/** How long a death's report waits for the rest of stderr, which can trail the exit a little. */
const STDERR_GRACE_MS = 250;

/**
 * SpawnWorker for Electron utility processes: one OS process per pool lane, started from
 * `entry` (out/main/workers/process-entry.js, see builtEntry) through `fork` (Electron's
 * utilityProcess.fork in the app). Each is named "Unfreeze worker N" through `serviceName`,
 * which is how app.getAppMetrics() lists it, so the meters show each worker's own CPU. An exit
 * we did not ask for fails the lane's job with a clear reason and the pool replaces the process;
 * nothing is posted to a process that has exited.
 */
export function utilityProcessSpawner(fork: ForkUtilityProcess, entry: string) {
  return (lane: number, events: PoolWorkerEvents): HostWorker => {
    const name = `Unfreeze worker ${lane + 1}`;
    // stdio 'pipe' (stdin is always ignored): stderr is kept to explain a crash, stdout is
    // drained so a chatty worker can never fill the pipe and block.
    const child = fork(entry, [], { serviceName: name, stdio: 'pipe' });
    const stderr = StderrTail.of(child.stderr);
    child.stdout?.resume();
    const life = workerLife((reason) => events.failed(reason));

    let fatal = '';
    // A fatal V8 error; 'exit' always follows, and reports it.
    child.on('error', (type, location) => {
      fatal = `${type} at ${location}`;
    });
    child.on('exit', (code) => {
      // Posting stops at once; the report waits for stderr's last lines, which explain it.
      life.markExited();
      void stderr
        .readToEnd(STDERR_GRACE_MS)
        .then(() => life.fail(`${name} exited unexpectedly with code ${code}`, fatal || stderr.errorLine()));
    });
    child.on('message', (data: unknown) => events.message(data));

    return {
      // A getter: the pid is known only once the process has spawned.
      get id() {
        return child.pid;
      },
      exited: life.exited,
      hasExited: life.hasExited,
      post: (message) => {
        if (!life.isAlive()) return;
        // No transfer list: utilityProcess.postMessage can transfer only MessagePortMain objects,
        // so any ArrayBuffer in a message is copied (structured clone) into the other process.
        // Tile pixels coming back are copied the same way; that copy is the price of a process.
        child.postMessage(message);
      },
      terminate: () => {
        // SIGTERM on POSIX: even a process spinning in a loop (the crash lab's "hang") ends, as
        // Node installs no handler for it.
        if (life.stop()) child.kill();
      },
    };
  };
}
