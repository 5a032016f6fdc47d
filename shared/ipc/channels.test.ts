import { describe, it, expect, expectTypeOf } from 'vitest';
import type { MainMetrics } from '../host/main-metrics';
import type { TaskEvent } from '../host/task-event';
import {
  AppInfoSchema,
  EVENT_CHANNELS,
  eventChannels,
  INVOKE_CHANNELS,
  invokeChannels,
  isEventChannel,
  isInvokeChannel,
  parseInvokeRequest,
  parseInvokeResponse,
  type EventPayload,
  type InvokeArgs,
  type InvokeRequest,
  type InvokeResponse,
} from './channels';

const goodInfo = { appVersion: '0.1.0', electron: '45.5.0', chrome: '146.0.0.0', node: '24.14.0', platform: 'linux' };

describe('invokeChannels', () => {
  it('knows every channel of its map and nothing inherited from Object', () => {
    expect(INVOKE_CHANNELS).toEqual(Object.keys(invokeChannels));
    expect(INVOKE_CHANNELS.length).toBeGreaterThan(0);
    for (const channel of INVOKE_CHANNELS) expect(isInvokeChannel(channel), channel).toBe(true);
    // The two maps are apart: an event name is no invoke channel, and the other way round.
    for (const channel of EVENT_CHANNELS) expect(isInvokeChannel(channel), channel).toBe(false);
    expect(isInvokeChannel('app:nope')).toBe(false);
    expect(isInvokeChannel('toString')).toBe(false);
    expect(isInvokeChannel('__proto__')).toBe(false);
  });

  it('types app:info as a call with no argument', () => {
    expectTypeOf<InvokeArgs<'app:info'>>().toEqualTypeOf<[]>();
    expectTypeOf<InvokeResponse<'app:info'>>().toEqualTypeOf<{
      appVersion: string;
      electron: string;
      chrome: string;
      node: string;
      platform: string;
    }>();
  });

  it('types the task channels after the preload API', () => {
    expectTypeOf<InvokeArgs<'ping'>>().toEqualTypeOf<[]>();
    expectTypeOf<InvokeResponse<'ping'>>().toEqualTypeOf<{ at: number }>();
    expectTypeOf<InvokeRequest<'task:cancel'>>().toEqualTypeOf<{ taskId: string }>();
    expectTypeOf<InvokeRequest<'task:crash'>>().toEqualTypeOf<{
      taskId: string;
      place: 'worker-thread' | 'utility-process';
      mode: 'throw' | 'exit' | 'hang' | 'crash';
    }>();
    expectTypeOf<InvokeResponse<'task:start'>>().toEqualTypeOf<undefined>();
  });

  it('keeps one request and one response schema per channel, each refusing a wrong payload', () => {
    for (const channel of INVOKE_CHANNELS) {
      const { request, response } = invokeChannels[channel];
      expect(typeof request.safeParse, channel).toBe('function');
      expect(typeof response.safeParse, channel).toBe('function');
      // No channel takes just anything: a schema that accepted a random object would check nothing.
      expect(parseInvokeRequest(channel, { unexpected: Symbol.iterator }).ok, channel).toBe(false);
    }
  });
});

describe('parseInvokeRequest', () => {
  it('accepts app:info without a payload', () => {
    expect(parseInvokeRequest('app:info', undefined)).toEqual({ ok: true, value: undefined });
  });

  it.each([
    ['an object', { sneaky: true }, 'expected undefined, received object'],
    ['a string', 'hello', 'expected undefined, received string'],
    ['null', null, 'expected undefined, received null'],
  ])('rejects %s with a message naming the channel and the problem', (_label, payload, problem) => {
    const result = parseInvokeRequest('app:info', payload);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('bad-request');
    expect(result.error.message).toMatch(/^Invalid request for "app:info": /);
    expect(result.error.message).toContain(problem);
  });
});

describe('parseInvokeResponse', () => {
  it('accepts a complete app info', () => {
    expect(parseInvokeResponse('app:info', goodInfo)).toEqual({ ok: true, value: goodInfo });
  });

  it('names every missing or empty field', () => {
    const result = parseInvokeResponse('app:info', { ...goodInfo, chrome: '', node: undefined });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('bad-response');
    expect(result.error.message).toContain('"app:info"');
    expect(result.error.message).toMatch(/at chrome/);
    expect(result.error.message).toMatch(/at node/);
    expect(result.error.message).not.toContain('\n');
  });

  it('rejects a non-object answer', () => {
    const result = parseInvokeResponse('app:info', 42);
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-response' } });
  });
});

describe('AppInfoSchema', () => {
  it('drops unknown fields rather than passing them to the page', () => {
    expect(AppInfoSchema.parse({ ...goodInfo, secret: 'x' })).toEqual(goodInfo);
  });
});

const start = { taskId: 't-1', place: 'worker-thread', request: { workload: 'primes', params: { limit: 1000 } } };

describe('task channels', () => {
  it.each([
    ['task:start', start],
    ['task:start', { ...start, place: 'main-process' }],
    ['task:cancel', { taskId: 't-1' }],
    ['task:crash', { taskId: 't-1', place: 'utility-process', mode: 'crash' }],
    ['ping', undefined],
  ] as const)('accepts a well-formed %s', (channel, payload) => {
    expect(parseInvokeRequest(channel, payload)).toEqual({ ok: true, value: payload });
  });

  it.each([
    ['task:start', { ...start, extra: 1 }, 'Unrecognized key: "extra"'],
    ['task:start', { ...start, request: { ...start.request, priority: 9 } }, 'Unrecognized key: "priority"'],
    [
      'task:start',
      { ...start, place: 'web-worker' },
      'place must be one of: main-process, worker-thread, utility-process',
    ],
    ['task:start', { ...start, taskId: '' }, 'taskId must not be empty'],
    ['task:start', { ...start, taskId: 'x'.repeat(101) }, 'taskId must be at most 100 characters'],
    ['task:start', { ...start, request: { workload: 'rm -rf', params: {} } }, 'at request.workload'],
    ['task:start', { ...start, request: { workload: 'sorting', params: {} } }, 'workload must be one of: mandelbrot'],
    ['task:start', { ...start, request: 'primes' }, 'at request'],
    ['task:start', { ...start, taskId: 42 }, 'taskId must be a string'],
    ['task:cancel', { taskId: 42 }, 'taskId must be a string'],
    [
      'task:crash',
      { taskId: 't', place: 'main-process', mode: 'crash' },
      'place must be one of: worker-thread, utility-process',
    ],
    [
      'task:crash',
      { taskId: 't', place: 'worker-thread', mode: 'explode' },
      'mode must be one of: throw, exit, hang, crash',
    ],
    ['ping', { at: 1 }, 'expected undefined, received object'],
  ] as const)('refuses a malformed %s, naming the problem', (channel, payload, problem) => {
    const result = parseInvokeRequest(channel, payload);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.message).toMatch(new RegExp(`^Invalid request for "${channel}": `));
      expect(result.error.message).toContain(problem);
    }
  });

  it('checks the pong', () => {
    expect(parseInvokeResponse('ping', { at: 12.5 })).toEqual({ ok: true, value: { at: 12.5 } });
    expect(parseInvokeResponse('ping', { at: 'now' })).toMatchObject({ ok: false, error: { code: 'bad-response' } });
  });
});

const pool = { size: 1, queued: 0, lanes: [{ lane: 0, busy: false, spawned: 0 }] };
const metrics: MainMetrics = {
  at: 1,
  eventLoop: { p50: 0.1, p99: 2, max: 3 },
  pools: { 'worker-thread': pool, 'utility-process': pool },
  processes: [{ pid: 1, type: 'Browser', name: 'Browser', cpuPercent: 1.5, memoryKB: 1000 }],
};

describe('event channels', () => {
  it('knows every event channel of its map, each with a schema', () => {
    expect(EVENT_CHANNELS).toEqual(Object.keys(eventChannels));
    for (const channel of EVENT_CHANNELS) {
      expect(isEventChannel(channel), channel).toBe(true);
      expect(typeof eventChannels[channel].safeParse, channel).toBe('function');
    }
    for (const channel of INVOKE_CHANNELS) expect(isEventChannel(channel), channel).toBe(false);
    expect(isEventChannel('constructor')).toBe(false);
    expectTypeOf<EventPayload<'task:event'>>().toEqualTypeOf<TaskEvent>();
    expectTypeOf<EventPayload<'metrics'>>().toEqualTypeOf<MainMetrics>();
  });

  it('gives the page a schema to check each event by, which refuses what the page cannot rely on', () => {
    const end = { type: 'end', taskId: 't', outcome: { status: 'cancelled', elapsedMs: 3 } };
    expect(eventChannels['task:event'].parse(end)).toEqual(end);
    expect(eventChannels.metrics.parse(metrics)).toEqual(metrics);
    const progress = { type: 'progress', taskId: 't', done: -1, total: 1, lane: 0, chunks: [] };
    expect(eventChannels['task:event'].safeParse(progress).success).toBe(false);
    expect(eventChannels.metrics.safeParse({ ...metrics, eventLoop: null }).success).toBe(false);
  });
});

describe('data:echo', () => {
  const cap = 64 * 1024 * 1024;

  it('takes bytes up to the 64 MiB cap and answers with them', () => {
    expectTypeOf<InvokeRequest<'data:echo'>>().toEqualTypeOf<{ payload: Uint8Array }>();
    expect(parseInvokeRequest('data:echo', { payload: new Uint8Array(cap) }).ok).toBe(true);
    const answer = { receivedAt: 1, payload: new Uint8Array(2) };
    expect(parseInvokeResponse('data:echo', answer)).toEqual({ ok: true, value: answer });
  });

  it.each([
    ['one byte over the cap', new Uint8Array(cap + 1), 'payload must be at most 64 MiB (67108864 bytes)'],
    ['an array of numbers', [1, 2, 3], 'payload must be a Uint8Array'],
    ['a bare ArrayBuffer', new ArrayBuffer(8), 'payload must be a Uint8Array'],
  ])('refuses %s with a message naming the field and its range', (_what, payload, problem) => {
    const result = parseInvokeRequest('data:echo', { payload });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toContain('Invalid request for "data:echo"');
    expect(result.error.message).toContain(problem);
    expect(result.error.message).toContain('payload');
  });
});
