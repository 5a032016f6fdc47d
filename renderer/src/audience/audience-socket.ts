import type { z } from 'zod';
import { parseMessage } from '../../../shared/audience/audience-messages';

export interface AudienceSocket {
  send(message: unknown): void;
  close(): void;
}

export interface AudienceSocketHandlers<T> {
  readonly onMessage: (message: T) => void;
  /** The connection ended, or never opened: why, as a sentence for the page. */
  readonly onClosed: (why: string) => void;
}

/**
 * The page's one WebSocket to the audience server that served it (`ws://<same host>/ws`), with
 * its role and secret in the query. Each message from the server is checked against `schema`
 * where it arrives; one that fails is dropped and logged, never trusted.
 */
export function openAudienceSocket<T>(
  query: { role: 'attendee'; token: string } | { role: 'presenter'; key: string },
  schema: z.ZodType<T>,
  handlers: AudienceSocketHandlers<T>,
): AudienceSocket {
  const params = new URLSearchParams(query);
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const ws = new WebSocket(`${scheme}//${location.host}/ws?${params.toString()}`);
  let opened = false;
  ws.onopen = () => (opened = true);
  ws.onmessage = (event: MessageEvent<unknown>) => {
    if (typeof event.data !== 'string') return;
    const parsed = parseMessage(schema, event.data);
    if (parsed.ok) handlers.onMessage(parsed.value);
    else console.warn('The audience server sent a message this page does not understand:', parsed.reason);
  };
  ws.onclose = (event) => {
    if (!opened)
      handlers.onClosed('Could not connect: the link may be from an earlier session, or the session has ended.');
    else handlers.onClosed(event.reason ? `Disconnected (${event.reason}).` : 'Disconnected from the session.');
  };
  return {
    send: (message) => {
      if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(message));
    },
    close: () => ws.close(),
  };
}
