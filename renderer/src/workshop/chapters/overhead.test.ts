import { describe, expect, it } from 'vitest';
import { overheadOutcome } from './overhead';

describe('overheadOutcome', () => {
  it('measures the overhead per task when messages cost more than the work', () => {
    const o = overheadOutcome({ tasks: 2000, inlineMs: 10, perTaskMs: 410, batchedMs: 8, workers: 2 });
    expect(o.asExpected).toBe(true);
    expect(o.figures.overhead_per_task_us).toBe(200);
    expect(o.measured).toBe(
      '2,000 tiny tasks: inline 10 ms; one worker message per task 410 ms ' +
        '(41.0× the inline time, ≈ 200 µs of overhead per task); batched into 2 shares 8 ms.',
    );
  });

  it('is not as expected when the workers were faster anyway', () => {
    expect(overheadOutcome({ tasks: 10, inlineMs: 50, perTaskMs: 30, batchedMs: 20, workers: 2 }).asExpected).toBe(
      false,
    );
  });
});
