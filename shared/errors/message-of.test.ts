import { describe, expect, it } from 'vitest';
import { messageOf } from './message-of';

describe('messageOf', () => {
  it('gives an Error’s message, a subclass’s too', () => {
    expect(messageOf(new Error('disk full'))).toBe('disk full');
    expect(messageOf(new RangeError('too big'))).toBe('too big');
  });

  it('turns anything else into a string rather than losing it', () => {
    expect(messageOf('plain text')).toBe('plain text');
    expect(messageOf(42)).toBe('42');
    expect(messageOf(undefined)).toBe('undefined');
    expect(messageOf({ toString: () => 'custom' })).toBe('custom');
  });
});
