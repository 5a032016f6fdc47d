/**
 * The entry of a background OS process: an Electron utility process (utilityProcess.fork) in
 * the app, or a plain child_process.fork stand-in in Node tests and the bench. Either way it
 * serves the shared task protocol.
 *
 * Crossing a process boundary always copies: there is no transfer of buffers between
 * processes, so every tile's pixels are serialized here and deserialized in the main process.
 * Over child_process the parent must fork with `serialization: 'advanced'` (the structured
 * clone algorithm), or typed arrays such as a tile's Uint8ClampedArray arrive as plain objects.
 */
import { performance } from 'node:perf_hooks';
import type { FromWorker } from '../../shared/protocol/messages';
import { createTaskServer } from '../../shared/run/task-server';
import { traceClock } from '../../shared/trace/trace-clock';
import { crashOnPurpose } from './crash-on-purpose';

/** Electron's `process.parentPort` in a utility process; @types/node does not know it. */
interface ParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

interface ElectronProcess {
  readonly parentPort?: ParentPort;
  /** Electron only: crashes the process like a native fault would. */
  crash?(): void;
}

const electronProcess = process as NodeJS.Process & ElectronProcess;

/** How messages leave this process: Electron's parent port, or Node's IPC channel. */
function channel(): { send(message: FromWorker): void; listen(handle: (data: unknown) => void): void } {
  const port = electronProcess.parentPort;
  if (port) {
    return {
      send: (message) => port.postMessage(message),
      listen: (handle) => port.on('message', (event) => handle(event.data)),
    };
  }
  const send = process.send?.bind(process);
  if (!send) throw new Error('process-entry must be started by utilityProcess.fork or child_process.fork');
  // The parent went away (closed the channel, or died): nobody will read our answers.
  process.on('disconnect', () => process.exit(0));
  return {
    // The callback swallows ERR_IPC_CHANNEL_CLOSED from a send racing the disconnect above.
    send: (message) => void send(message, undefined, undefined, () => {}),
    listen: (handle) => process.on('message', handle),
  };
}

const crash = crashOnPurpose({
  exit: (code) => process.exit(code),
  // Electron's process.crash() where it exists; in plain Node, abort() (SIGABRT).
  crashHard: () => (electronProcess.crash ? electronProcess.crash() : process.abort()),
});

const { send, listen } = channel();

const handle = createTaskServer({
  // No transfer list across processes: the message is copied whatever we pass.
  post: (message) => send(message),
  now: () => performance.now(),
  // The timeline's clock: this worker's spans ride on its messages (shared/trace/).
  traceClock: traceClock(performance),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  yieldToLoop: () => new Promise((resolve) => setImmediate(resolve)),
  crash,
});

listen(handle);
