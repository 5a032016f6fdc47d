import { describe, expect, it } from 'vitest';
import { parseCliArgs } from './cli-args';
import { lanAddress } from './lan-address';

describe('npm run audience’s arguments', () => {
  it('defaults to the LAN address, port 8787 and 1 s runs', () => {
    expect(parseCliArgs([])).toEqual({ host: null, port: 8787, runSeconds: 1 });
    expect(parseCliArgs(['--host', '127.0.0.1', '--port', '0', '--seconds', '0.3'])).toEqual({
      host: '127.0.0.1',
      port: 0,
      runSeconds: 0.3,
    });
  });

  it.each([
    [['--host'], '--host needs a value'],
    [['--host', 'a b'], '--host must be an address or host name'],
    [['--port', '70000'], '--port must be a whole number from 0 to 65535'],
    [['--seconds', '9'], '--seconds must be a number from 0.1 to 5'],
    [['--verbose', '1'], 'unknown option --verbose'],
  ])('refuses %j', (args, message) => {
    expect(() => parseCliArgs(args)).toThrow(message);
  });
});

describe('lanAddress', () => {
  const entry = (address: string, family: 'IPv4' | 'IPv6', internal: boolean) => ({
    address,
    family,
    internal,
    netmask: '',
    mac: '',
    cidr: null,
    ...(family === 'IPv6' ? { scopeid: 0 } : {}),
  });

  it('picks the first IPv4 address that is not internal', () => {
    const interfaces = {
      lo: [entry('127.0.0.1', 'IPv4', true)],
      wlan0: [entry('fe80::1', 'IPv6', false), entry('192.168.1.20', 'IPv4', false)],
    };
    expect(lanAddress(interfaces as never)).toEqual({ host: '192.168.1.20' });
  });

  it('falls back to loopback, and says why', () => {
    const choice = lanAddress({ lo: [entry('127.0.0.1', 'IPv4', true)] } as never);
    expect(choice.host).toBe('127.0.0.1');
    expect(choice.note).toMatch(/^No network address found/);
  });
});
