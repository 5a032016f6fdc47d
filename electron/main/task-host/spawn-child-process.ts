import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { PoolWorkerEvents } from '../../../shared/pool/worker-pool';
import type { HostWorker } from './host-worker';
import { StderrTail } from './stderr-tail';
import { workerLife } from './worker-life';

export interface ChildProcessOptions {
  /** Node options for the child, e.g. ['--import', 'tsx'] to run a .ts entry. Default: none. */
  readonly execArgv?: string[];
  /**
   * 'pipe' (default): the child's stderr is kept (its last error line explains a crash) and
   * nothing reaches our console; 'inherit': the child writes to our terminal; 'ignore'.
   */
  readonly stdio?: 'pipe' | 'inherit' | 'ignore';
  /** How failure messages name a process: "Utility process 1 crashed (signal SIGABRT)". */
  readonly label?: string;
  /** Called with each child as it starts (logging, tests). */
  readonly onSpawn?: (child: ChildProcess, lane: number) => void;
}

/**
 * SpawnWorker for plain Node processes (child_process.fork): the stand-in for Electron's
 * utilityProcess where Electron cannot run (tests, the bench), with the same failure
 * semantics. Messages use `serialization: 'advanced'` so typed arrays survive the copy.
 */
export function childProcessSpawner(entry: string | URL, options: ChildProcessOptions = {}) {
  const label = options.label ?? 'Utility process';
  const modulePath = entry instanceof URL ? fileURLToPath(entry) : entry;
  const stdio = options.stdio ?? 'pipe';
  return (lane: number, events: PoolWorkerEvents): HostWorker => {
    const name = `${label} ${lane + 1}`;
    // The argument only names the process in `ps` and task managers; the entry ignores it.
    const child = fork(modulePath, [`--unfreeze-lane=${lane + 1}`], {
      execArgv: options.execArgv ?? [],
      serialization: 'advanced',
      stdio:
        stdio === 'pipe'
          ? ['ignore', 'ignore', 'pipe', 'ipc']
          : stdio === 'ignore'
            ? ['ignore', 'ignore', 'ignore', 'ipc']
            : 'inherit',
    });
    const stderr = StderrTail.of(child.stderr);
    const life = workerLife((reason) => events.failed(reason));

    // 'exit' stops all posting at once; the failure is reported on 'close', when stderr has
    // been read to the end and can explain what happened.
    child.once('exit', () => life.markExited());
    child.once('close', (code: number | null, signal: NodeJS.Signals | null) => {
      if (signal !== null) life.fail(`${name} crashed (signal ${signal})`, stderr.errorLine());
      else life.fail(`${name} exited with code ${code ?? 'unknown'}`, stderr.errorLine());
    });
    // Failed to start (or to be signalled); 'exit'/'close' may or may not follow.
    child.on('error', (error) => {
      // No pid: it never started, so no 'exit' will come either.
      if (child.pid === undefined) life.markExited();
      life.fail(`${name} could not be started or reached: ${error.message}`);
    });
    child.on('message', (data: unknown) => events.message(data));
    options.onSpawn?.(child, lane);

    return {
      id: child.pid,
      exited: life.exited,
      hasExited: life.hasExited,
      post: (message) => {
        // Never write to a process that has exited or closed its channel: Node would raise
        // ERR_IPC_CHANNEL_CLOSED. Its death is (or is about to be) reported through `failed`.
        if (!life.isAlive() || !child.connected) return;
        child.send(message, (error) => {
          if (error) life.fail(`${name} could not be reached: ${error.message}`);
        });
      },
      terminate: () => {
        // SIGKILL: a process spinning in a loop never reads a polite request to stop.
        if (life.stop()) child.kill('SIGKILL');
      },
    };
  };
}
