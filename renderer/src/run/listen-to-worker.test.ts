import { describe, expect, it } from 'vitest';
import { listenToWorker, type WorkerReports } from './listen-to-worker';

/** Node has no Web Worker: a stand-in with the three report handlers, called as the browser would. */
function standIn() {
  const worker: WorkerReports = { onmessage: null, onerror: null, onmessageerror: null };
  const seen: { messages: unknown[]; failures: string[] } = { messages: [], failures: [] };
  listenToWorker(worker, 'Web Worker 2', {
    message: (data) => seen.messages.push(data),
    failed: (reason) => seen.failures.push(reason),
  });
  return { worker, seen, self: worker as unknown as Worker };
}

describe('listenToWorker', () => {
  it('passes on what the worker sends', () => {
    const { worker, seen, self } = standIn();
    worker.onmessage?.call(self, new MessageEvent('message', { data: { type: 'done', id: 7 } }));
    expect(seen).toEqual({ messages: [{ type: 'done', id: 7 }], failures: [] });
  });

  it('reports an error with its message, or says the worker could not load, and keeps it off the console', () => {
    const { worker, seen, self } = standIn();
    let prevented = 0;
    // The two fields of an ErrorEvent the handler reads (Node has no ErrorEvent).
    const error = (message: string) =>
      ({ message, preventDefault: () => void (prevented += 1) }) as unknown as ErrorEvent;
    worker.onerror?.call(self, error('boom'));
    worker.onerror?.call(self, error(''));
    expect(seen.failures).toEqual(['Web Worker 2 failed: boom', 'Web Worker 2 failed: it could not be loaded']);
    expect(prevented).toBe(2);
  });

  it('reports a message that could not be read', () => {
    const { worker, seen, self } = standIn();
    worker.onmessageerror?.call(self, new MessageEvent('messageerror'));
    expect(seen.failures).toEqual(['Web Worker 2 sent a message that could not be read']);
  });
});
