import { describe, expect, it } from 'vitest';
import { parseFromLabWorker, parseToLabWorker } from './lab-messages';

const buffer = new SharedArrayBuffer(64);

describe('lab messages', () => {
  it('accepts a run with a SharedArrayBuffer, and a done or error answer', () => {
    expect(
      parseToLabWorker({ type: 'run', runId: 1, scenario: 'bank', lane: 0, lanes: 4, buffer, params: { locked: true } })
        .ok,
    ).toBe(true);
    expect(parseFromLabWorker({ type: 'done', runId: 1, lane: 3, result: {} }).ok).toBe(true);
    expect(parseFromLabWorker({ type: 'error', runId: 1, lane: 0, message: 'x' }).ok).toBe(true);
  });

  it('names what is wrong with a bad message', () => {
    const copied = parseToLabWorker({
      type: 'run',
      runId: 1,
      scenario: 'bank',
      lane: 0,
      lanes: 4,
      buffer: new ArrayBuffer(8),
      params: {},
    });
    expect(copied).toMatchObject({ ok: false, error: expect.stringContaining('SharedArrayBuffer') });
    const unknown = parseToLabWorker({
      type: 'run',
      runId: 1,
      scenario: 'chess',
      lane: 0,
      lanes: 1,
      buffer,
      params: {},
    });
    expect(unknown).toMatchObject({ ok: false, error: expect.stringContaining('race, bank') });
    expect(parseFromLabWorker({ type: 'progress' })).toMatchObject({
      ok: false,
      error: expect.stringContaining('"done" or "error"'),
    });
    expect(parseFromLabWorker({ type: 'done', runId: 1, lane: 99, result: 1 }).ok).toBe(false);
  });
});
