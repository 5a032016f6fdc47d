import type { PoolWorkerEvents } from '../../../shared/pool/worker-pool';

/** The part of a Web Worker that reports back to the page. */
export type WorkerReports = Pick<Worker, 'onmessage' | 'onerror' | 'onmessageerror'>;

/**
 * Passes a Web Worker's messages to `events.message`, and its failures (it could not load, it
 * threw, it sent what could not be read) to `events.failed`, naming it by `who` ("Web Worker 2").
 * The caller makes the Worker: Vite bundles a worker only where it sees `new Worker(new URL(…))`.
 */
export function listenToWorker(worker: WorkerReports, who: string, events: PoolWorkerEvents): void {
  worker.onmessage = (event: MessageEvent<unknown>) => events.message(event.data);
  worker.onerror = (event) => {
    // Handled here: the page's console would report it a second time.
    event.preventDefault();
    events.failed(`${who} failed: ${event.message || 'it could not be loaded'}`);
  };
  worker.onmessageerror = () => events.failed(`${who} sent a message that could not be read`);
}
