import { Worker } from 'node:worker_threads';
import type { SpawnLabWorker } from '../../../shared/lab/lab-crew';
import { workerLife } from '../task-host/worker-life';

export interface LabThreads {
  readonly spawn: SpawnLabWorker;
  /** Threads started and not yet exited — to prove that none is left behind. */
  alive(): number;
  /** Resolves when every thread started so far has exited. */
  allExited(): Promise<void>;
}

/**
 * Starts lab workers as worker threads running `entry` (normally the built
 * out/main/workers/lab-thread-entry.js). A crash or an exit we did not ask for fails the run,
 * once; nothing is posted to a thread that has gone.
 */
export function labThreadSpawner(entry: string | URL): LabThreads {
  const exits: Promise<void>[] = [];
  let alive = 0;
  const spawn: SpawnLabWorker = (lane, events) => {
    const name = `Lab thread ${lane + 1}`;
    const worker = new Worker(entry, { name: `unfreeze ${name.toLowerCase()}` });
    const life = workerLife((reason) => events.failed(reason));
    alive++;
    exits.push(life.exited);
    worker.once('exit', (code) => {
      alive--;
      life.markExited();
      life.fail(`${name} exited with code ${code}`);
    });
    worker.on('message', (data: unknown) => events.message(data));
    worker.on('error', (error: Error) => life.fail(`${name} crashed: ${error.message}`));
    return {
      post: (message) => {
        if (life.isAlive()) worker.postMessage(message);
      },
      terminate: () => {
        // Also ends a thread blocked in Atomics.wait (a deadlock): V8 interrupts the wait.
        if (life.stop()) void worker.terminate();
      },
    };
  };
  return { spawn, alive: () => alive, allExited: async () => void (await Promise.all(exits)) };
}
