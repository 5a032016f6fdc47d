import { utilityProcess } from 'electron';
import type { PoolWorkerEvents } from '../../shared/pool/worker-pool';
import { StderrTail } from './task-host/stderr-tail';
import type { HostWorker } from './task-host/task-host';

/**
 * SpawnWorker for Electron utility processes: one OS process per pool lane, started from
 * `entry` (out/main/workers/process-entry.js, see builtEntry). Each is named "Unfreeze worker N"
 * through `serviceName`, which is how app.getAppMetrics() lists it, so the meters show each
 * worker's own CPU. An exit we did not ask for fails the lane's job with a clear reason and the
 * pool replaces the process; nothing is posted to a process that has exited.
 */
export function utilityProcessSpawner(entry: string) {
  return (lane: number, events: PoolWorkerEvents): HostWorker => {
    const name = `Unfreeze worker ${lane + 1}`;
    // stdio 'pipe' (stdin is always ignored): stderr is kept to explain a crash, stdout is
    // drained so a chatty worker can never fill the pipe and block.
    const child = utilityProcess.fork(entry, [], { serviceName: name, stdio: 'pipe' });
    const stderr = new StderrTail();
    child.stderr?.on('data', (chunk: Buffer | string) => stderr.push(chunk));
    child.stdout?.resume();

    let exited = false;
    let killing = false;
    let fatal = '';
    let markExited = () => {};
    const gone = new Promise<void>((resolve) => {
      markExited = () => {
        exited = true;
        resolve();
      };
    });

    // A fatal V8 error; 'exit' always follows, and reports it.
    child.on('error', (type, location) => {
      fatal = `${type} at ${location}`;
    });
    child.on('exit', (code) => {
      markExited();
      if (killing) return;
      const why = fatal || stderr.errorLine();
      events.failed(`${name} exited unexpectedly with code ${code}${why ? `: ${why}` : ''}`);
    });
    child.on('message', (data: unknown) => events.message(data));

    return {
      // A getter: the pid is known only once the process has spawned.
      get id() {
        return child.pid;
      },
      exited: gone,
      hasExited: () => exited,
      post: (message) => {
        if (exited || killing) return;
        // No transfer list: utilityProcess.postMessage can transfer only MessagePortMain objects,
        // so any ArrayBuffer in a message is copied (structured clone) into the other process.
        // Tile pixels coming back are copied the same way; that copy is the price of a process.
        child.postMessage(message);
      },
      terminate: () => {
        if (killing || exited) return;
        killing = true;
        // SIGTERM on POSIX: even a process spinning in a loop (the crash lab's "hang") ends, as
        // Node installs no handler for it.
        child.kill();
      },
    };
  };
}
