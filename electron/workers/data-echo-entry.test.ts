import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { echoReplySchema, expectedRead } from '../../shared/datacost/echo-protocol';
import { MIB } from '../../shared/datacost/data-cost-methods';
import { fingerprint, makeBytes } from '../../shared/datacost/payloads';

const entry = fileURLToPath(new URL('./data-echo-entry.ts', import.meta.url));
let child: ChildProcess | null = null;

/** A real child process standing in for the utility process; its IPC channel stands in for the port. */
function start(): ChildProcess {
  child = fork(entry, [], { execArgv: ['--import', 'tsx'], serialization: 'advanced', stdio: 'ignore' });
  return child;
}

function ask(process: ChildProcess, message: unknown) {
  const reply = new Promise<unknown>((resolve) => process.once('message', resolve));
  process.send(message as never);
  return reply.then((data) => echoReplySchema.parse(data));
}

afterEach(() => {
  child?.kill();
  child = null;
});

describe('data-echo-entry (the utility process of the data-cost lab)', () => {
  it('receives a 4 MiB clone whole, on the shared clock, and sends it back unchanged', async () => {
    const far = start();
    await ask(far, { kind: 'clone', payload: makeBytes(1024) }); // started and serving
    const payload = makeBytes(4 * MIB);
    const sentAt = performance.timeOrigin + performance.now();
    const reply = await ask(far, { kind: 'clone', payload });
    expect(reply.read).toBe(expectedRead('clone-bytes', 4 * MIB));
    expect(reply.echo).toBeInstanceOf(Uint8Array);
    expect(fingerprint(reply.echo as Uint8Array)).toBe(expectedRead('clone-bytes', 4 * MIB));
    // Its clock and ours are one clock: the payload arrived after it was sent, and not an age later.
    expect(reply.receivedAt).toBeGreaterThanOrEqual(sentAt - 1);
    expect(reply.receivedAt - sentAt).toBeLessThan(10_000);
  });

  it('refuses what does not fit the contract, naming the field, and keeps serving', async () => {
    const far = start();
    const bad = await ask(far, { kind: 'teleport', payload: 1 });
    expect(bad.read).toMatch(/^refused: .*kind/);
    expect(bad.echo).toBeNull();
    const transfer = await ask(far, { kind: 'transfer', buffer: new ArrayBuffer(8) });
    expect(transfer.read).toBe('refused: kind: a process can only be sent a clone, not "transfer"');
    const good = await ask(far, { kind: 'clone', payload: makeBytes(2048) });
    expect(good.read).toBe(expectedRead('clone-bytes', 2048));
  });

  it('exits on its own when its parent goes away', async () => {
    const far = start();
    await ask(far, { kind: 'clone', payload: makeBytes(16) });
    const exit = new Promise<number | null>((resolve) => far.once('exit', (code) => resolve(code)));
    far.disconnect();
    await expect(exit).resolves.toBe(0);
  });
});
