import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { HOST_PLACES, POOL_PLACES } from '../../shared/host/host-places';
import { taskEventSchema, type TaskEvent } from '../../shared/host/task-event';
import { invokeChannels, TaskStartSchema, type InvokeChannel } from '../../shared/ipc/channels';
import { MAX_IPC_MESSAGE, type IpcErrorCode, type IpcResult } from '../../shared/ipc/result';
import { CRASH_MODES } from '../../shared/protocol/messages';
import { mulberry32 } from '../../shared/testing/mulberry32';
import { getWorkload, WORKLOAD_NAMES } from '../../shared/workloads/registry';
import { createCompareHub } from './compare-hub';
import { dispatchInvoke, type InvokeHandler, type InvokeHandlers } from './ipc-dispatch';
import { createInvokeHandlers } from './invoke-handlers';
import { createTaskIpc, type EventTarget } from './task-ipc';
import { recording, sourceProcessSpawner, sourceThreadSpawner } from './task-host/fixtures/source-entries';
import { withTimeout } from './task-host/fixtures/task-runs';
import { createTaskHost, type TaskHost } from './task-host/task-host';
import { trustedOrigins } from './trusted-sender';

/**
 * 10,000 random and malformed payloads for every invoke channel, through the same dispatch layer
 * (sender check, schema, handler) that ipc-main.ts puts in front of ipcMain, in front of a REAL task
 * host: worker threads and child processes (the stand-in for utility processes) running the real
 * entries. Every one must be refused with a clear one-line error, nothing may throw, and no task
 * may start: no worker spawned, no lane busy, no event sent. A real task afterwards proves the
 * host came through intact.
 */

const PER_CHANNEL = 10_000;
const OUR_PAGE = 'unfreeze://app/index.html';
const random = mulberry32(0x5eed_1fc);

const int = (n: number) => Math.floor(random() * n);
const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
const chance = (p: number) => random() < p;

const WORDS = [
  '',
  ' ',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'taskId',
  'place',
  'request',
  'workload',
  'params',
  'mode',
  'at',
  ...HOST_PLACES,
  'renderer-main',
  'web-worker',
  ...WORKLOAD_NAMES,
  ...CRASH_MODES,
  '💥',
  'x'.repeat(101),
  '\0',
  '../../etc/passwd',
  '${1}',
];

function randomString(): string {
  if (chance(0.5)) return pick(WORDS);
  return Array.from({ length: int(24) }, () => String.fromCharCode(int(0x2fff))).join('');
}

function randomNumber(): number {
  return pick([
    0,
    -0,
    -1,
    1,
    2,
    1.5,
    NaN,
    Infinity,
    -Infinity,
    2 ** 53,
    -(2 ** 31),
    1e308,
    100_000_001,
    random() * 1e6 - 5e5,
  ]);
}

/** Anything structured clone can carry from a page: what a compromised renderer could send. */
function randomValue(depth = 0): unknown {
  const kind = int(depth > 3 ? 7 : 13);
  switch (kind) {
    case 0:
      return undefined;
    case 1:
      return null;
    case 2:
      return chance(0.5);
    case 3:
      return randomNumber();
    case 4:
      return randomString();
    case 5:
      return BigInt(int(1000)) * (chance(0.5) ? -1n : 1n);
    case 6:
      return pick([
        new Date(int(1e12)),
        new Uint8Array(int(64)),
        new ArrayBuffer(8),
        new Error('renderer says hi'),
        /re/g,
      ]);
    case 7:
      return Array.from({ length: int(5) }, () => randomValue(depth + 1));
    case 8:
      return new Map([[randomString(), randomValue(depth + 1)]]);
    case 9:
      return new Set([randomValue(depth + 1)]);
    // A literal __proto__ key, as JSON.parse (and structured clone) would produce it.
    case 10:
      return JSON.parse(`{"__proto__": {"polluted": true}, "${pick(['taskId', 'place', 'request'])}": 1}`) as unknown;
    default: {
      const object: Record<string, unknown> = {};
      for (let i = int(5); i > 0; i--) object[randomString()] = randomValue(depth + 1);
      return object;
    }
  }
}

/** A value that is not `schema`-valid for a field: a wrong type, or a near miss of the right one. */
function wrong(field: 'taskId' | 'hostPlace' | 'poolPlace' | 'mode' | 'workload'): unknown {
  if (chance(0.4)) {
    const value = randomValue(2);
    if (typeof value !== 'string') return value;
  }
  switch (field) {
    case 'taskId':
      return pick(['', 'x'.repeat(101), 42, null, ['t'], { id: 't' }]);
    case 'hostPlace':
      return pick(['renderer-main', 'web-worker', 'Main-Process', 'worker-thread ', 'gpu', '']);
    case 'poolPlace':
      return pick(['main-process', 'renderer-main', 'web-worker', 'utility', '']);
    case 'mode':
      return pick(['explode', 'THROW', 'crash!', '', 'segfault']);
    case 'workload':
      return pick(['sorting', 'Primes', 'mandelbrot ', '', '__proto__']);
  }
}

const validId = () => `fuzz-${int(1e9)}`;

function validStart() {
  const workload = pick(WORKLOAD_NAMES);
  const params =
    workload === 'primes'
      ? { limit: 1000 }
      : { width: 64, height: 64, maxIterations: 50, centerRe: 0, centerIm: 0, span: 3 };
  return { taskId: validId(), place: pick(HOST_PLACES), request: { workload, params } };
}

const validPayload: Record<InvokeChannel, () => unknown> = {
  'app:info': () => undefined,
  ping: () => undefined,
  'task:start': validStart,
  'task:cancel': () => ({ taskId: validId() }),
  'task:crash': () => ({ taskId: validId(), place: pick(POOL_PLACES), mode: pick(CRASH_MODES) }),
  'compare:open': () => ({
    left: 'renderer-main',
    right: pick(HOST_PLACES),
    request: { workload: 'primes', params: { limit: 1000 } },
  }),
  'compare:ready': () => ({ pane: pick(['left', 'right']) }),
  'compare:start': () => undefined,
  'compare:report': () => ({
    runId: 1 + int(5),
    pane: pick(['left', 'right']),
    result: {
      status: 'done',
      startedAt: 1.7e12,
      wallMs: 10,
      worstGapMs: 5,
      framesOver50: 0,
      inputDelayP95Ms: null,
      mainStallMs: 3,
    },
  }),
  'lab:run': () => ({ scenario: pick(['race', 'bank', 'deadlock', 'event', 'thread-local']), params: {} }),
  'data:echo': () => ({ payload: new Uint8Array(int(64)) }),
};

/** Breaks one thing in a valid payload: a missing key, an extra key, or one wrong value. */
function mutate(channel: InvokeChannel): unknown {
  const base = validPayload[channel]();
  if (base === undefined) return chance(0.5) ? randomValue() : pick([null, 0, '', {}, [], false]);
  const payload = { ...(base as Record<string, unknown>) };
  const keys = Object.keys(payload);
  switch (int(4)) {
    case 0: {
      const missing = pick(keys);
      return Object.fromEntries(Object.entries(payload).filter(([key]) => key !== missing));
    }
    case 1:
      payload[pick(['extra', 'sender', 'eval', '__proto__x', 'constructor'])] = randomValue(2);
      return payload;
    case 2: {
      const key = pick(keys);
      const field = {
        taskId: 'taskId',
        place: channel === 'task:crash' ? 'poolPlace' : 'hostPlace',
        mode: 'mode',
        request: 'workload',
      } as const;
      if (key === 'request')
        payload.request = chance(0.5)
          ? { ...(payload.request as object), workload: wrong('workload') }
          : wrong('workload');
      else payload[key] = wrong(field[key as keyof typeof field]);
      return payload;
    }
    default:
      return chance(0.5) ? [payload] : JSON.stringify(payload);
  }
}

/** A well-formed start whose parameters the workload refuses: passes the schema, the host says no. */
function badParams(): unknown {
  const payload = validStart();
  const workload = payload.request.workload;
  const params = chance(0.3)
    ? randomValue(1)
    : workload === 'primes'
      ? { limit: pick([1, 0, -5, 1.5, 100_000_001, 'many', null]) }
      : {
          ...payload.request.params,
          [pick(['width', 'height', 'span', 'maxIterations', 'tileSize'])]: pick([0, -1, 1e9, NaN, 'wide', 3.5]),
        };
  return { ...payload, request: { workload, params } };
}

/** True if the channel *should* accept this payload: such rare accidental hits are drawn again. */
function acceptable(channel: InvokeChannel, payload: unknown): boolean {
  if (channel !== 'task:start') return invokeChannels[channel].request.safeParse(payload).success;
  const parsed = TaskStartSchema.safeParse(payload);
  return (
    parsed.success && getWorkload(parsed.data.request.workload).params.safeParse(parsed.data.request.params).success
  );
}

interface FuzzCall {
  readonly kind: 'random' | 'mutated' | 'bad-params' | 'untrusted-sender' | 'extra-args';
  readonly args: unknown[];
  readonly senderUrl: string | undefined;
  readonly expected: IpcErrorCode;
}

function fuzzCall(channel: InvokeChannel): FuzzCall {
  const roll = random();
  if (roll < 0.1) {
    // A perfectly valid request, from a page that is not ours: refused before any handler runs.
    const senderUrl = pick([
      undefined,
      '',
      'https://evil.example/',
      'unfreeze://evil/index.html',
      'file:///etc/passwd',
      'about:blank',
    ]);
    return {
      kind: 'untrusted-sender',
      args: validPayload[channel]() === undefined ? [] : [validPayload[channel]()],
      senderUrl,
      expected: 'untrusted-sender',
    };
  }
  if (roll < 0.15) {
    return {
      kind: 'extra-args',
      args: [validPayload[channel](), randomValue()],
      senderUrl: OUR_PAGE,
      expected: 'bad-request',
    };
  }
  for (;;) {
    const kind = channel === 'task:start' && roll < 0.4 ? 'bad-params' : roll < 0.6 ? 'random' : 'mutated';
    const payload = kind === 'bad-params' ? badParams() : kind === 'random' ? randomValue() : mutate(channel);
    if (!acceptable(channel, payload)) return { kind, args: [payload], senderUrl: OUR_PAGE, expected: 'bad-request' };
  }
}

const sender: EventTarget = { id: 1, isDestroyed: () => false };

describe('IPC fuzz: malformed requests in front of a real task host', () => {
  let host: TaskHost;
  const threads = recording(sourceThreadSpawner());
  const processes = recording(sourceProcessSpawner());
  const sent: TaskEvent[] = [];
  const send = vi.fn((_target: EventTarget, event: TaskEvent): IpcResult<boolean> => {
    sent.push(event);
    // Whatever the fuzz did, the host's events stay what the page can rely on.
    expect(taskEventSchema.safeParse(event).success).toBe(true);
    return { ok: true, value: true };
  });
  const sendCompare = vi.fn((): IpcResult<boolean> => ({ ok: true, value: true }));
  const openComparePanes = vi.fn(() => ({
    left: { id: 2, isDestroyed: () => false },
    right: { id: 3, isDestroyed: () => false },
  }));
  const appInfo = vi.fn(() => ({
    appVersion: '0.1.0',
    electron: '45.5.0',
    chrome: '146',
    node: '24',
    platform: 'linux',
  }));
  const labRun = vi.fn(() =>
    Promise.resolve({
      status: 'failed' as const,
      message: 'not run',
      asExpected: false,
      figures: {},
      elapsedMs: 0,
      threads: 0,
    }),
  );
  let handlers: InvokeHandlers<EventTarget>;
  let ipc: ReturnType<typeof createTaskIpc<EventTarget>>;

  beforeAll(() => {
    host = createTaskHost({
      workerThreads: { size: 2, spawn: threads.spawn },
      utility: { size: 2, spawn: processes.spawn },
    });
    ipc = createTaskIpc({ host, send });
    const compare = createCompareHub<EventTarget>({
      clock: () => Date.now(),
      openPanes: openComparePanes,
      sendPane: sendCompare,
      sendController: sendCompare,
    });
    handlers = createInvokeHandlers({
      tasks: ipc.handlers,
      compare: compare.handlers,
      lab: { run: labRun },
      appInfo,
      clock: () => Date.now(),
    });
  });
  afterAll(async () => {
    await withTimeout(host.dispose(), 10_000, 'dispose');
    expect([...threads.workers, ...processes.workers].filter((w) => !w.hasExited())).toEqual([]);
  });

  const call = <C extends InvokeChannel>(channel: C, args: unknown[], senderUrl: string | undefined) =>
    dispatchInvoke<C, EventTarget>(
      { channel, args, senderUrl, sender, trustedOrigins: trustedOrigins() },
      handlers[channel] as InvokeHandler<C, EventTarget>,
    );

  it.each(Object.keys(invokeChannels) as InvokeChannel[])(
    `refuses ${PER_CHANNEL.toLocaleString('en-US')} bad calls of %s, each with a clear error, and starts nothing`,
    async (channel) => {
      const warn = vi.spyOn(console, 'warn');
      const kinds = new Map<string, number>();
      for (let i = 0; i < PER_CHANNEL; i++) {
        const fuzz = fuzzCall(channel);
        kinds.set(fuzz.kind, (kinds.get(fuzz.kind) ?? 0) + 1);
        const result = await call(channel, fuzz.args, fuzz.senderUrl);
        if (result.ok || result.error.code !== fuzz.expected) {
          throw new Error(
            `${fuzz.kind} call #${i} of ${channel} was not refused as ${fuzz.expected}: ${JSON.stringify(result)}`,
          );
        }
        const { message } = result.error;
        // Clear: names the channel, says what is wrong, fits on one line, no "[object Object]".
        expect(message).toMatch(
          fuzz.expected === 'untrusted-sender'
            ? `Refused "${channel}": the calling page`
            : `Invalid request for "${channel}": `,
        );
        expect(message.length).toBeGreaterThan(`Invalid request for "${channel}": `.length + 5);
        expect(message.length).toBeLessThanOrEqual(MAX_IPC_MESSAGE);
        // eslint-disable-next-line no-control-regex -- no control character may reach a log line
        expect(message).not.toMatch(/[\u0000-\u001f\u2028\u2029]|\[object Object\]/);
      }
      expect(warn).not.toHaveBeenCalled();
      warn.mockRestore();

      // Every kind of bad call was tried (bad parameters only exist for task:start).
      expect(kinds.get('untrusted-sender')).toBeGreaterThan(500);
      expect(kinds.get('extra-args')).toBeGreaterThan(200);
      expect(kinds.get('random')).toBeGreaterThan(1000);
      expect(kinds.get('mutated')).toBeGreaterThan(1000);
      if (channel === 'task:start') expect(kinds.get('bad-params')).toBeGreaterThan(2000);

      // Nothing started: no worker spawned or busy, nothing queued, no event, no task routed.
      for (const place of POOL_PLACES) {
        const pool = host.pools()[place];
        expect(pool.queued, place).toBe(0);
        expect(
          pool.lanes.every((lane) => !lane.busy && lane.spawned === 0),
          place,
        ).toBe(true);
      }
      expect(threads.workers).toHaveLength(0);
      expect(processes.workers).toHaveLength(0);
      expect(send).not.toHaveBeenCalled();
      expect(ipc.routed()).toBe(0);
      expect(appInfo).not.toHaveBeenCalled();
      expect(openComparePanes).not.toHaveBeenCalled();
      expect(sendCompare).not.toHaveBeenCalled();
      expect(labRun).not.toHaveBeenCalled();
      // No prototype was polluted by a "__proto__" key on the way.
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
    60_000,
  );

  it('still runs a real task afterwards, in every place, through the same layer', async () => {
    for (const place of HOST_PLACES) {
      const taskId = `after-fuzz-${place}`;
      const result = await call(
        'task:start',
        [{ taskId, place, request: { workload: 'primes', params: { limit: 10_000 } } }],
        OUR_PAGE,
      );
      expect(result).toEqual({ ok: true, value: undefined });
      await withTimeout(
        vi.waitFor(() => expect(sent.some((e) => e.taskId === taskId && e.type === 'end')).toBe(true), {
          timeout: 15_000,
        }),
        20_000,
        place,
      );
      expect(sent.find((e) => e.taskId === taskId && e.type === 'end')).toMatchObject({
        outcome: { status: 'done', result: { limit: 10_000, count: 1229 } },
      });
    }
    expect(ipc.routed()).toBe(0);
  }, 60_000);
});
