import { describe, expect, it } from 'vitest';
import { invokeChannels, type AppInfo, type InvokeChannel } from '../../shared/ipc/channels';
import { ipcOk } from '../../shared/ipc/result';
import { createCompareHub } from './compare-hub';
import { createInvokeHandlers } from './invoke-handlers';
import { dispatchInvoke } from './ipc-dispatch';
import { createLabRunner } from './lab/lab-runner';
import { createTaskHost } from './task-host/task-host';
import { createTaskIpc } from './task-ipc';
import { trustedOrigins } from './trusted-sender';

interface Sender {
  readonly id: number;
  isDestroyed(): boolean;
}

const info: AppInfo = { appVersion: '1.2.3', electron: '45.0.0', chrome: '140.0', node: '22.0.0', platform: 'linux' };

/** The real pieces; none of them spawns anything until a task or a lab run is started. */
function handlersWithRealPieces() {
  const neverSpawned = () => {
    throw new Error('nothing may be spawned by these tests');
  };
  const host = createTaskHost({
    workerThreads: { size: 2, spawn: neverSpawned },
    utility: { size: 2, spawn: neverSpawned },
  });
  const tasks = createTaskIpc<Sender>({ host, send: () => ipcOk(true) });
  const compare = createCompareHub<Sender>({
    clock: () => 1_700_000_000_000,
    openPanes: () => ({ left: { id: 2, isDestroyed: () => false }, right: { id: 3, isDestroyed: () => false } }),
    sendPane: () => ipcOk(true),
    sendController: () => ipcOk(true),
  });
  const lab = createLabRunner(neverSpawned);
  const handlers = createInvokeHandlers<Sender>({
    appInfo: () => info,
    clock: () => 42,
    tasks: tasks.handlers,
    compare: compare.handlers,
    lab,
  });
  return { handlers, tasks, compare };
}

const window: Sender = { id: 1, isDestroyed: () => false };

function call<C extends InvokeChannel>(
  handlers: ReturnType<typeof handlersWithRealPieces>['handlers'],
  channel: C,
  ...args: unknown[]
) {
  return dispatchInvoke(
    { channel, args, senderUrl: 'unfreeze://app/index.html', sender: window, trustedOrigins: trustedOrigins() },
    handlers[channel],
  );
}

describe('createInvokeHandlers', () => {
  it('has exactly one handler for every invoke channel of the map', () => {
    const { handlers } = handlersWithRealPieces();
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(invokeChannels).sort());
    for (const handler of Object.values(handlers)) expect(typeof handler).toBe('function');
  });

  it('hands the task and compare channels to the router and the hub themselves', () => {
    const { handlers, tasks, compare } = handlersWithRealPieces();
    for (const channel of ['task:start', 'task:cancel', 'task:crash'] as const)
      expect(handlers[channel]).toBe(tasks.handlers[channel]);
    for (const channel of ['compare:open', 'compare:ready', 'compare:start', 'compare:report'] as const)
      expect(handlers[channel]).toBe(compare.handlers[channel]);
  });

  it('answers app:info and ping through the dispatcher, with their schemas', async () => {
    const { handlers } = handlersWithRealPieces();
    await expect(call(handlers, 'app:info')).resolves.toEqual({ ok: true, value: info });
    await expect(call(handlers, 'ping')).resolves.toEqual({ ok: true, value: { at: 42 } });
  });

  it('passes lab:run to the lab runner, whose refusal of bad parameters comes back as its verdict', async () => {
    const { handlers } = handlersWithRealPieces();
    const answer = await call(handlers, 'lab:run', { scenario: 'race', params: { workers: 'many' } });
    expect(answer).toMatchObject({ ok: true, value: { status: 'failed', asExpected: false, threads: 0 } });
    // The scenario's own parameter check, before any thread would start (none may, here).
    if (answer.ok) expect(answer.value.message).toMatch(/^Invalid race scenario parameters: .*"workers"/);
  });

  it('lets the hub refuse what only its controller may do', async () => {
    const { handlers } = handlersWithRealPieces();
    await expect(call(handlers, 'compare:start')).resolves.toEqual({
      ok: false,
      error: {
        code: 'bad-request',
        message: 'Invalid request for "compare:start": Only the window that set up the comparison can start it',
      },
    });
  });
});
