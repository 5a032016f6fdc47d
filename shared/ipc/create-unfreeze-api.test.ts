import { describe, expect, expectTypeOf, it } from 'vitest';
import type { UnfreezeApi as PreloadApi } from '../../electron/preload/api';
import { parseInvokeRequest, type InvokeChannel } from './channels';
import { createUnfreezeApi, type UnfreezeApi, type UnfreezeTransport } from './create-unfreeze-api';

/** A transport that keeps what the API asked of it and answers with `answer`. */
function recording(answer: unknown = undefined) {
  const invoked: { channel: InvokeChannel; args: unknown[] }[] = [];
  const subscribed: string[] = [];
  const unsubscribe = () => {};
  const transport: UnfreezeTransport = {
    invoke: (channel, ...args) => {
      invoked.push({ channel, args });
      return Promise.resolve(answer as never);
    },
    on: (channel) => {
      subscribed.push(channel);
      return unsubscribe;
    },
  };
  return { transport, invoked, subscribed, unsubscribe };
}

const request = { workload: 'primes', params: { limit: 1000 } } as const;
const setup = { left: 'main-process', right: 'worker-thread', request } as const;

describe('createUnfreezeApi', () => {
  it('builds exactly the API the renderer expects as window.unfreeze', () => {
    expectTypeOf<UnfreezeApi>().toEqualTypeOf<PreloadApi>();
  });

  it('sends each call on its channel, with a payload the main process’s schema accepts', async () => {
    const { transport, invoked } = recording();
    const api = createUnfreezeApi(transport);
    await api.getAppInfo();
    await api.startTask('t1', 'worker-thread', request);
    await api.startTask('t2', 'utility-process', request, 3);
    await api.cancelTask('t1');
    await api.startCrash('t3', 'utility-process', 'hang');
    await api.openCompare(setup);
    await api.startCompare();
    await api.compareReady('left');
    const result = {
      status: 'done',
      startedAt: 1,
      wallMs: 1,
      worstGapMs: 0,
      framesOver50: 0,
      inputDelayP95Ms: null,
      mainStallMs: null,
    } as const;
    await api.reportCompare({ runId: 1, pane: 'right', result });
    await api.runLab('race', { workers: 4 });
    expect(invoked.map((c) => c.channel)).toEqual([
      'app:info',
      'task:start',
      'task:start',
      'task:cancel',
      'task:crash',
      'compare:open',
      'compare:start',
      'compare:ready',
      'compare:report',
      'lab:run',
    ]);
    for (const { channel, args } of invoked) {
      expect(args.length, channel).toBeLessThanOrEqual(1);
      expect(parseInvokeRequest(channel, args[0]).ok, channel).toBe(true);
    }
    // No shards, no key: the strict schema would refuse an explicit undefined from other callers.
    expect(invoked[1]?.args[0]).toEqual({ taskId: 't1', place: 'worker-thread', request });
    expect(invoked[2]?.args[0]).toEqual({ taskId: 't2', place: 'utility-process', request, shards: 3 });
  });

  it('pings without handing the main process’s clock to the page', async () => {
    const { transport, invoked } = recording({ at: 123 });
    await expect(createUnfreezeApi(transport).ping()).resolves.toBeUndefined();
    expect(invoked).toEqual([{ channel: 'ping', args: [] }]);
  });

  it('subscribes each listener to its event channel and returns the transport’s unsubscribe', () => {
    const { transport, subscribed, unsubscribe } = recording();
    const api = createUnfreezeApi(transport);
    const listener = () => {};
    expect(api.onTaskEvent(listener)).toBe(unsubscribe);
    expect(api.onMetrics(listener)).toBe(unsubscribe);
    expect(api.onComparePane(listener)).toBe(unsubscribe);
    expect(api.onCompareUpdate(listener)).toBe(unsubscribe);
    expect(subscribed).toEqual(['task:event', 'metrics', 'compare:pane', 'compare:update']);
    expect(api.edition).toBe('desktop');
  });
});
