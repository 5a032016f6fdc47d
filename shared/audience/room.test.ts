import { describe, expect, it } from 'vitest';
import { Room } from './room';
import { sampleResult } from './test-results';

const room = (capacity = 3) =>
  new Room({ joinUrl: 'http://10.0.0.2:8787/?join=x', joinCode: 'AB-12', runSeconds: 1, capacity, now: () => 0 });

describe('Room', () => {
  it('labels devices, counts who is connected and refuses a device over the cap', () => {
    const r = room(2);
    expect([r.join(), r.join(), r.join()]).toEqual(['Device 1', 'Device 2', null]);
    r.leave('Device 1');
    expect(r.connectedCount).toBe(1);
    expect(r.join()).toBe('Device 3');
  });

  it('keeps one result per device: a second run replaces the first', () => {
    const r = room();
    const a = r.join() ?? '';
    const b = r.join() ?? '';
    r.record(a, sampleResult(900));
    r.record(b, sampleResult(1200));
    r.record(a, sampleResult(1000));
    const results = r.state().results;
    expect(results.map((x) => [x.label, x.main.worstGapMs])).toEqual([
      ['Device 1', 1000],
      ['Device 2', 1200],
    ]);
    r.leave(a);
    expect(r.state().results).toHaveLength(2);
  });

  it('tallies choices, refuses answers to old or missing questions, and reveals beside the medians', () => {
    const r = room();
    const a = r.join() ?? '';
    const b = r.join() ?? '';
    expect(r.answer(a, 'q1', { choice: 0 })).toBe('there is no question on the screen');
    const q = r.ask({ kind: 'choice', text: 'Spinner?', choices: ['Yes', 'No'] });
    expect(q.id).toBe('q1');
    expect(r.answer(a, 'q0', { choice: 0 })).toBe('question q0 is no longer on the screen');
    expect(r.answer(a, 'q1', { choice: 2 })).toBe('answer.choice must be a whole number from 0 to 1');
    expect(r.answer(a, 'q1', { seconds: 2 })).toBe('this question wants a choice');
    expect(r.answer(a, 'q1', { choice: 1 })).toBeNull();
    expect(r.answer(a, 'q1', { choice: 0 })).toBeNull(); // changed their mind: still one answer
    expect(r.answer(b, 'q1', { choice: 0 })).toBeNull();
    expect(r.state().tally).toEqual({ questionId: 'q1', answers: 2, counts: [2, 0], medianGuessSeconds: null });
    r.record(a, sampleResult(900, 20));
    r.record(b, sampleResult(1100, 30));
    const reveal = r.reveal();
    expect(reveal).toMatchObject({ devices: 2, mainWorstGapMs: 1000, workersWorstGapMs: 25 });
    expect(r.answer(a, 'q1', { choice: 1 })).toBe('the answers have been revealed already');
  });

  it('takes the median of guesses in seconds, and starts afresh with each question', () => {
    const r = room();
    const labels = [r.join(), r.join(), r.join()].map((l) => l ?? '');
    r.ask({ kind: 'seconds', text: 'How long?' });
    labels.forEach((l, i) => r.answer(l, 'q1', { seconds: [0.5, 3, 1][i] ?? 0 }));
    expect(r.state().tally?.medianGuessSeconds).toBe(1);
    r.ask({ kind: 'seconds', text: 'Again?' });
    expect(r.state().tally).toMatchObject({ questionId: 'q2', answers: 0, medianGuessSeconds: null });
    r.clear();
    expect(r.state().question).toBeNull();
    expect(r.reveal()).toBeNull();
  });
});
