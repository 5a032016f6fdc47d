/**
 * The data-cost lab's utility process: the far side of "a MessagePort to a utility process". In
 * the app the main process forks it (utilityProcess.fork) and hands it one end of a
 * MessageChannelMain in a `{ kind: 'port' }` message; the page holds the other end, so payloads go
 * page → utility process directly, without passing through the main process's event loop. In
 * Node's tests a child_process.fork stands in, and its IPC channel is the port.
 *
 * Every message is checked where it arrives (shared/datacost/echo-answer.ts); only clones cross
 * a process boundary. The fork must use `serialization: 'advanced'` (structured clone), or a
 * Uint8Array arrives as a plain object.
 */
import { performance } from 'node:perf_hooks';
import { answerEcho } from '../../shared/datacost/echo-answer';

/** Electron's MessagePortMain, as far as this file uses it; @types/node does not know it. */
interface PortMain {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
  start(): void;
}

/** Electron's `process.parentPort` in a utility process. */
interface ParentPort {
  on(event: 'message', listener: (event: { data: unknown; ports: readonly PortMain[] }) => void): void;
}

const parentPort = (process as NodeJS.Process & { readonly parentPort?: ParentPort }).parentPort;

/** The shared clock (epoch ms) the page's sweep reads "received after" from. */
const now = () => performance.timeOrigin + performance.now();

function serve(listen: (handle: (data: unknown) => void) => void, post: (message: unknown) => void): void {
  listen((data) => {
    const receivedAt = now();
    post(answerEcho(data, receivedAt, 'process').reply);
  });
}

if (parentPort) {
  parentPort.on('message', (event) => {
    const port = event.ports[0];
    if (!port) return; // Only the port is expected from the main process; nothing else is served there.
    serve(
      (handle) => port.on('message', (message) => handle(message.data)),
      (message) => port.postMessage(message),
    );
    port.start();
  });
} else {
  const send = process.send?.bind(process);
  if (!send) throw new Error('data-echo-entry must be started by utilityProcess.fork or child_process.fork');
  process.on('disconnect', () => process.exit(0));
  serve(
    (handle) => process.on('message', handle),
    (message) => void send(message, undefined, undefined, () => {}),
  );
}
