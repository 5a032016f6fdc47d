import { describe, expect, it } from 'vitest';
import { answerEcho } from './echo-answer';
import { expectedRead } from './echo-protocol';
import { makeBytes, makeObjectGraph } from './payloads';

describe('answerEcho', () => {
  it('sends a clone back as it came, and says what it found', () => {
    const payload = makeObjectGraph(8 * 1024);
    const { reply, transfer } = answerEcho({ kind: 'clone', payload }, 42, 'thread');
    expect(reply).toEqual({ receivedAt: 42, read: expectedRead('clone-objects', 8 * 1024), echo: payload });
    expect(transfer).toEqual([]);
  });

  it('in a thread, hands a transferred buffer back in the transfer list; shared memory is read in place', () => {
    const buffer = makeBytes(4096).buffer;
    const moved = answerEcho({ kind: 'transfer', buffer }, 1, 'thread');
    expect(moved.reply.read).toBe(expectedRead('transfer', 4096));
    expect(moved.transfer).toEqual([buffer]);
    const shared = new SharedArrayBuffer(8192);
    makeBytes(1000, shared);
    const read = answerEcho({ kind: 'shared', buffer: shared, bytes: 1000 }, 1, 'thread');
    expect(read.reply).toEqual({ receivedAt: 1, read: expectedRead('shared', 1000), echo: null });
  });

  it('refuses bad messages naming the field, and in a process anything but a clone', () => {
    expect(answerEcho({ kind: 'shared', buffer: new SharedArrayBuffer(8), bytes: 0 }, 1, 'thread').reply.read).toMatch(
      /^refused: bytes: bytes must be a whole number from 1 to/,
    );
    expect(answerEcho(null, 1, 'thread').reply.read).toMatch(/^refused: /);
    const sent = answerEcho({ kind: 'transfer', buffer: new ArrayBuffer(8) }, 1, 'process');
    expect(sent.reply).toEqual({
      receivedAt: 1,
      read: 'refused: kind: a process can only be sent a clone, not "transfer"',
      echo: null,
    });
    expect(sent.transfer).toEqual([]);
  });
});
