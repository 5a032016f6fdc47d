import { readDataPortMessage } from '../../../shared/datacost/data-port-message';
import { echoReplySchema, type EchoReply } from '../../../shared/datacost/echo-protocol';
import { messageOf } from '../../../shared/errors/message-of';
import type { UnfreezeApi } from '../../../shared/ipc/unfreeze-api';
import { describeIssues } from '../../../shared/workloads/params-error';

/**
 * The page's end of the data-cost lab's "MessagePort to a utility process" (ARCHITECTURE.md, "The
 * utility-process leg"): asks over `data:port`, takes the port from the window message the preload
 * forwards (checked by readDataPortMessage), and from then on talks to the utility process
 * directly. Every reply is checked with the same schema as the echo worker's (echo-protocol.ts).
 */

/** Where the preload's window message arrives: the page's window (a plain EventTarget in tests). */
export interface PortInbox {
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

export interface PortTimeouts {
  /** From asking to the port's arrival: the utility process is forked on the first ask. */
  readonly portMs: number;
  /** From a send to its reply: far longer than a 64 MiB clone takes, short enough to be told. */
  readonly replyMs: number;
}

export const PORT_TIMEOUTS: PortTimeouts = { portMs: 10_000, replyMs: 60_000 };

export interface UtilityPort {
  /** Posts one message; resolves with the checked reply. One at a time: a second send while one waits is refused. */
  send(message: unknown): Promise<EchoReply>;
  close(): void;
}

/** Waits for the preload's window message with the port; rejects with the reason, never hangs. */
function receivePort(inbox: PortInbox, self: unknown, ask: () => Promise<void>, timeoutMs: number) {
  return new Promise<MessagePort>((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      inbox.removeEventListener('message', listen);
    };
    const listen = (event: MessageEvent) => {
      const verdict = readDataPortMessage(event, self);
      if (verdict.kind === 'other') return;
      done();
      if (verdict.kind === 'bad') reject(new Error(verdict.error));
      else resolve(verdict.port);
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error(`No MessagePort to the utility process arrived within ${timeoutMs / 1000} s of asking`));
    }, timeoutMs);
    // Listening before asking: the port may arrive before the invoke's answer does.
    inbox.addEventListener('message', listen);
    ask().catch((error: unknown) => {
      done();
      reject(new Error(`The main process refused a MessagePort: ${messageOf(error)}`));
    });
  });
}

/** The port, wrapped: each reply is checked where it arrives and settles the one send waiting. */
function wrapPort(port: MessagePort, replyMs: number): UtilityPort {
  let waiting: {
    resolve(reply: EchoReply): void;
    reject(error: Error): void;
    timer: ReturnType<typeof setTimeout>;
  } | null = null;
  let closedBecause: string | null = null;
  const settle = (outcome: { reply: EchoReply } | { error: string }) => {
    const current = waiting;
    waiting = null;
    if (!current) return;
    clearTimeout(current.timer);
    if ('reply' in outcome) current.resolve(outcome.reply);
    else current.reject(new Error(outcome.error));
  };
  port.onmessage = (event: MessageEvent<unknown>) => {
    const reply = echoReplySchema.safeParse(event.data);
    if (!reply.success) settle({ error: `The utility process sent a malformed reply: ${describeIssues(reply.error)}` });
    else if (waiting === null) console.error('[data-port] a reply arrived with no send waiting for it');
    else settle({ reply: reply.data });
  };
  port.onmessageerror = () => settle({ error: 'The utility process sent a message that could not be read' });
  // Chromium fires 'close' when the far end goes (the utility process exited): say so instead of waiting.
  port.addEventListener('close', () => {
    closedBecause = 'The port to the utility process closed (did the process exit?)';
    settle({ error: closedBecause });
  });
  return {
    send(message) {
      if (closedBecause !== null) return Promise.reject(new Error(closedBecause));
      if (waiting !== null) return Promise.reject(new Error('One move at a time: a send is still waiting'));
      return new Promise<EchoReply>((resolve, reject) => {
        const timer = setTimeout(
          () => settle({ error: `The utility process did not answer within ${replyMs / 1000} s` }),
          replyMs,
        );
        waiting = { resolve, reject, timer };
        port.postMessage(message);
      });
    },
    close() {
      closedBecause = 'The port to the utility process was closed';
      settle({ error: closedBecause });
      port.close();
    },
  };
}

/**
 * Asks the main process for a port to the utility process and resolves once it is here. `inbox`
 * and `self` are the page's window in the app: the preload posts from the window to itself.
 */
export async function openUtilityPort(
  api: Pick<UnfreezeApi, 'openDataPort'>,
  inbox: PortInbox,
  self: unknown,
  timeouts: PortTimeouts = PORT_TIMEOUTS,
): Promise<UtilityPort> {
  const port = await receivePort(inbox, self, () => api.openDataPort(), timeouts.portMs);
  return wrapPort(port, timeouts.replyMs);
}
