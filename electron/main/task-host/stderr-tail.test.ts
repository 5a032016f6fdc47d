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
});
