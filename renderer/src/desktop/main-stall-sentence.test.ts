import { describe, expect, it } from 'vitest';
import { mainStallSentence, stallTone } from './main-stall-sentence';

describe('mainStallSentence', () => {
  it('names a stall of the main process in seconds', () => {
    const stall = { worstMs: 2930, pings: 12, unanswered: false };
    expect(mainStallSentence(stall)).toBe('The main process was unresponsive for 2.93 s.');
    expect(stallTone(stall)).toBe('frozen');
  });

  it('says a responsive main process stayed so, with its worst ping', () => {
    expect(mainStallSentence({ worstMs: 4.2, pings: 30, unanswered: false })).toBe(
      'The main process stayed responsive (worst ping 4 ms).',
    );
  });

  it('calls a ping between 50 and 100 ms slow, not frozen', () => {
    const stall = { worstMs: 72, pings: 30, unanswered: false };
    expect(mainStallSentence(stall)).toBe('The main process was slow to answer: worst ping 72 ms.');
    expect(stallTone(stall)).toBe('slow');
  });

  it('says when the worst ping is still unanswered', () => {
    expect(mainStallSentence({ worstMs: 3000, pings: 1, unanswered: true })).toMatch(/still has not answered/);
  });

  it('does not guess without pings', () => {
    const stall = { worstMs: 0, pings: 0, unanswered: false };
    expect(stallTone(stall)).toBe('unknown');
    expect(mainStallSentence(stall)).toMatch(/not measured/);
  });
});
