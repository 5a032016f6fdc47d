import { Worker } from 'node:worker_threads';
import type { SpawnLabWorker } from '../../../shared/lab/lab-crew';

export interface LabThreads {
  readonly spawn: SpawnLabWorker;
  /** Threads started and not yet exited — to prove that none is left behind. */
  alive(): number;
  /** Resolves when every thread started so far has exited. */
  allExited(): Promise<void>;
}

/**
 * Starts lab workers as worker threads running `entry` (normally the built
 * out/main/workers/lab-thread-entry.js). A crash or an exit we did not ask for fails the run.
 */
export function labThreadSpawner(entry: string | URL): LabThreads {
  const exits: Promise<void>[] = [];
  let alive = 0;
  const spawn: SpawnLabWorker = (lane, events) => {
    const worker = new Worker(entry, { name: `unfreeze lab thread ${lane + 1}` });
    alive++;
    let stopping = false;
    exits.push(
      new Promise((resolve) =>
        worker.once('exit', (code) => {
          alive--;
          if (!stopping) events.failed(`Lab thread ${lane + 1} exited with code ${code}`);
          resolve();
        }),
      ),
    );
    worker.on('message', (data: unknown) => events.message(data));
    worker.on('error', (error: Error) => {
      if (!stopping) events.failed(`Lab thread ${lane + 1} crashed: ${error.message}`);
    });
    return {
      post: (message) => worker.postMessage(message),
      terminate: () => {
        stopping = true;
        // Also ends a thread blocked in Atomics.wait (a deadlock): V8 interrupts the wait.
        void worker.terminate();
      },
    };
  };
  return { spawn, alive: () => alive, allExited: async () => void (await Promise.all(exits)) };
}
