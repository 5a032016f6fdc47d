import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { HOST_PLACES, POOL_PLACES } from '../../shared/host/host-places';
import { taskEventSchema, type TaskEvent } from '../../shared/host/task-event';
import { invokeChannels, type InvokeChannel } from '../../shared/ipc/channels';
import { MAX_IPC_MESSAGE, type IpcResult } from '../../shared/ipc/result';
import type { z } from 'zod';
import { getScenario, SCENARIO_NAMES } from '../../shared/lab/scenarios';
import { mulberry32 } from '../../shared/testing/mulberry32';
import { badParams, refusalProblems } from '../../shared/testing/param-fuzz';
import { VALID_LAB_PARAMS } from '../../shared/testing/valid-params';
import { createCompareHub } from './compare-hub';
import { createLabRunner } from './lab/lab-runner';
import { labThreadSpawner } from './lab/lab-thread-spawner';
import { fuzzCall, labRunCall, OUR_PAGE } from './fixtures/ipc-fuzz-cases';
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
      dataPort: () => {},
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
        // A broken parameter is named, with its range or allowed values.
        if (fuzz.mustSay)
          expect(refusalProblems({ mustSay: fuzz.mustSay }, message, MAX_IPC_MESSAGE), message).toEqual([]);
      }
      expect(warn).not.toHaveBeenCalled();
      warn.mockRestore();

      // Every kind of bad call was tried (bad parameters only exist for task:start).
      expect(kinds.get('untrusted-sender')).toBeGreaterThan(500);
      expect(kinds.get('extra-args')).toBeGreaterThan(200);
      expect(kinds.get('random')).toBeGreaterThan(1000);
      expect(kinds.get('mutated')).toBeGreaterThan(1000);
      if (channel === 'task:start' || channel === 'compare:open') expect(kinds.get('bad-params')).toBeGreaterThan(2000);

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

describe('IPC fuzz: lab:run with parameters its scenario refuses, in front of a real lab runner', () => {
  const threads = labThreadSpawner(new URL('./lab/fixtures/lab-thread-via-tsx.mjs', import.meta.url));
  const runner = createLabRunner(threads.spawn);
  const handler: InvokeHandler<'lab:run', EventTarget> = (request) => runner.run(request);
  afterAll(async () => {
    runner.dispose();
    await threads.allExited();
  });

  it('answers 1,000 of them "failed", naming the field and its range in one short line, and starts no thread', async () => {
    const random = mulberry32(0x1ab_f22);
    for (let i = 0; i < 1000; i++) {
      const scenario = SCENARIO_NAMES[i % SCENARIO_NAMES.length] ?? 'race';
      const schema = getScenario(scenario).params as unknown as z.ZodObject;
      const bad = badParams(schema, VALID_LAB_PARAMS[scenario], random);
      const result = await dispatchInvoke(labRunCall(sender, scenario, bad.input), handler);
      // Not an object at all: the channel's own schema refuses it before the runner.
      if (!result.ok) {
        expect(result.error.message).toContain('params must be an object');
        continue;
      }
      expect(result.value).toMatchObject({ status: 'failed', asExpected: false, threads: 0 });
      expect(refusalProblems(bad, result.value.message, MAX_IPC_MESSAGE), result.value.message).toEqual([]);
    }
    expect(threads.alive()).toBe(0);
  }, 60_000);
});
