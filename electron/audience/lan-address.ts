import { networkInterfaces } from 'node:os';

type Interfaces = ReturnType<typeof networkInterfaces>;

export interface HostChoice {
  readonly host: string;
  /** Set when the LAN address was asked for and none was found: say so, and why phones cannot join. */
  readonly note?: string;
}

/**
 * The address phones in the room can reach: the first non-internal IPv4 address of this
 * computer. With none (no network, or only IPv6), loopback, which only this computer reaches.
 */
export function lanAddress(interfaces: Interfaces = networkInterfaces()): HostChoice {
  for (const list of Object.values(interfaces)) {
    for (const entry of list ?? []) {
      if (entry.family === 'IPv4' && !entry.internal) return { host: entry.address };
    }
  }
  return {
    host: '127.0.0.1',
    note: 'No network address found (is Wi-Fi on?): serving on 127.0.0.1, which only this computer can open.',
  };
}
