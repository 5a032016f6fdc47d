import { describe, it, expect } from 'vitest';
import { parseToWorker, type FromWorker } from '../protocol/messages';
import type { MandelbrotTile } from '../workloads/mandelbrot';
import { MANDELBROT_VIEW } from '../workloads/presets';
import { createTaskServer } from './task-server';
import { mulberry32 } from '../testing/mulberry32';

interface Posted {
  readonly message: FromWorker;
  readonly transfer: ArrayBuffer[];
}

const macrotask = () => new Promise<void>((resolve) => setImmediate(resolve));

function server() {
  const posts: Posted[] = [];
  const rejects: string[] = [];
  const handle = createTaskServer({
    post: (message, transfer) => posts.push({ message, transfer }),
    now: () => performance.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    yieldToLoop: macrotask,
    reject: (error) => rejects.push(error),
  });
  const ofTask = (taskId: string) => posts.filter((p) => p.message.taskId === taskId).map((p) => p.message);
  const finals = (taskId: string) => ofTask(taskId).filter((m) => m.type !== 'progress');
  /** Waits (in real loop turns, not wall-clock asserts) until `taskId` has a final answer. */
  const settled = async (taskId: string): Promise<FromWorker> => {
    for (let turn = 0; turn < 1_000_000; turn++) {
      const last = finals(taskId)[0];
      if (last) return last;
      await macrotask();
    }
    throw new Error(`task ${taskId} never answered`);
  };
  return { handle, posts, rejects, ofTask, finals, settled };
}

const start = (taskId: string, workload: 'primes' | 'mandelbrot', params: unknown, shard = { index: 0, count: 1 }) => ({
  type: 'start',
  taskId,
  workload,
  params,
  shard,
});

describe('createTaskServer', () => {
  it('runs a task and answers with progress, then exactly one result', async () => {
    const s = server();
    s.handle(start('t1', 'primes', { limit: 200_000 }));
    const final = await s.settled('t1');
    expect(final).toMatchObject({ type: 'result', taskId: 't1', part: 17_984 });
    if (final.type === 'result') expect(final.elapsedMs).toBeGreaterThanOrEqual(0);
    const messages = s.ofTask('t1');
    expect(messages.at(-1)).toBe(final);
    const progress = messages.filter((m) => m.type === 'progress');
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)).toMatchObject({ done: 200_001 });
    expect(s.finals('t1')).toHaveLength(1);
    expect(s.rejects).toEqual([]);
  });

  it('runs one shard of a split task', async () => {
    const s = server();
    s.handle(start('a', 'primes', { limit: 100_000 }, { index: 0, count: 2 }));
    s.handle(start('b', 'primes', { limit: 100_000 }, { index: 1, count: 2 }));
    const [a, b] = await Promise.all([s.settled('a'), s.settled('b')]);
    if (a.type !== 'result' || b.type !== 'result') throw new Error('expected two results');
    expect(Number(a.part) + Number(b.part)).toBe(9_592);
  });

  it('sends Mandelbrot tiles with their pixel buffers in the transfer list', async () => {
    const s = server();
    const params = { ...MANDELBROT_VIEW, width: 64, height: 48, maxIterations: 100, tileSize: 16 };
    s.handle(start('m', 'mandelbrot', params));
    await s.settled('m');
    const withChunks = s.posts.filter((p) => p.message.type === 'progress' && p.message.chunks.length > 0);
    const tiles = withChunks.flatMap((p) =>
      p.message.type === 'progress' ? (p.message.chunks as MandelbrotTile[]) : [],
    );
    expect(tiles).toHaveLength(12);
    for (const p of withChunks) {
      const chunks = p.message.type === 'progress' ? (p.message.chunks as MandelbrotTile[]) : [];
      expect(p.transfer).toEqual(chunks.map((t) => t.rgba.buffer));
    }
  });

  it('answers "cancelled" when cancelled part-way, and only that', async () => {
    const s = server();
    s.handle(start('long', 'primes', { limit: 100_000_000 }));
    await macrotask();
    s.handle({ type: 'cancel', taskId: 'long' });
    expect(await s.settled('long')).toEqual({ type: 'cancelled', taskId: 'long' });
    expect(s.finals('long')).toHaveLength(1);
  });

  it('can run a task again under the same id once it has ended', async () => {
    const s = server();
    s.handle(start('again', 'primes', { limit: 100_000_000 }));
    s.handle({ type: 'cancel', taskId: 'again' });
    await s.settled('again');
    s.posts.length = 0;
    s.handle(start('again', 'primes', { limit: 1000 }));
    expect(await s.settled('again')).toMatchObject({ type: 'result', part: 168 });
  });

  it('ignores a cancel for a task it is not running', async () => {
    const s = server();
    s.handle({ type: 'cancel', taskId: 'nobody' });
    s.handle(start('later', 'primes', { limit: 1000 }));
    expect(await s.settled('later')).toMatchObject({ type: 'result', part: 168 });
    expect(s.ofTask('nobody')).toEqual([]);
    expect(s.rejects).toEqual([]);
  });

  it('answers invalid params with an error naming the range, without any progress', async () => {
    const s = server();
    s.handle(start('bad', 'mandelbrot', { ...MANDELBROT_VIEW, width: 0, height: 100 }));
    const final = await s.settled('bad');
    expect(final.type).toBe('error');
    if (final.type === 'error') expect(final.message).toContain('width must be a whole number from 16 to 4,096');
    expect(s.ofTask('bad')).toHaveLength(1);
  });

  it('answers a malformed message that names a task with an error for that task', () => {
    const s = server();
    s.handle({ type: 'start', taskId: 'x1', workload: 'primes', params: { limit: 10 }, shard: { index: 2, count: 2 } });
    expect(s.posts).toHaveLength(1);
    expect(s.posts[0]?.message).toMatchObject({ type: 'error', taskId: 'x1' });
    const message = s.posts[0]?.message;
    if (message?.type === 'error') expect(message.message).toContain('shard.index must be less than shard.count');
  });

  it('reports a message it cannot attribute to any task', () => {
    const s = server();
    for (const junk of [null, 3, 'start', [], {}, { taskId: '' }, { taskId: 5 }, { type: 'start' }]) s.handle(junk);
    expect(s.posts).toEqual([]);
    expect(s.rejects).toHaveLength(8);
    for (const error of s.rejects) expect(error).toMatch(/^Rejected to-worker message: .+/);
  });

  it('refuses a second start of a task that is still running', async () => {
    const s = server();
    s.handle(start('dup', 'primes', { limit: 100_000_000 }));
    s.handle(start('dup', 'primes', { limit: 10 }));
    expect(s.finals('dup')).toEqual([{ type: 'error', taskId: 'dup', message: 'Task dup is already running here' }]);
    s.handle({ type: 'cancel', taskId: 'dup' });
    // The first (still running) task answers for itself once it sees the cancel.
    for (let turn = 0; turn < 1_000_000 && s.finals('dup').length < 2; turn++) await macrotask();
    expect(s.finals('dup').map((m) => m.type)).toEqual(['error', 'cancelled']);
  });
});

/** For failure messages: JSON where possible (BigInt and symbols are not). */
function show(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** Random junk and near-misses of valid messages; each one is broken in at least one way. */
function malformedMessages(count: number, seed: number): unknown[] {
  const random = mulberry32(seed);
  const int = (n: number) => Math.floor(random() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
  const junkValues: readonly unknown[] = [
    null,
    undefined,
    0,
    -1,
    1.5,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    '',
    'start', // ('cancel' is left out: { type: 'cancel', taskId: 'start' } would be valid)
    true,
    false,
    [],
    [1, 2],
    {},
    { type: 'start' },
    () => 'fn',
    Symbol('s'),
    10n,
    new Date(0),
    new Uint8Array(4),
    new Map(),
    'x'.repeat(101),
  ];
  const randomValue = (depth = 0): unknown => {
    if (depth < 2 && random() < 0.2) {
      const o: Record<string, unknown> = {};
      for (let i = int(4); i > 0; i--) o[pick(['type', 'taskId', 'shard', 'a', '__proto__x'])] = randomValue(depth + 1);
      return random() < 0.5 ? o : Object.values(o);
    }
    return pick(junkValues);
  };
  const validStart = (): Record<string, unknown> => ({
    type: 'start',
    taskId: `fuzz-${int(1000)}`,
    workload: pick(['primes', 'mandelbrot']),
    params: { limit: 1000 },
    shard: { index: 0, count: 1 },
  });
  // Each mutation breaks a valid start in a way the protocol itself must reject.
  const mutations: ((m: Record<string, unknown>) => unknown)[] = [
    (m) => ({ ...m, type: pick(['Start', 'begin', 'result', 'progress', '', 'cancelled', 7, null]) }),
    (m) => {
      const { type: _type, ...rest } = m;
      return rest;
    },
    (m) => ({ ...m, taskId: pick(['', 5, null, undefined, {}, [], 'x'.repeat(101)]) }),
    (m) => ({ ...m, workload: pick(['', 'Primes', 'sorting', 'downloads', 1, null, undefined]) }),
    (m) => {
      const c = 1 + int(256);
      return { ...m, shard: { index: c + int(5), count: c } };
    },
    (m) => ({
      ...m,
      shard: pick([
        { index: -1, count: 2 },
        { index: 0, count: 0 },
        { index: 0, count: 257 },
        { index: 0.5, count: 2 },
        { index: 0 },
        null,
        [0, 1],
        'whole',
      ]),
    }),
    (m) => ({ ...m, shard: { index: 0, count: 1, extra: randomValue() } }),
    (m) => ({ ...m, [pick(['priority', 'extra', 'lane', 'Type', 'taskid'])]: randomValue() }),
    (m) => {
      const { params: _params, ...rest } = m;
      return rest;
    },
    (m) => {
      const { shard: _shard, ...rest } = m;
      return rest;
    },
    (m) => [m],
    (m) => `{"type":"start","taskId":"${String(m.taskId)}"}`, // text, not an object
    (m) => ({ type: 'cancel', taskId: m.taskId, [pick(['params', 'shard', 'x'])]: randomValue() }),
    (_m) => ({ type: 'cancel', taskId: pick(['', 1, null, undefined]) }),
    () => randomValue(),
  ];
  return Array.from({ length: count }, () => {
    let message = pick(mutations)(validStart());
    // Sometimes break it once more, to reach odd combinations; not a cancel, whose only flaw
    // may be the one extra key a second mutation could delete.
    const isObject = typeof message === 'object' && message !== null && !Array.isArray(message);
    if (random() < 0.3 && isObject && (message as { type?: unknown }).type !== 'cancel') {
      message = pick(mutations)(message as Record<string, unknown>);
    }
    return message;
  });
}

describe('fuzzing the to-worker protocol', () => {
  const messages = malformedMessages(10_000, 0x5eed);

  it('parseToWorker rejects 10,000 malformed messages without throwing, each with an error string', () => {
    for (const message of messages) {
      let parsed: ReturnType<typeof parseToWorker> | undefined;
      expect(() => (parsed = parseToWorker(message))).not.toThrow();
      if (parsed === undefined) throw new Error('unreachable');
      if (parsed.ok) throw new Error(`accepted a malformed message: ${show(message)}`);
      expect(parsed.error).toMatch(/^Rejected to-worker message: \S/);
    }
  });

  it('a task server given the same 10,000 messages never throws and never starts a task', async () => {
    const s = server();
    for (const message of messages) expect(() => s.handle(message)).not.toThrow();
    // Give any task that might have started every chance to report.
    for (let i = 0; i < 20; i++) await macrotask();
    const started = s.posts.filter((p) => p.message.type === 'result' || p.message.type === 'progress');
    expect(started).toEqual([]);
    // Each message got exactly one answer: an error for its task, or a rejection.
    expect(s.posts.length + s.rejects.length).toBe(messages.length);
    for (const p of s.posts) expect(p.message.type).toBe('error');
    // The fuzz reaches both paths: messages that name a task, and messages that cannot.
    expect(s.posts.length).toBeGreaterThan(2_000);
    expect(s.rejects.length).toBeGreaterThan(1_000);
  });
});
