import { z } from 'zod';
import { describeIssues } from '../workloads/params-error';
import { DATA_PORT_TAG } from './data-port';

/**
 * The check on the window message that brings the page its MessagePort to the data-cost lab's
 * utility process (the preload's forwardDataPorts posts it; shared/datacost/data-port.ts says how).
 * Its own file because the preload imports data-port.ts and cannot load zod; the page checks here,
 * once, where the message enters (renderer/src/lab/data-port.ts). What comes back over the port
 * afterwards is checked with echoReplySchema (echo-protocol.ts), like every other leg's reply.
 */
export const dataPortMessageSchema = z.strictObject({
  unfreeze: z.literal(DATA_PORT_TAG, { error: `unfreeze must be "${DATA_PORT_TAG}"` }),
});

/** A window 'message' event, as far as this check reads it (shared/ has no DOM types). */
export interface WindowMessageLike<P> {
  readonly data: unknown;
  /** The window that posted it: the preload posts from this very window. */
  readonly source: unknown;
  readonly ports: readonly P[];
}

export type DataPortVerdict<P> =
  /** Not a data-port message at all (a page gets other window messages too): left alone. */
  | { readonly kind: 'other' }
  | { readonly kind: 'port'; readonly port: P }
  /** Claims to be the data-port message and is not sound: the reason, naming the field. */
  | { readonly kind: 'bad'; readonly error: string };

function claimsDataPort(data: unknown): boolean {
  return typeof data === 'object' && data !== null && (data as { unfreeze?: unknown }).unfreeze === DATA_PORT_TAG;
}

/**
 * Whether `event` is the data-port message from `self` (the page's own window), carrying exactly
 * one port. Messages without the tag are someone else's; tagged ones are held to the contract.
 */
export function readDataPortMessage<P>(event: WindowMessageLike<P>, self: unknown): DataPortVerdict<P> {
  if (!claimsDataPort(event.data)) return { kind: 'other' };
  const bad = (error: string) => ({ kind: 'bad', error: `The data-port message was refused: ${error}` }) as const;
  const data = dataPortMessageSchema.safeParse(event.data);
  if (!data.success) return bad(describeIssues(data.error));
  if (event.source !== self) return bad('source: it must come from this window (the preload), not another one');
  const [port, ...more] = event.ports;
  if (port === undefined || more.length > 0)
    return bad(`ports: exactly 1 MessagePort expected, got ${event.ports.length}`);
  return { kind: 'port', port };
}
