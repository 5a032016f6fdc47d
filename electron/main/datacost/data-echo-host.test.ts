import { EventEmitter } from 'node:events';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { createDataEchoHost, DATA_ECHO_SERVICE_NAME, type EchoProcessLike } from './data-echo-host';

/**
 * utilityProcess.fork cannot run here (no Electron), so the process is a recording stand-in; the
 * channels are real (Node's MessageChannel), and a test sends through them to prove which end went where.
 */
class RecordingProcess extends EventEmitter implements EchoProcessLike<MessagePort> {
  readonly posted: { message: unknown; transfer: MessagePort[] }[] = [];
  killed = false;
  postMessage(message: unknown, transfer: MessagePort[] = []): void {
    this.posted.push({ message, transfer });
  }
  kill(): boolean {
    this.killed = true;
    return true;
  }
}

const ports: MessagePort[] = [];
afterEach(() => {
  for (const port of ports.splice(0)) port.close();
});

function hostWithRecorder() {
  const forks: { modulePath: string; options: unknown; child: RecordingProcess }[] = [];
  const host = createDataEchoHost<MessagePort>({
    entry: '/app/out/main/workers/data-echo-entry.js',
    fork: (modulePath, _args, options) => {
      const child = new RecordingProcess();
      forks.push({ modulePath, options, child });
      return child;
    },
    newChannel: () => {
      const channel = new MessageChannel();
      ports.push(channel.port1, channel.port2);
      return channel;
    },
  });
  return { host, forks };
}

function nextMessage(port: MessagePort): Promise<unknown> {
  return new Promise((resolve) => port.once('message', resolve));
}

describe('createDataEchoHost', () => {
  it('starts nothing until a page asks', () => {
    const { forks } = hostWithRecorder();
    expect(forks).toHaveLength(0);
  });

  it('forks the entry once, named, and hands it one end of a fresh channel per page', async () => {
    const { host, forks } = hostWithRecorder();
    const first = host.connect();
    const second = host.connect();
    expect(forks).toHaveLength(1);
    expect(forks[0]?.modulePath).toBe('/app/out/main/workers/data-echo-entry.js');
    expect(forks[0]?.options).toEqual({ serviceName: DATA_ECHO_SERVICE_NAME, stdio: 'inherit' });
    const posted = forks[0]?.child.posted ?? [];
    expect(posted.map((p) => p.message)).toEqual([{ kind: 'port' }, { kind: 'port' }]);
    expect(posted.every((p) => p.transfer.length === 1)).toBe(true);
    expect(first).not.toBe(second);
    // The page's end and the process's end are the two ends of one channel.
    const processEnd = posted[1]?.transfer[0];
    if (!processEnd) throw new Error('no port was posted');
    const arriving = nextMessage(processEnd);
    second.postMessage('hello');
    await expect(arriving).resolves.toBe('hello');
  });

  it('starts a new process for the next page once the old one has exited', () => {
    const { host, forks } = hostWithRecorder();
    host.connect();
    forks[0]?.child.emit('exit', 1);
    host.connect();
    expect(forks).toHaveLength(2);
    expect(forks[1]?.child.posted).toHaveLength(1);
  });

  it('kills the running process on dispose, and only that once', () => {
    const { host, forks } = hostWithRecorder();
    host.dispose();
    expect(forks).toHaveLength(0);
    host.connect();
    host.dispose();
    expect(forks[0]?.child.killed).toBe(true);
    host.connect();
    expect(forks).toHaveLength(2);
  });
});
