import { describe, expect, it } from 'vitest';
import { RunSignal } from './run-signal';

const task = () => {
  const t = { cancels: 0, cancel: () => void t.cancels++ };
  return t;
};

describe('RunSignal', () => {
  it('reaches the task attached now', () => {
    const signal = new RunSignal();
    const t = task();
    signal.attach(t);
    expect(t.cancels).toBe(0);
    signal.cancel();
    expect([signal.cancelled, t.cancels]).toEqual([true, 1]);
  });

  it('keeps a cancel that came before the task, and cancels it the moment it is attached', () => {
    const signal = new RunSignal();
    signal.cancel();
    const t = task();
    signal.attach(t);
    expect(t.cancels).toBe(1);
  });

  it('leaves a task alone once it was detached', () => {
    const signal = new RunSignal();
    const t = task();
    signal.attach(t);
    signal.attach(null);
    signal.cancel();
    expect([signal.cancelled, t.cancels]).toEqual([true, 0]);
  });
});
