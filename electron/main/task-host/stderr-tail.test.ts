import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { StderrTail } from './stderr-tail';

describe('StderrTail', () => {
  it('finds the error line of an uncaught exception’s report', () => {
    const tail = new StderrTail();
    tail.push('file:///x/process-entry.js:12\n      throw new Error("boom");\n      ^\n\n');
    tail.push(
      Buffer.from(
        'Error: Crash lab: an uncaught error was thrown on purpose\n    at Timeout._onTimeout (file:///x.js:1:1)\n',
      ),
    );
    expect(tail.errorLine()).toBe('Error: Crash lab: an uncaught error was thrown on purpose');
  });

  it('finds typed errors too, and nothing in plain output', () => {
    const tail = new StderrTail();
    tail.push('warming up\n');
    expect(tail.errorLine()).toBeUndefined();
    tail.push('TypeError: x is not a function\n');
    expect(tail.errorLine()).toBe('TypeError: x is not a function');
  });

  it('keeps only the end, so a chatty child cannot grow it without bound', () => {
    const tail = new StderrTail();
    tail.push('RangeError: old: lost\n');
    tail.push('x'.repeat(StderrTail.LIMIT));
    expect(tail.errorLine()).toBeUndefined();
  });

  it('reads a stream as it arrives, and knows when it has been read to the end', async () => {
    const stream = new PassThrough();
    const tail = StderrTail.of(stream);
    // A character split across two chunks arrives whole.
    const euro = Buffer.from('Error: 5 €\n');
    stream.write(euro.subarray(0, euro.length - 2));
    stream.write(euro.subarray(euro.length - 2));
    let read = false;
    const done = tail.readToEnd(10_000).then(() => (read = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(read).toBe(false);
    stream.end();
    await done;
    expect(tail.errorLine()).toBe('Error: 5 €');
  });

  it('waits for the end of a stream at most as long as it is told', async () => {
    const tail = StderrTail.of(new PassThrough());
    const started = performance.now();
    await tail.readToEnd(50);
    expect(performance.now() - started).toBeGreaterThanOrEqual(45);
    // No stream (stderr not piped): nothing to wait for.
    await StderrTail.of(null).readToEnd(60_000);
    expect(StderrTail.of(undefined).errorLine()).toBeUndefined();
  });
});
