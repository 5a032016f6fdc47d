import { describe, it, expect } from 'vitest';
import { parseFromWorker, type FromWorker } from './messages';

function rejected(result: ReturnType<typeof parseFromWorker>): string {
  if (result.ok) throw new Error(`expected a rejection, got ${JSON.stringify(result.message)}`);
  return result.error;
}

describe('parseFromWorker', () => {
  it.each<[string, FromWorker]>([
    ['progress without chunks', { type: 'progress', taskId: 't', done: 0, chunks: [] }],
    ['progress with chunks', { type: 'progress', taskId: 't', done: 10, chunks: [{ any: 'thing' }, 3] }],
    ['a result', { type: 'result', taskId: 't', part: 78_498, elapsedMs: 12.5 }],
    ['an error', { type: 'error', taskId: 't', message: 'it broke' }],
    ['a cancelled', { type: 'cancelled', taskId: 't' }],
  ])('accepts %s', (_, message) => {
    expect(parseFromWorker(message)).toEqual({ ok: true, message });
  });

  it('keeps typed arrays inside chunks as they are', () => {
    const rgba = new Uint8ClampedArray([1, 2, 3, 255]);
    const parsed = parseFromWorker({ type: 'progress', taskId: 't', done: 1, chunks: [{ rgba }] });
    if (!parsed.ok || parsed.message.type !== 'progress') throw new Error('expected progress');
    expect(parsed.message.chunks).toEqual([{ rgba }]);
  });

  it.each<[string, unknown, RegExp]>([
    ['null', null, /object/],
    ['a number', 1, /object/],
    ['an array', [{ type: 'cancelled', taskId: 't' }], /object/],
    ['an unknown type', { type: 'done', taskId: 't' }, /type must be "progress", "result", "error" or "cancelled"/],
    ['a missing type', { taskId: 't' }, /type must be "progress", "result", "error" or "cancelled"/],
    ['an empty taskId', { type: 'cancelled', taskId: '' }, /taskId must not be empty/],
    ['negative progress', { type: 'progress', taskId: 't', done: -1, chunks: [] }, /done/],
    ['progress without chunks', { type: 'progress', taskId: 't', done: 1 }, /chunks/],
    ['chunks that are not an array', { type: 'progress', taskId: 't', done: 1, chunks: {} }, /chunks/],
    ['a result without elapsedMs', { type: 'result', taskId: 't', part: 1 }, /elapsedMs/],
    ['a result without part', { type: 'result', taskId: 't', elapsedMs: 1 }, /part/],
    ['an error without message', { type: 'error', taskId: 't' }, /message/],
    ['an extra key', { type: 'cancelled', taskId: 't', why: 'x' }, /Unrecognized key.*"why"/],
  ])('rejects %s with a clear error', (_, message, expected) => {
    const error = rejected(parseFromWorker(message));
    expect(error).toMatch(/^Rejected from-worker message: /);
    expect(error).toMatch(expected);
  });
});
