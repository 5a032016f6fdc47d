import { describe, expect, it } from 'vitest';
import { attendeeMessageSchema, parseMessage, presenterCommandSchema, toAttendeeSchema } from './audience-messages';
import { sampleResult } from './test-results';

const parseAttendee = (value: unknown) => parseMessage(attendeeMessageSchema, JSON.stringify(value));

describe('attendee messages', () => {
  it('accepts a result and an answer of either kind', () => {
    expect(parseAttendee(sampleResult(900))).toEqual({ ok: true, value: sampleResult(900) });
    expect(parseAttendee({ type: 'answer', questionId: 'q1', answer: { choice: 1 } }).ok).toBe(true);
    expect(parseAttendee({ type: 'answer', questionId: 'q1', answer: { seconds: 2.5 } }).ok).toBe(true);
  });

  it.each([
    ['not JSON', '{"type":', 'the message is not JSON'],
    ['an unknown type', '{"type":"hello"}', 'type must be "result" or "answer"'],
    [
      'a negative gap',
      JSON.stringify({ ...sampleResult(900), main: { ...sampleResult(900).main, worstGapMs: -1 } }),
      'main.worstGapMs: worstGapMs must be a number from 0 to 600,000',
    ],
    ['an extra field', JSON.stringify({ ...sampleResult(900), name: 'Ada' }), 'Unrecognized key: "name"'],
    [
      'a device with a control character',
      JSON.stringify({ ...sampleResult(900), device: { ...sampleResult(900).device, browser: 'a\u0007b' } }),
      'device.browser: device.browser must not contain control characters',
    ],
    [
      'a choice out of range',
      JSON.stringify({ type: 'answer', questionId: 'q1', answer: { choice: 9 } }),
      'answer.choice: answer.choice must be a whole number from 0 to 3',
    ],
  ])('refuses %s, naming the field', (_name, text, reason) => {
    const parsed = parseMessage(attendeeMessageSchema, text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toContain(reason);
  });
});

describe('presenter commands and server messages', () => {
  it('accepts a question of each kind and refuses one with a single choice', () => {
    const ask = (question: unknown) => presenterCommandSchema.safeParse({ type: 'ask', question }).success;
    expect(ask({ kind: 'seconds', text: 'How long?' })).toBe(true);
    expect(ask({ kind: 'choice', text: 'Which?', choices: ['a', 'b'] })).toBe(true);
    expect(ask({ kind: 'choice', text: 'Which?', choices: ['a'] })).toBe(false);
    expect(ask({ kind: 'choice', text: 'Which?', choices: ['a', 'b'], id: 'q1' })).toBe(false);
  });

  it('reads a stop notice', () => {
    expect(toAttendeeSchema.parse({ type: 'stopped', reason: 'The presenter ended the session.' }).type).toBe(
      'stopped',
    );
  });
});
