import {
  DATA_COST_METHODS,
  MAX_PAYLOAD_BYTES,
  METHOD_FACTS,
  type DataCostMethod,
} from '../../../shared/datacost/data-cost-methods';
import type { DataCostSample } from '../../../shared/datacost/data-cost-summary';
import { describeRead, echoReplySchema, expectedRead, type EchoReply } from '../../../shared/datacost/echo-protocol';
import { makeBytes, makeObjectGraph } from '../../../shared/datacost/payloads';
import type { SweepStep } from '../../../shared/datacost/run-sweep';
import { describeIssues } from '../../../shared/workloads/params-error';
import type { UnfreezeApi } from '../../../shared/ipc/unfreeze-api';
import { meters } from '../meters/frame-meter';
import { openUtilityPort, type UtilityPort } from './data-port';

/** What arrives at the far side, on the shared clock, and what comes back. */
type Arrival = Pick<EchoReply, 'receivedAt' | 'read' | 'echo'>;

/** One payload, made and ready: `send` is the one call the page is blocked in. */
interface Move {
  send(): Promise<Arrival>;
}

/** A hidden page draws no frames; the settle wait must still end. */
const SETTLE_TIMEOUT_MS = 250;

/** Two frames: whatever making the payload cost the page is over before its measurement starts. */
function settle(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, SETTLE_TIMEOUT_MS);
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        clearTimeout(timer);
        resolve();
      }),
    );
  });
}

/** What the page's side needs of `window.unfreeze`: the IPC echo and the utility process's port. */
type EchoApi = Pick<UnfreezeApi, 'echoData' | 'openDataPort'>;

/** Which methods this page can measure: shared memory needs cross-origin isolation, IPC and the port the desktop app. */
export function availableMethods(api: EchoApi | undefined): DataCostMethod[] {
  const isolated = typeof SharedArrayBuffer === 'function' && globalThis.crossOriginIsolated;
  return DATA_COST_METHODS.filter((m) =>
    m === 'shared' ? isolated : METHOD_FACTS[m].desktopOnly ? api !== undefined : true,
  );
}

export interface DataEcho {
  /** Moves one payload there and back and measures it with the page's frame meter around it. */
  measure(step: SweepStep): Promise<DataCostSample>;
  close(): void;
}

/**
 * The page's side of the data-cost lab: one echo worker (renderer/src/lab/data-echo.worker.ts)
 * and, in the desktop app, the `data:echo` channel to the main process and a MessagePort to the
 * utility process (data-port.ts), asked for on its first use. One move at a time.
 */
export function openDataEcho(api: EchoApi | undefined): DataEcho {
  const worker = new Worker(new URL('./data-echo.worker.ts', import.meta.url), {
    type: 'module',
    name: 'unfreeze-data-echo',
  });
  let waiting: { resolve(a: Arrival): void; reject(e: Error): void } | null = null;
  const fail = (message: string) => {
    waiting?.reject(new Error(message));
    waiting = null;
  };
  worker.onmessage = (event: MessageEvent<unknown>) => {
    const reply = echoReplySchema.safeParse(event.data);
    if (!reply.success) return fail(`The echo worker sent a malformed reply: ${describeIssues(reply.error)}`);
    waiting?.resolve(reply.data);
    waiting = null;
  };
  worker.onerror = (event) => {
    event.preventDefault();
    fail(`The echo worker failed: ${event.message || 'it could not be loaded'}`);
  };
  worker.onmessageerror = () => fail('The echo worker sent a message that could not be read');

  const toWorker = (message: unknown, transfer: Transferable[] = []): Promise<Arrival> => {
    const back = new Promise<Arrival>((resolve, reject) => (waiting = { resolve, reject }));
    worker.postMessage(message, transfer);
    return back;
  };
  // One block of shared memory for the whole sweep, allocated at its first use.
  let shared: SharedArrayBuffer | null = null;
  // One port for the whole sweep, asked for at its first use; a first small move, not measured,
  // so the first sample is not charged for starting the utility process.
  let utility: Promise<UtilityPort> | null = null;
  const utilityPort = (desktop: EchoApi): Promise<UtilityPort> =>
    (utility ??= openUtilityPort(desktop, window, window).then(async (port) => {
      await port.send({ kind: 'clone', payload: makeBytes(1024) });
      return port;
    }));

  const prepare = async ({ method, bytes }: SweepStep): Promise<Move> => {
    switch (method) {
      case 'clone-objects': {
        const payload = makeObjectGraph(bytes);
        return { send: () => toWorker({ kind: 'clone', payload }) };
      }
      case 'clone-bytes': {
        const payload = makeBytes(bytes);
        return { send: () => toWorker({ kind: 'clone', payload }) };
      }
      case 'transfer': {
        const buffer = makeBytes(bytes).buffer;
        return { send: () => toWorker({ kind: 'transfer', buffer }, [buffer]) };
      }
      case 'shared': {
        shared ??= new SharedArrayBuffer(MAX_PAYLOAD_BYTES);
        const buffer = shared;
        // Writing the data is the producer's own work: with shared memory it happens in place.
        makeBytes(bytes, buffer);
        return { send: () => toWorker({ kind: 'shared', buffer, bytes }) };
      }
      case 'ipc': {
        if (api === undefined) throw new Error('Electron IPC is only there in the desktop app');
        const payload = makeBytes(bytes);
        return {
          send: async () => {
            const answer = await api.echoData(payload);
            return { receivedAt: answer.receivedAt, read: describeRead(answer.payload), echo: answer.payload };
          },
        };
      }
      case 'utility-port': {
        if (api === undefined) throw new Error('A utility process is only there in the desktop app');
        const port = await utilityPort(api);
        const payload = makeBytes(bytes);
        // postMessage clones the bytes before it returns: that is the time the page is blocked.
        return { send: () => port.send({ kind: 'clone', payload }) };
      }
    }
  };

  const measure = async (step: SweepStep): Promise<DataCostSample> => {
    const move = await prepare(step);
    await settle();
    meters.beginRun();
    const sentAt = performance.now();
    const arriving = move.send();
    const blockedMs = performance.now() - sentAt;
    let arrival: Arrival;
    try {
      arrival = await arriving;
    } catch (error) {
      meters.endRun(); // a failed move leaves no run window open
      throw error;
    }
    const roundTripMs = performance.now() - sentAt;
    const frames = await meters.endRunAfterNextFrame();
    const expected = expectedRead(step.method, step.bytes);
    const what = `${METHOD_FACTS[step.method].label} of ${step.bytes} bytes`;
    if (arrival.read !== expected) throw new Error(`${what}: the far side read ${arrival.read}, not ${expected}`);
    const back = step.method === 'shared' ? expected : describeRead(arrival.echo);
    if (back !== expected) throw new Error(`${what}: ${back} came back, not ${expected}`);
    return {
      ...step,
      blockedMs,
      receivedMs: arrival.receivedAt - (performance.timeOrigin + sentAt),
      roundTripMs,
      worstGapMs: frames.worstGapMs,
    };
  };

  // A first small move, not measured, so the first sample is not charged for starting the worker.
  const warm = prepare({ method: 'clone-bytes', bytes: 1024 }).then((move) => move.send());
  return {
    measure: async (step) => {
      await warm;
      return measure(step);
    },
    close: () => {
      fail('The sweep was closed');
      worker.terminate();
      void utility?.then((port) => port.close()).catch(() => {}); // a port that never came has nothing to close
    },
  };
}
