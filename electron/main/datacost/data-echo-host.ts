/**
 * The main process's part in the data-cost lab's "MessagePort to a utility process" leg: one
 * utility process (electron/workers/data-echo-entry.ts), started on the first request, and a fresh
 * channel for every page that asks. One end goes to the utility process, the other is returned
 * for the page: from then on the payloads go page → utility process directly, past this process.
 *
 * Electron is passed in by shape (fork, channel), so this file runs in plain Node's tests; the app
 * passes utilityProcess.fork and `() => new MessageChannelMain()` (electron/main/index.ts).
 */

/** Electron's UtilityProcess, as far as this host uses it. */
export interface EchoProcessLike<P> {
  on(event: 'exit', listener: (code: number) => void): unknown;
  /** Electron: only MessagePortMain objects can be transferred to a utility process. */
  postMessage(message: unknown, transfer?: P[]): void;
  kill(): boolean;
}

export interface DataEchoHostDeps<P> {
  /** Electron's utilityProcess.fork. */
  readonly fork: (
    modulePath: string,
    args: string[],
    options: { readonly serviceName: string; readonly stdio: 'inherit' },
  ) => EchoProcessLike<P>;
  /** The built data-echo-entry.js (builtEntry('data-echo-entry')). */
  readonly entry: string;
  /** Electron's `new MessageChannelMain()`. */
  readonly newChannel: () => { readonly port1: P; readonly port2: P };
}

export interface DataEchoHost<P> {
  /** A port for one page, its other end already with the utility process (started if need be). */
  connect(): P;
  /** Stops the utility process, if one runs. */
  dispose(): void;
}

/** How app.getAppMetrics() and the OS's task manager name the process. */
export const DATA_ECHO_SERVICE_NAME = 'Unfreeze data echo';

export function createDataEchoHost<P>(deps: DataEchoHostDeps<P>): DataEchoHost<P> {
  let child: EchoProcessLike<P> | undefined;

  const start = (): EchoProcessLike<P> => {
    // stdio 'inherit': an echo that fails says why in the terminal the app was started from.
    const started = deps.fork(deps.entry, [], { serviceName: DATA_ECHO_SERVICE_NAME, stdio: 'inherit' });
    // A process that exited (crashed, killed) is forgotten, so the next page's request starts a new one.
    // Its ports close with it, and the page's sweep fails with "the port closed" instead of waiting.
    started.on('exit', () => {
      if (child === started) child = undefined;
    });
    return started;
  };

  return {
    connect() {
      child ??= start();
      const { port1, port2 } = deps.newChannel();
      // The message the entry waits for: `{ kind: 'port' }` with the port as its one transfer.
      child.postMessage({ kind: 'port' }, [port1]);
      return port2;
    },
    dispose() {
      const running = child;
      child = undefined;
      running?.kill();
    },
  };
}
