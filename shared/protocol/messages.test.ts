import { describe, it, expect } from 'vitest';
import { parseFromWorker, parseToWorker, type FromWorker, type ToWorker } from './messages';

const start = {
  type: 'start',
  taskId: 'job-1',
  workload: 'primes',
  params: { limit: 1000 },
  shard: { index: 0, count: 1 },
} as const;

function rejected(result: ReturnType<typeof parseToWorker> | ReturnType<typeof parseFromWorker>): string {
  if (result.ok) throw new Error(`expected a rejection, got ${JSON.stringify(result.message)}`);
  return result.error;
}

describe('parseToWorker', () => {
  it.each<[string, ToWorker]>([
    ['a start', start],
    ['a start of the last shard', { ...start, workload: 'mandelbrot', shard: { index: 255, count: 256 } }],
    ['a start with any params (checked later by the workload)', { ...start, params: 'anything' }],
    ['a cancel', { type: 'cancel', taskId: 'job-1' }],
    ['a 100-character taskId', { type: 'cancel', taskId: 'x'.repeat(100) }],
  ])('accepts %s', (_, message) => {
    expect(parseToWorker(message)).toEqual({ ok: true, message });
  });

  it.each<[string, unknown, RegExp]>([
    ['null', null, /^Rejected to-worker message: .*object/],
    ['undefined', undefined, /^Rejected to-worker message: .*object/],
    ['a number', 42, /^Rejected to-worker message: .*object/],
    ['a string', 'start', /^Rejected to-worker message: .*object/],
    ['an array', [start], /^Rejected to-worker message: .*object/],
    ['an empty array', [], /^Rejected to-worker message: .*object/],
    ['an empty object', {}, /type must be "start", "cancel" or "crash"/],
    ['a message without type', { ...start, type: undefined }, /type must be "start", "cancel" or "crash"/],
    ['an unknown type', { ...start, type: 'stop' }, /type must be "start", "cancel" or "crash"/],
    [
      'a type of the other direction',
      { type: 'result', taskId: 'a', part: 1, elapsedMs: 1 },
      /type must be "start", "cancel" or "crash"/,
    ],
    ['an empty taskId', { ...start, taskId: '' }, /taskId: taskId must not be empty/],
    ['a numeric taskId', { type: 'cancel', taskId: 7 }, /taskId: taskId must be a string/],
    ['a missing taskId', { type: 'cancel' }, /taskId: taskId must be a string/],
    ['a 101-character taskId', { type: 'cancel', taskId: 'x'.repeat(101) }, /taskId/],
    ['shard.index = count', { ...start, shard: { index: 1, count: 1 } }, /shard\.index must be less than shard\.count/],
    ['shard.index > count', { ...start, shard: { index: 5, count: 2 } }, /shard\.index must be less than shard\.count/],
    ['a negative shard.index', { ...start, shard: { index: -1, count: 2 } }, /shard\.index/],
    ['shard.count 0', { ...start, shard: { index: 0, count: 0 } }, /shard\.count/],
    ['shard.count 257', { ...start, shard: { index: 0, count: 257 } }, /shard\.count/],
    ['a fractional shard', { ...start, shard: { index: 0.5, count: 2 } }, /shard\.index/],
    ['a missing shard', { ...start, shard: undefined }, /shard/],
    ['an extra shard key', { ...start, shard: { index: 0, count: 1, of: 2 } }, /Unrecognized key.*"of"/],
    ['an unknown workload', { ...start, workload: 'bitcoin' }, /workload must be one of: mandelbrot, primes/],
    ['missing params', { type: 'start', taskId: 'a', workload: 'primes', shard: { index: 0, count: 1 } }, /params/],
    ['an extra key on start', { ...start, priority: 1 }, /Unrecognized key.*"priority"/],
    ['an extra key on cancel', { type: 'cancel', taskId: 'a', now: true }, /Unrecognized key.*"now"/],
  ])('rejects %s with a clear error', (_, message, expected) => {
    const error = rejected(parseToWorker(message));
    expect(error).toMatch(/^Rejected to-worker message: /);
    expect(error).toMatch(expected);
  });

  it('does not name the type field when the message is not an object at all', () => {
    for (const message of [null, 42, 'start', [start]]) {
      expect(rejected(parseToWorker(message))).not.toMatch(/type must be/);
    }
  });
});

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
