import { afterEach, describe, expect, it } from 'vitest';
import { DATA_PORT_TAG } from '../../../shared/datacost/data-port';
import { answerEcho } from '../../../shared/datacost/echo-answer';
import { expectedRead } from '../../../shared/datacost/echo-protocol';
import { makeBytes } from '../../../shared/datacost/payloads';
import { openUtilityPort, type PortInbox } from './data-port';

/**
 * The page's end of the utility-process leg, in Node: real MessageChannels, a plain EventTarget for
 * the window. The far end answers with answerEcho, the very
 * function the utility process runs (electron/workers/data-echo-entry.ts), or with whatever a test
 * wants to prove the page refuses.
 */

const channels: MessageChannel[] = [];
afterEach(() => {
  for (const { port1, port2 } of channels.splice(0)) {
    port1.close();
    port2.close();
  }
});

/** A window, and the preload's forwarding: `deliver` posts what the preload would, with the page's end. */
function fakeWindow() {
  const inbox = new EventTarget() as EventTarget & PortInbox;
  const channel = new MessageChannel();
  channels.push(channel);
  const deliver = (data: unknown = { unfreeze: DATA_PORT_TAG }, source: unknown = inbox, ports = [channel.port1]) =>
    // Node's MessageEvent takes only a MessagePort as its source, a browser's a window: a plain event carries it.
    inbox.dispatchEvent(Object.assign(new Event('message'), { data, source, ports }));
  return { inbox, far: channel.port2, deliver };
}

/** The far end answers like the utility process does. */
function serveEcho(far: MessagePort) {
  far.onmessage = (event: MessageEvent<unknown>) =>
    far.postMessage(answerEcho(event.data, Date.now(), 'process').reply);
}

const fast = { portMs: 200, replyMs: 200 };

describe('openUtilityPort', () => {
  it('takes the forwarded port and moves a 1 MiB clone to the far side and back, checked', async () => {
    const { inbox, far, deliver } = fakeWindow();
    serveEcho(far);
    let asked = 0;
    const port = await openUtilityPort({ openDataPort: async () => void (asked++, deliver()) }, inbox, inbox, fast);
    expect(asked).toBe(1);
    const reply = await port.send({ kind: 'clone', payload: makeBytes(1024 * 1024) });
    expect(reply.read).toBe(expectedRead('clone-bytes', 1024 * 1024));
    expect(reply.echo).toBeInstanceOf(Uint8Array);
    port.close();
  });

  it('ignores other window messages and still takes the port when it comes', async () => {
    const { inbox, far, deliver } = fakeWindow();
    serveEcho(far);
    const api = {
      openDataPort: async () => {
        inbox.dispatchEvent(new MessageEvent('message', { data: { type: 'devtools' } }));
        setTimeout(() => deliver(), 20);
      },
    };
    const port = await openUtilityPort(api, inbox, inbox, fast);
    await expect(port.send({ kind: 'clone', payload: makeBytes(16) })).resolves.toMatchObject({
      read: expectedRead('clone-bytes', 16),
    });
    port.close();
  });

  it.each([
    ['an extra key', { unfreeze: DATA_PORT_TAG, port: 1 }, 'self', 1, /refused: .*"port"/],
    ['another window', { unfreeze: DATA_PORT_TAG }, 'other', 1, /refused: source: /],
    ['no port', { unfreeze: DATA_PORT_TAG }, 'self', 0, /refused: ports: exactly 1 MessagePort expected, got 0/],
  ])('fails with the reason when the window message has %s', async (_what, data, source, count, error) => {
    const { inbox, deliver } = fakeWindow();
    const extra = new MessageChannel();
    channels.push(extra);
    const ports = count === 0 ? [] : [extra.port1];
    const api = { openDataPort: async () => void deliver(data, source === 'self' ? inbox : new EventTarget(), ports) };
    await expect(openUtilityPort(api, inbox, inbox, fast)).rejects.toThrow(error);
  });

  it('fails, not waits, when no port arrives in time', async () => {
    const { inbox } = fakeWindow();
    await expect(openUtilityPort({ openDataPort: async () => {} }, inbox, inbox, fast)).rejects.toThrow(
      'No MessagePort to the utility process arrived within 0.2 s of asking',
    );
  });

  it('passes on the main process refusing', async () => {
    const { inbox } = fakeWindow();
    const api = { openDataPort: () => Promise.reject(new Error('Refused "data:port": not part of this app')) };
    await expect(openUtilityPort(api, inbox, inbox, fast)).rejects.toThrow(
      'The main process refused a MessagePort: Refused "data:port": not part of this app',
    );
  });

  it('fails a send on a malformed reply, naming the field, and the next send still works', async () => {
    const { inbox, far, deliver } = fakeWindow();
    let bad = true;
    far.onmessage = (event: MessageEvent<unknown>) => {
      if (bad) far.postMessage({ receivedAt: 'soon', read: 'x', echo: null });
      else far.postMessage(answerEcho(event.data, Date.now(), 'process').reply);
      bad = false;
    };
    const port = await openUtilityPort({ openDataPort: async () => void deliver() }, inbox, inbox, fast);
    await expect(port.send({ kind: 'clone', payload: makeBytes(8) })).rejects.toThrow(
      /^The utility process sent a malformed reply: receivedAt: /,
    );
    await expect(port.send({ kind: 'clone', payload: makeBytes(8) })).resolves.toMatchObject({
      read: expectedRead('clone-bytes', 8),
    });
    port.close();
  });

  it('fails a send the far side never answers, and refuses sends after close', async () => {
    const { inbox, deliver } = fakeWindow();
    const port = await openUtilityPort({ openDataPort: async () => void deliver() }, inbox, inbox, fast);
    await expect(port.send({ kind: 'clone', payload: makeBytes(8) })).rejects.toThrow(
      'The utility process did not answer within 0.2 s',
    );
    port.close();
    await expect(port.send({ kind: 'clone', payload: makeBytes(8) })).rejects.toThrow(
      'The port to the utility process was closed',
    );
  });
});
