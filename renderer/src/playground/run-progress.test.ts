import { describe, expect, it } from 'vitest';
import { NO_PROGRESS, RunProgress } from './run-progress';

describe('RunProgress', () => {
  it('starts empty and tells each subscriber about a change, once', () => {
    const progress = new RunProgress();
    expect(progress.get()).toBe(NO_PROGRESS);
    let calls = 0;
    const stop = progress.subscribe(() => (calls += 1));
    const view = { done: 3, total: 10, lanes: [{ lane: 0, done: 3, total: 5 }] };
    progress.set(view);
    progress.set(view);
    expect(calls).toBe(1);
    expect(progress.get()).toEqual(view);
    stop();
    progress.set(NO_PROGRESS);
    expect(calls).toBe(1);
  });
});
