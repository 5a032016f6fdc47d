import { describe, expect, it } from 'vitest';
import type { CompareSetup, CompareUpdate, PaneCommand, PaneReport } from '../../shared/compare/compare-protocol';
import { eventChannels } from '../../shared/ipc/channels';
import { ipcOk, type IpcResult } from '../../shared/ipc/result';
import { createCompareHub, type CompareTarget } from './compare-hub';
import { dispatchInvoke, type InvokeHandler } from './ipc-dispatch';
import type { InvokeChannel } from '../../shared/ipc/channels';
import { trustedOrigins } from './trusted-sender';

class Target implements CompareTarget {
  destroyed = false;
  constructor(readonly id: number) {}
  isDestroyed() {
    return this.destroyed;
  }
}

const setup: CompareSetup = {
  left: 'renderer-main',
  right: 'web-worker',
  request: { workload: 'primes', params: { limit: 1000 } },
};

function hubWith(now = 1_700_000_000_000) {
  const controller = new Target(1);
  const left = new Target(2);
  const right = new Target(3);
  const stranger = new Target(9);
  const toPanes: { to: number; command: PaneCommand }[] = [];
  const toController: CompareUpdate[] = [];
  let opened = 0;
  // What goes out must pass the schema the page checks it by.
  const ok = (channel: 'compare:pane' | 'compare:update', payload: unknown): IpcResult<unknown> => {
    expect(eventChannels[channel].safeParse(payload).success).toBe(true);
    return ipcOk(true);
  };
  const hub = createCompareHub<Target>({
    clock: () => now,
    leadMs: 400,
    openPanes: () => {
      opened++;
      return { left, right };
    },
    sendPane: (t, command) => {
      toPanes.push({ to: t.id, command });
      return ok('compare:pane', command);
    },
    sendController: (_t, update) => {
      toController.push(update);
      return ok('compare:update', update);
    },
  });
  // Every call goes through the same dispatch (sender URL, schema) as in the app.
  const call = <C extends InvokeChannel>(channel: C, sender: Target, ...args: unknown[]) =>
    dispatchInvoke<C, Target>(
      { channel, args, senderUrl: 'unfreeze://app/index.html', sender, trustedOrigins: trustedOrigins() },
      hub.handlers[channel as keyof typeof hub.handlers] as unknown as InvokeHandler<C, Target>,
    );
  return { hub, call, controller, left, right, stranger, toPanes, toController, opened: () => opened };
}

const report = (pane: 'left' | 'right', runId = 1): PaneReport => ({
  runId,
  pane,
  result: {
    status: 'done',
    startedAt: 1_700_000_000_400,
    wallMs: 900,
    worstGapMs: pane === 'left' ? 880 : 17,
    framesOver50: pane === 'left' ? 1 : 0,
    inputDelayP95Ms: null,
    mainStallMs: 4,
  },
});

describe('compare hub', () => {
  it('opens the panes, hands them the setup, and starts both at one instant ahead', async () => {
    const h = hubWith();
    expect(await h.call('compare:open', h.controller, setup)).toEqual({ ok: true, value: undefined });
    expect(h.opened()).toBe(1);
    expect(await h.call('compare:ready', h.left, { pane: 'left' })).toEqual({ ok: true, value: setup });
    expect(await h.call('compare:ready', h.right, { pane: 'right' })).toEqual({ ok: true, value: setup });

    expect(await h.call('compare:start', h.controller)).toEqual({
      ok: true,
      value: { runId: 1, startAt: 1_700_000_000_400 },
    });
    expect(h.toPanes).toEqual([
      { to: 2, command: { type: 'run', pane: 'left', runId: 1, setup, startAt: 1_700_000_000_400 } },
      { to: 3, command: { type: 'run', pane: 'right', runId: 1, setup, startAt: 1_700_000_000_400 } },
    ]);
    expect(h.toController).toEqual([{ type: 'started', runId: 1, startAt: 1_700_000_000_400 }]);

    await h.call('compare:report', h.left, report('left'));
    await h.call('compare:report', h.right, report('right'));
    expect(h.toController.slice(1)).toEqual([
      { type: 'report', report: report('left') },
      { type: 'report', report: report('right') },
    ]);
  });

  it('checks every caller’s role', async () => {
    const h = hubWith();
    await h.call('compare:open', h.controller, setup);
    const refused = async (channel: InvokeChannel, sender: Target, ...args: unknown[]) => {
      const r = await h.call(channel, sender, ...args);
      expect(r.ok).toBe(false);
      return r.ok ? '' : r.error.message;
    };
    expect(await refused('compare:ready', h.right, { pane: 'left' })).toContain('Only the compare window’s left pane');
    expect(await refused('compare:start', h.controller)).toMatch(/left and right pane are still loading/);
    await h.call('compare:ready', h.left, { pane: 'left' });
    await h.call('compare:ready', h.right, { pane: 'right' });
    expect(await refused('compare:start', h.left)).toContain('Only the window that set up the comparison');
    expect(await refused('compare:start', h.stranger)).toContain('Only the window that set up the comparison');
    await h.call('compare:start', h.controller);
    expect(await refused('compare:report', h.right, report('left'))).toContain(
      'Only the compare window’s left pane may report',
    );
    expect(await refused('compare:report', h.stranger, report('right'))).toContain('right pane may report');
    expect(await refused('compare:open', h.left, setup)).toContain('A pane cannot open');
    // Malformed payloads never reach the hub.
    expect(await refused('compare:report', h.left, { ...report('left'), result: { wallMs: -1 } })).toContain(
      'Invalid request for "compare:report"',
    );
    expect(h.toController.filter((u) => u.type === 'report')).toEqual([]);
  });

  it('drops a late report of an earlier run, and tells the controller when the window closes', async () => {
    const h = hubWith();
    await h.call('compare:open', h.controller, setup);
    await h.call('compare:ready', h.left, { pane: 'left' });
    await h.call('compare:ready', h.right, { pane: 'right' });
    await h.call('compare:start', h.controller);
    await h.call('compare:start', h.controller);
    await h.call('compare:report', h.left, report('left', 1));
    expect(h.toController.filter((u) => u.type === 'report')).toEqual([]);

    h.hub.senderGone(h.left.id);
    expect(h.toController.at(-1)).toEqual({ type: 'closed' });
    const r = await h.call('compare:start', h.controller);
    expect(r.ok === false && r.error.message).toContain('not open');
  });

  it('sends a new setup to panes already loaded when the comparison is set up again', async () => {
    const h = hubWith();
    await h.call('compare:open', h.controller, setup);
    await h.call('compare:ready', h.left, { pane: 'left' });
    const other: CompareSetup = { ...setup, right: 'main-process' };
    await h.call('compare:open', h.controller, other);
    expect(h.toPanes).toEqual([{ to: 2, command: { type: 'setup', pane: 'left', setup: other } }]);
  });
});
